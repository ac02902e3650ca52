/** requests.rowTotal.<row>: every row's 总计 = the sum of its six applicant columns. */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import { APPLICANT_HEADINGS, type RowSpec } from '../tables/definitions.ts';
import type { Identity } from './identity.ts';

export function requestsRowTotals(rows: readonly RowSpec[]): Identity[] {
  return rows.map((row) => ({
    id: `requests.rowTotal.${row.path.replace(/^requests\./, '')}`,
    subject: `表三“${row.group ? `${row.group} ` : ''}${row.label}”行 各列之和应等于总计`,
    left: APPLICANT_COLUMNS.slice(0, 6).map((col, i) => ({ path: `${row.path}.${col}`, label: APPLICANT_HEADINGS[i]! })),
    right: [{ path: `${row.path}.total`, label: '总计' }],
  }));
}
