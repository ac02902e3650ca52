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

/** How one table's row patterns match label keys: which rows a key may be, remembered per key. */
interface SpecMatcher {
  /** One pattern matching any label of the table, to pass over other cells with one test. */
  any: RegExp;
  /** Indexes of the specs whose pattern matches the key (empty for none). */
  byKey: Map<string, readonly number[]>;
}

const MATCHERS = new WeakMap<readonly RowSpec[], SpecMatcher>();
const NONE: readonly number[] = [];
/** Label keys recur in every report; the map is dropped when full, to bound memory. */
const MAX_KEYS = 20_000;

function matcher(specs: readonly RowSpec[]): SpecMatcher {
  let m = MATCHERS.get(specs);
  if (!m) MATCHERS.set(specs, (m = { any: new RegExp(specs.map((s) => `(?:${s.match.source})`).join('|')), byKey: new Map() }));
  return m;
}

/** The specs (by index, in order) a label key matches. */
function specsMatching(m: SpecMatcher, specs: readonly RowSpec[], key: string): readonly number[] {
  let found = m.byKey.get(key);
  if (!found) {
    found = m.any.test(key) ? specs.flatMap((spec, s) => (spec.match.test(key) ? [s] : [])) : NONE;
    if (m.byKey.size >= MAX_KEYS) m.byKey.clear();
    m.byKey.set(key, found);
  }
  return found;
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
  // The label cells each row may be, in stream order.
  const m = matcher(specs);
  const candidatesOf: number[][] = specs.map(() => []);
  cells.forEach((c, i) => {
    const keys = labelKeys(c);
    if (!keys) return;
    const rows = keys.length === 1 ? specsMatching(m, specs, keys[0]!) : new Set(keys.flatMap((k) => specsMatching(m, specs, k)));
    for (const s of rows) candidatesOf[s]!.push(i);
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
  candidatesOf.forEach((candidates, s) => {
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
