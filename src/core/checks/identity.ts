/**
 * An arithmetic identity as data: two lists of cells whose sums must be equal. The lists depend
 * only on the template, so they are built once and evaluated for every report.
 */
import type { CheckResult } from '../model/report.ts';
import { compareSums, type CellLookup, type LineLookup, type Term } from './arithmetic.ts';

export interface Identity {
  id: string;
  /** What the identity says, in words. */
  subject: string;
  left: Term[];
  right: Term[];
}

const CELLS = new WeakMap<Identity, string[]>();
function cellsOf(i: Identity): string[] {
  let cells = CELLS.get(i);
  if (!cells) CELLS.set(i, (cells = [...i.left, ...i.right].map((t) => t.path)));
  return cells;
}

export function evaluate(identities: readonly Identity[], cell: CellLookup, line: LineLookup): CheckResult[] {
  const out: CheckResult[] = [];
  for (const i of identities) {
    // A fresh copy of the cell list: reports must not share arrays (callers may mutate them).
    const r = compareSums(i.id, i.subject, i.left, i.right, cell, line, cellsOf(i).slice());
    if (r) out.push(r);
  }
  return out;
}
