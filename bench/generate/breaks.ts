/**
 * Deliberate mistakes, the kinds real reports make, each breaking one identity of
 * report-model.md. A single wrong cell of 表三 always lies in one row identity and one column
 * identity, so a break that keeps every other identity intact touches two cells; the checks it
 * must fail are listed exactly, so a test can tell a parser that misses it from one that
 * over-reports.
 */
import { APPEAL_GROUPS } from '../../src/core/tables/definitions.ts';
import { COLUMNS, outcomeRows, type Cells, type Template } from './figures.ts';
import type { Random } from './random.ts';

export type BreakKind = 'row-totals' | 'handled-total' | 'balance' | 'appeals-total' | 'text-received';
export const BREAK_KINDS: readonly BreakKind[] = ['row-totals', 'handled-total', 'balance', 'appeals-total', 'text-received'];

export interface Break {
  kind: BreakKind;
  /** What was changed, in words (for the manifest reader). */
  change: string;
  /** The check ids that must fail, and only these. */
  failing: string[];
}

const add = (cells: Cells, path: string, d: number) => cells.set(path, (cells.get(path) ?? 0) + d);

/**
 * Applies one break to the cells (or to the stated number of requests). Returns the break and
 * the statement to print. `statement` is the number the prose states before the break.
 */
export function applyBreak(rng: Random, kind: BreakKind, template: Template, cells: Cells, statement: number): { brk: Break; statement: number } {
  const d = rng.int(1, 9);
  const outcomes = outcomeRows(template);
  const rowId = (path: string) => path.replace(/^requests\./, '');
  switch (kind) {
    case 'row-totals': {
      // One column's count written in the wrong one of two outcome rows: the column still adds up.
      const filled = outcomes.flatMap((r) => COLUMNS.filter((c) => (cells.get(`${r.path}.${c}`) ?? 0) > 0).map((c) => ({ row: r, col: c })));
      if (filled.length === 0) return applyBreak(rng, 'appeals-total', template, cells, statement);
      const { row: from, col } = rng.pick(filled);
      const to = rng.pick(outcomes.filter((r) => r !== from));
      const moved = Math.min(d, cells.get(`${from.path}.${col}`)!);
      add(cells, `${from.path}.${col}`, -moved);
      add(cells, `${to.path}.${col}`, moved);
      return { brk: { kind, change: `${moved} 件从 ${from.path}.${col} 误填入 ${to.path}.${col}`, failing: [`requests.rowTotal.${rowId(from.path)}`, `requests.rowTotal.${rowId(to.path)}`].sort() }, statement };
    }
    case 'handled-total': {
      // An outcome cell and its row total both too high: the row adds up, 三（七）总计 does not.
      const row = rng.pick(outcomes);
      const col = rng.pick(COLUMNS);
      add(cells, `${row.path}.${col}`, d);
      add(cells, `${row.path}.total`, d);
      return { brk: { kind, change: `${row.path}.${col} 与 ${row.path}.total 各 +${d}`, failing: [`requests.handledTotal.${col}`, 'requests.handledTotal.total'].sort() }, statement };
    }
    case 'balance': {
      // 一、本年新收 too high in one column (and its total, which the prose then states).
      const col = rng.pick(COLUMNS);
      add(cells, `requests.newReceived.${col}`, d);
      add(cells, 'requests.newReceived.total', d);
      return { brk: { kind, change: `requests.newReceived.${col} 与 total 各 +${d}`, failing: [`requests.balance.${col}`, 'requests.balance.total'].sort() }, statement: statement + d };
    }
    case 'appeals-total': {
      const g = rng.pick(APPEAL_GROUPS);
      const k = rng.pick(['upheld', 'corrected', 'other', 'pending']);
      add(cells, `${g.path}.${k}`, d);
      return { brk: { kind, change: `${g.path}.${k} +${d}`, failing: [`${g.path}.total`] }, statement };
    }
    case 'text-received': {
      const wrong = statement >= d && rng.chance(0.5) ? statement - d : statement + d;
      return { brk: { kind, change: `正文所述申请数 ${wrong}，表三为 ${statement}`, failing: ['text.requestsReceived'] }, statement: wrong };
    }
  }
}
