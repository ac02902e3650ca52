/**
 * A report whose every table cell holds a distinct non-zero value, so that a parser which swaps
 * columns, mixes up rows or groups, or reads 规章 as 规范性文件 fails. Values follow a formula
 * (row × 10 + column, in separate ranges per table) that the tests assert independently.
 */
import { APPEAL_GROUPS, APPEAL_KEYS, PROACTIVE_2021, REQUESTS_2021 } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';

/** 表二: 1000 + row × 10 + column (row and column 1-based); fees carry a decimal. */
export function proactiveValue(row: number, col: number): number {
  const v = 1000 + row * 10 + col;
  return PROACTIVE_2021[row - 1]!.decimals ? v + 0.5 : v;
}
/** 表三: row × 10 + column (rows 1..25, columns 1..7). */
export function requestValue(row: number, col: number): number {
  return row * 10 + col;
}
/** 表四: 2000 + group × 10 + column (groups 1..3, columns 1..5). */
export function appealValue(group: number, col: number): number {
  return 2000 + group * 10 + col;
}

/** Every cell of the grid report by dotted path. */
export function gridCells(): Map<string, number> {
  const cells = new Map<string, number>();
  PROACTIVE_2021.forEach((spec, r) => spec.columns.forEach((c, k) => cells.set(cellPath(spec, c), proactiveValue(r + 1, k + 1))));
  REQUESTS_2021.forEach((spec, r) => spec.columns.forEach((c, k) => cells.set(cellPath(spec, c), requestValue(r + 1, k + 1))));
  APPEAL_GROUPS.forEach((g, r) => APPEAL_KEYS.forEach((k, c) => cells.set(`${g.path}.${k}`, appealValue(r + 1, c + 1))));
  return cells;
}
