/** appeals.<group>.total: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each group of 表四. */
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS } from '../tables/definitions.ts';
import type { Identity } from './identity.ts';

export const APPEALS_TOTALS: readonly Identity[] = APPEAL_GROUPS.map((g) => ({
  id: `${g.path}.total`,
  subject: `表四“${g.label}”各项结果之和应等于总计`,
  left: APPEAL_KEYS.slice(0, 4).map((k, i) => ({ path: `${g.path}.${k}`, label: APPEAL_HEADINGS[i]! })),
  right: [{ path: `${g.path}.total`, label: '总计' }],
}));
