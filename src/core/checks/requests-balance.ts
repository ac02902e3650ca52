/**
 * requests.balance.<column>: newReceived + carriedOver = totalHandled + carriedForward, the
 * relation the official table itself states (第一项加第二项之和，等于第三项加第四项之和).
 */
import { APPLICANT_COLUMNS } from '../model/cells.ts';
import { APPLICANT_HEADINGS } from '../tables/definitions.ts';
import type { Identity } from './identity.ts';

export const REQUESTS_BALANCE: readonly Identity[] = APPLICANT_COLUMNS.map((col, i) => ({
  id: `requests.balance.${col}`,
  subject: `表三“${APPLICANT_HEADINGS[i]}”列 一 + 二 应等于 三（七）+ 四`,
  left: [
    { path: `requests.newReceived.${col}`, label: '一、本年新收' },
    { path: `requests.carriedOver.${col}`, label: '二、上年结转' },
  ],
  right: [
    { path: `requests.totalHandled.${col}`, label: '三（七）总计' },
    { path: `requests.carriedForward.${col}`, label: '四、结转下年度' },
  ],
}));
