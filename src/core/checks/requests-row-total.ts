/** requests.rowTotal.<row>: every row's 总计 = the sum of its six applicant columns. */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import type { CheckResult } from '../model/report.ts';
import { APPLICANT_HEADINGS, type RowSpec } from '../tables/definitions.ts';
import { compareSums, type CellLookup, type LineLookup } from './arithmetic.ts';

export function requestsRowTotals(rows: readonly RowSpec[], cell: CellLookup, line: LineLookup): CheckResult[] {
  return rows.flatMap((row) => {
    const rowId = row.path.replace(/^requests\./, '');
    const name = `${row.group ? `${row.group} ` : ''}${row.label}`;
    const parts = APPLICANT_COLUMNS.slice(0, 6).map((col, i) => ({ path: `${row.path}.${col}`, label: APPLICANT_HEADINGS[i]! }));
    const r = compareSums(`requests.rowTotal.${rowId}`, `表三“${name}”行 各列之和应等于总计`, parts, [{ path: `${row.path}.total`, label: '总计' }], cell, line);
    return r ? [r] : [];
  });
}
