/**
 * requests.handledTotal.<column>: 三（七）总计 = 予以公开 + 部分公开 + every sub-row of 不予公开,
 * 无法提供, 不予处理 and 其他处理 (on the 2019 template, its single 其他处理 row).
 */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import type { CheckResult } from '../model/report.ts';
import { APPLICANT_HEADINGS, type RowSpec } from '../tables/definitions.ts';
import { compareSums, type CellLookup, type LineLookup } from './arithmetic.ts';

const NOT_OUTCOMES = new Set(['requests.newReceived', 'requests.carriedOver', 'requests.totalHandled', 'requests.carriedForward']);

export function requestsHandledTotal(rows: readonly RowSpec[], cell: CellLookup, line: LineLookup): CheckResult[] {
  const outcomes = rows.filter((r) => !NOT_OUTCOMES.has(r.path));
  return APPLICANT_COLUMNS.flatMap((col, i) => {
    const parts = outcomes.map((r) => ({ path: `${r.path}.${col}`, label: r.label.replace(/（区分处理的.*）$/, '').replace(/、行政机关不再处理其政府信息公开申请$/, '') }));
    const r = compareSums(
      `requests.handledTotal.${col}`,
      `表三“${APPLICANT_HEADINGS[i]}”列 各项办理结果之和应等于 三（七）总计`,
      parts,
      [{ path: `requests.totalHandled.${col}`, label: '三（七）总计' }],
      cell,
      line,
    );
    return r ? [r] : [];
  });
}
