/**
 * requests.balance.<column>: newReceived + carriedOver = totalHandled + carriedForward, the
 * relation the official table itself states (第一项加第二项之和，等于第三项加第四项之和).
 */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import type { CheckResult } from '../model/report.ts';
import { APPLICANT_HEADINGS } from '../tables/definitions.ts';
import { compareSums, type CellLookup, type LineLookup } from './arithmetic.ts';

export function requestsBalance(cell: CellLookup, line: LineLookup): CheckResult[] {
  return APPLICANT_COLUMNS.flatMap((col, i) => {
    const r = compareSums(
      `requests.balance.${col}`,
      `表三“${APPLICANT_HEADINGS[i]}”列 一 + 二 应等于 三（七）+ 四`,
      [
        { path: `requests.newReceived.${col}`, label: '一、本年新收' },
        { path: `requests.carriedOver.${col}`, label: '二、上年结转' },
      ],
      [
        { path: `requests.totalHandled.${col}`, label: '三（七）总计' },
        { path: `requests.carriedForward.${col}`, label: '四、结转下年度' },
      ],
      cell,
      line,
    );
    return r ? [r] : [];
  });
}
