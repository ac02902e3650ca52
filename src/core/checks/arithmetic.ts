/**
 * Shared arithmetic for the identities: reading cells by dotted path, summing with empty cells
 * counted as 0 (and named), and phrasing the result.
 */
import type { CheckResult } from '../model/report.ts';

export type CellLookup = (path: string) => number | null | undefined;
export type LineLookup = (path: string) => number | undefined;

export interface Term {
  path: string;
  label: string;
}

export interface Sum {
  value: number;
  /** Paths of the cells that were empty and counted as 0. */
  empty: string[];
  /** Labels of the empty cells. */
  emptyLabels: string[];
  /** True when every cell was empty (nothing to check). */
  allEmpty: boolean;
}

/** Fees may be decimals: compare after rounding away binary noise. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function sum(terms: Term[], cell: CellLookup): Sum {
  let value = 0;
  const empty: string[] = [];
  const emptyLabels: string[] = [];
  for (const t of terms) {
    const v = cell(t.path);
    if (v === null || v === undefined) {
      empty.push(t.path);
      emptyLabels.push(t.label);
    } else value += v;
  }
  return { value: round(value), empty, emptyLabels, allEmpty: empty.length === terms.length };
}

/** "一（42）+ 二（0）= 42" */
export function phrase(terms: Term[], cell: CellLookup): string {
  const parts = terms.map((t) => `${t.label}（${cell(t.path) ?? '空'}）`);
  return parts.join(' + ');
}

/** Builds the check entry comparing two sums, or null when every cell involved is empty. */
export function compareSums(
  id: string,
  subject: string,
  left: Term[],
  right: Term[],
  cell: CellLookup,
  line: LineLookup,
): CheckResult | null {
  const a = sum(left, cell);
  const b = sum(right, cell);
  if (a.allEmpty && b.allEmpty) return null;
  const ok = a.value === b.value;
  const emptyLabels = [...a.emptyLabels, ...b.emptyLabels];
  const lhs = left.length === 1 ? `${left[0]!.label}（${cell(left[0]!.path) ?? '空'}）` : `${phrase(left, cell)} = ${a.value}`;
  const rhs = right.length === 1 ? `${right[0]!.label}（${cell(right[0]!.path) ?? '空'}）` : `${phrase(right, cell)} = ${b.value}`;
  let message = ok ? `${subject}：${lhs}，等于 ${rhs}` : `${subject}：${lhs}，但 ${rhs}，相差 ${round(Math.abs(a.value - b.value))}`;
  if (emptyLabels.length) message += `（空白单元格按 0 计：${emptyLabels.join('、')}）`;
  const cells = [...left, ...right].map((t) => t.path);
  const lines = cells.map((p) => line(p)).filter((l): l is number => typeof l === 'number');
  return { id, ok, message, cells, line: lines.length ? Math.min(...lines) : null };
}
