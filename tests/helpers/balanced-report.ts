/**
 * A report whose cells are distinct and non-zero AND satisfy every identity: outcome rows hold
 * distinct values, totals are their sums, and 一 + 二 = 三（七）+ 四 in every column.
 */
import { APPEAL_GROUPS, APPEAL_KEYS, PROACTIVE_2021, REQUESTS_2021 } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legal', 'otherOrg'] as const;
const NOT_OUTCOMES = ['requests.newReceived', 'requests.carriedOver', 'requests.totalHandled', 'requests.carriedForward'];

export function balancedCells(): Map<string, number> {
  const cells = new Map<string, number>();
  const setRow = (row: string, values: number[]) => {
    COLUMNS.forEach((c, i) => cells.set(`${row}.${c}`, values[i]!));
    cells.set(`${row}.total`, values.reduce((a, b) => a + b, 0));
  };
  const outcomes = REQUESTS_2021.filter((r) => !NOT_OUTCOMES.includes(r.path));
  outcomes.forEach((r, i) => setRow(r.path, COLUMNS.map((_, j) => (i + 1) * 10 + j + 1)));
  const handled = COLUMNS.map((c) => outcomes.reduce((s, r) => s + cells.get(`${r.path}.${c}`)!, 0));
  setRow('requests.totalHandled', handled);
  const forward = COLUMNS.map((_, j) => 300 + j);
  const over = COLUMNS.map((_, j) => 500 + j);
  setRow('requests.carriedForward', forward);
  setRow('requests.carriedOver', over);
  setRow('requests.newReceived', handled.map((h, j) => h + forward[j]! - over[j]!));
  PROACTIVE_2021.forEach((s, r) => s.columns.forEach((c, k) => cells.set(cellPath(s, c), 1000 + (r + 1) * 10 + k + 1)));
  APPEAL_GROUPS.forEach((g, gi) => {
    const parts = [1, 2, 3, 4].map((k) => gi * 4 + k);
    APPEAL_KEYS.forEach((k, ki) => cells.set(`${g.path}.${k}`, ki < 4 ? parts[ki]! : parts.reduce((a, b) => a + b, 0)));
  });
  return cells;
}
