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

/** The cells of a side, each read once: the sum, the phrasing and the list of empty cells use them. */
function valuesOf(terms: Term[], cell: CellLookup): (number | null)[] {
  const values: (number | null)[] = new Array(terms.length);
  for (let i = 0; i < terms.length; i++) values[i] = cell(terms[i]!.path) ?? null;
  return values;
}

function sumOf(terms: Term[], values: (number | null)[]): Sum {
  let value = 0;
  const empty: string[] = [];
  const emptyLabels: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      empty.push(terms[i]!.path);
      emptyLabels.push(terms[i]!.label);
    } else value += v;
  }
  return { value: round(value), empty, emptyLabels, allEmpty: empty.length === terms.length };
}

function phraseOf(terms: Term[], values: (number | null)[]): string {
  return terms.map((t, i) => `${t.label}（${values[i] ?? '空'}）`).join(' + ');
}

export function sum(terms: Term[], cell: CellLookup): Sum {
  return sumOf(terms, valuesOf(terms, cell));
}

/** "一（42）+ 二（0）= 42" */
export function phrase(terms: Term[], cell: CellLookup): string {
  return phraseOf(terms, valuesOf(terms, cell));
}

/** A side of an identity in words: "一、本年新收（42）+ 二、上年结转（0）= 42". Long sides are summed up when they hold. */
function side(terms: Term[], values: (number | null)[], total: number, detailed: boolean): string {
  if (terms.length === 1) return `${terms[0]!.label}（${values[0] ?? '空'}）`;
  if (!detailed) return `${terms.length} 项之和（${total}）`;
  return `${phraseOf(terms, values)} = ${total}`;
}

/** Sides longer than this are phrased term by term only when the identity fails. */
const LONG_SIDE = 6;

/** Builds the check entry comparing two sums, or null when every cell involved is empty. */
export function compareSums(
  id: string,
  subject: string,
  left: Term[],
  right: Term[],
  cell: CellLookup,
  line: LineLookup,
  cells: string[] = [...left, ...right].map((t) => t.path),
): CheckResult | null {
  const leftValues = valuesOf(left, cell);
  const rightValues = valuesOf(right, cell);
  const a = sumOf(left, leftValues);
  const b = sumOf(right, rightValues);
  if (a.allEmpty && b.allEmpty) return null;
  const ok = a.value === b.value;
  const lhs = side(left, leftValues, a.value, !ok || left.length <= LONG_SIDE);
  const rhs = side(right, rightValues, b.value, !ok || right.length <= LONG_SIDE);
  let message = ok ? `${subject}：${lhs}，等于 ${rhs}` : `${subject}：${lhs}，但 ${rhs}，相差 ${round(Math.abs(a.value - b.value))}`;
  const emptyLabels = a.emptyLabels.concat(b.emptyLabels);
  if (emptyLabels.length) message += `（空白单元格按 0 计：${emptyLabels.join('、')}）`;
  let first: number | null = null;
  for (const p of cells) {
    const l = line(p);
    if (typeof l === 'number' && (first === null || l < first)) first = l;
  }
  return { id, ok, message, cells, line: first };
}
