/**
 * Finding a table's rows by their labels, in the official order, in a stream of cells. Labels are
 * matched by meaning (numbering, spaces and brackets ignored); when a label occurs more than once
 * (a repeated header, a label echoed in a note) the assignment that keeps the official order and
 * has values after each label wins.
 */
import { MAX_LABEL_LENGTH, type Cell } from '../layout/lines.ts';
import { matchKey } from '../text/normalize.ts';
import type { RowSpec } from './definitions.ts';
import { rowValues, type RowValues } from './row-values.ts';

export interface FoundRow {
  spec: RowSpec;
  /** Index of the label cell in the stream. */
  at: number;
  /** Source line of the label. */
  line: number;
  result: RowValues;
  /** Index of the last cell consumed as a value. */
  end: number;
}


/** The cells that follow index `at` up to the next text cell. */
export function valueRun(cells: Cell[], at: number): Cell[] {
  const run: Cell[] = [];
  for (let i = at + 1; i < cells.length; i++) {
    if (cells[i]!.reading.kind === 'text') break;
    run.push(cells[i]!);
  }
  return run;
}

/** The label cells picked so far, newest first; a state shares its chain with the states it extends. */
interface Pick {
  spec: number;
  at: number;
  prev: Pick | null;
}

interface State {
  pos: number;
  score: number;
  /** Rows not picked are absent (they stay -1 in the final list). */
  picks: Pick | null;
}

const ANY_LABEL = new WeakMap<readonly RowSpec[], RegExp>();

/** One pattern matching any label of the table, to pass over other cells with one test. */
function anyLabel(specs: readonly RowSpec[]): RegExp {
  let re = ANY_LABEL.get(specs);
  if (!re) ANY_LABEL.set(specs, (re = new RegExp(specs.map((s) => `(?:${s.match.source})`).join('|'))));
  return re;
}

/** A printed explanation in brackets after a label: 规章（设区的市、自治州人民政府应提供相关数据）. */
const EXPLANATION = /[（(][^（）()]*[）)]$/;

/** The keys a cell may be recognised by: itself, and itself without a trailing explanation. */
function labelKeys(cell: Cell): string[] | null {
  if (cell.reading.kind !== 'text') return null;
  const keys: string[] = cell.match !== null ? [cell.match] : [];
  const last = cell.text.charCodeAt(cell.text.length - 1);
  if (last === 0x29 || last === 0xff09) {
    const bare = cell.text.replace(EXPLANATION, '');
    if (bare !== cell.text && bare.length > 0 && bare.length <= MAX_LABEL_LENGTH) keys.push(matchKey(bare));
  }
  return keys.length ? keys : null;
}

export function findLabelledRows(cells: Cell[], specs: readonly RowSpec[]): FoundRow[] {
  const any = anyLabel(specs);
  const keyed: { i: number; keys: string[] }[] = [];
  cells.forEach((c, i) => {
    const keys = labelKeys(c);
    if (keys && keys.some((k) => any.test(k))) keyed.push({ i, keys });
  });
  const hasValues = (at: number) => {
    for (let i = at + 1; i < cells.length; i++) {
      const kind = cells[i]!.reading.kind;
      if (kind === 'text') return false;
      if (kind !== 'empty') return true;
    }
    return false;
  };

  let states: State[] = [{ pos: -1, score: 0, picks: null }];
  specs.forEach((spec, s) => {
    const candidates: number[] = [];
    for (const { i, keys } of keyed) if (keys.some((k) => spec.match.test(k))) candidates.push(i);
    // Every state may leave this row out; picking it extends the best earlier state.
    const next: State[] = states.slice();
    for (const c of candidates) {
      let best: State | undefined;
      for (const st of states) if (st.pos < c && (!best || st.score > best.score)) best = st;
      if (best) next.push({ pos: c, score: best.score + (hasValues(c) ? 2 : 1), picks: { spec: s, at: c, prev: best.picks } });
    }
    // Keep only states not dominated by one that ends earlier with at least the same score.
    next.sort((a, b) => a.pos - b.pos || b.score - a.score);
    states = [];
    let bestScore = -1;
    for (const st of next) {
      if (st.score > bestScore) {
        states.push(st);
        bestScore = st.score;
      }
    }
  });
  const winner = states.reduce((a, b) => (b.score > a.score ? b : a));
  const picks: number[] = specs.map(() => -1);
  for (let p = winner.picks; p; p = p.prev) picks[p.spec] = p.at;

  const rows: FoundRow[] = [];
  picks.forEach((at, s) => {
    if (at < 0) return;
    const spec = specs[s]!;
    const run = valueRun(cells, at);
    const result = rowValues(run, spec.columns.length, {
      label: spec.label,
      headings: spec.headings,
      decimals: spec.decimals,
      signed: spec.signed,
      totalColumn: spec.columns[spec.columns.length - 1] === 'total',
    });
    rows.push({ spec, at, line: cells[at]!.line, result, end: at + run.length });
  });
  return rows;
}
