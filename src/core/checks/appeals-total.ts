/** appeals.<group>.total: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each group of 表四. */
import type { CheckResult } from '../model/report.ts';
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS } from '../tables/definitions.ts';
import { compareSums, type CellLookup, type LineLookup } from './arithmetic.ts';

export function appealsTotals(cell: CellLookup, line: LineLookup): CheckResult[] {
  return APPEAL_GROUPS.flatMap((g) => {
    const parts = APPEAL_KEYS.slice(0, 4).map((k, i) => ({ path: `${g.path}.${k}`, label: APPEAL_HEADINGS[i]! }));
    const r = compareSums(`${g.path}.total`, `表四“${g.label}”各项结果之和应等于总计`, parts, [{ path: `${g.path}.total`, label: '总计' }], cell, line);
    return r ? [r] : [];
  });
}
