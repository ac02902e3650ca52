/**
 * requests.handledTotal.<column>: 三（七）总计 = 予以公开 + 部分公开 + every sub-row of 不予公开,
 * 无法提供, 不予处理 and 其他处理 (on the 2019 template, its single 其他处理 row).
 */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import { APPLICANT_HEADINGS, type RowSpec } from '../tables/definitions.ts';
import type { Identity } from './identity.ts';

const NOT_OUTCOMES = new Set(['requests.newReceived', 'requests.carriedOver', 'requests.totalHandled', 'requests.carriedForward']);

export function requestsHandledTotal(rows: readonly RowSpec[]): Identity[] {
  const outcomes = rows.filter((r) => !NOT_OUTCOMES.has(r.path));
  return APPLICANT_COLUMNS.map((col, i) => ({
    id: `requests.handledTotal.${col}`,
    subject: `表三“${APPLICANT_HEADINGS[i]}”列 各项办理结果之和应等于 三（七）总计`,
    left: outcomes.map((r) => ({ path: `${r.path}.${col}`, label: r.label.replace(/（区分处理的.*）$/, '').replace(/、行政机关不再处理其政府信息公开申请$/, '') })),
    right: [{ path: `requests.totalHandled.${col}`, label: '三（七）总计' }],
  }));
}
