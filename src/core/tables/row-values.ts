/**
 * Turning the cells that follow a row label into exactly the row's values. Blank cells are
 * spacers unless the row needs them; a short row is repaired only where the repair is certain
 * (a visible separator, or the one way to split a run of digits); anything else is reported.
 */
import { makeCell, type Cell } from '../layout/lines.ts';
import { cellText, digitSplits } from '../layout/values.ts';

export interface RowOptions {
  /** Column headings, for messages. */
  headings: readonly string[];
  /** The row's label, for messages. */
  label: string;
  decimals?: boolean;
  signed?: boolean;
  /** The last column is the total of the others (表三), which can tell where an empty cell stands. */
  totalColumn?: boolean;
}

export interface RowValues {
  values: (number | null)[];
  /** Source line of each value (null where no cell was found). */
  lines: (number | null)[];
  warnings: { message: string; line: number }[];
}

type Slot = { value: number | null; line: number | null; cell?: Cell };

/** The value of one readable cell, or a warning when it cannot stand in this column. */
function cellValue(cell: Cell, column: number, opts: RowOptions, warn: (m: string, l: number) => void): number | null {
  const r = cell.reading;
  const where = `${opts.label}”行“${opts.headings[column] ?? `第${column + 1}列`}”列`;
  if (r.kind === 'number') {
    if (!r.integer && !opts.decimals) {
      warn(`“${where}的“${cell.text}”不是整数，未采用`, cell.line);
      return null;
    }
    if (r.value < 0 && !opts.signed) {
      warn(`“${where}的“${cell.text}”是负数，未采用`, cell.line);
      return null;
    }
    return r.value;
  }
  if (r.kind === 'unreadable') {
    warn(`“${where}无法读取：${r.reason}`, cell.line);
    return null;
  }
  return null; // empty or not-applicable
}

/**
 * The ways to take `n` adjacent cells from the run that keep every non-empty one: more than one
 * when an empty value cell stands at an end of the row next to empty spacer cells (a merged label's
 * cell, a rowspan's covered cell), which text exports cannot tell apart.
 */
function windows(run: Cell[], n: number): Cell[][] {
  const filled = run.map((c) => c.reading.kind !== 'empty');
  const first = filled.indexOf(true);
  if (first < 0) return run.length >= n ? [run.slice(0, n)] : [];
  const last = filled.lastIndexOf(true);
  const out: Cell[][] = [];
  for (let start = Math.max(0, last - n + 1); start <= Math.min(first, run.length - n); start++) out.push(run.slice(start, start + n));
  return out;
}

/** True when the row's total is written and is the sum of its other cells (empty ones as 0). */
function totalHolds(cells: Cell[]): boolean {
  const values = cells.map((c) => (c.reading.kind === 'number' ? c.reading.value : null));
  const total = values[values.length - 1];
  if (total === null || total === undefined) return false;
  const sum = values.slice(0, -1).reduce<number>((a, v) => a + (v ?? 0), 0);
  return Math.abs(sum - total) < 1e-6;
}

/** Splits cells such as "12 34" at their visible spaces. */
function splitAtSpaces(cells: Cell[]): Cell[] {
  return cells.flatMap((c) =>
    c.reading.kind === 'unreadable' && /^[+-]?\d[\d,.]*(?:\s+[+-]?\d[\d,.]*)+$/.test(cellText(c.text))
      ? cellText(c.text).split(/\s+/).map((t) => makeCell(t, c.line))
      : [c],
  );
}

/**
 * Every way to read `cells` as `n` numbers when digit runs may hold several numbers whose
 * separator was lost. Returns the readings (capped) as arrays of slots.
 */
function digitReadings(cells: Cell[], n: number): Slot[][] {
  const extra = n - cells.length;
  const results: Slot[][] = [];
  const walk = (i: number, left: number, acc: Slot[]) => {
    if (results.length > 64) return;
    if (i === cells.length) {
      if (left === 0) results.push(acc);
      return;
    }
    const cell = cells[i]!;
    const digits = cellText(cell.text);
    walk(i + 1, left, [...acc, { value: null, line: cell.line, cell }]);
    if (cell.reading.kind !== 'number' || !/^\d{2,}$/.test(digits)) return;
    for (let k = 1; k <= left && k < digits.length; k++) {
      for (const split of digitSplits(digits, k + 1)) {
        walk(i + 1, left - k, [...acc, ...split.map((v) => ({ value: v, line: cell.line }))]);
      }
    }
  };
  walk(0, extra, []);
  return results;
}

/** Reads the run of cells after a label as exactly `n` values. */
export function rowValues(run: Cell[], n: number, opts: RowOptions): RowValues {
  const warnings: RowValues['warnings'] = [];
  const warn = (message: string, line: number) => warnings.push({ message, line });
  const firstLine = run[0]?.line ?? null;
  const nonEmpty = run.filter((c) => c.reading.kind !== 'empty');

  let cells: Cell[];
  if (nonEmpty.length === n) cells = nonEmpty;
  else if (nonEmpty.length > n) {
    warn(`“${opts.label}”行有 ${nonEmpty.length} 个数值，表格只有 ${n} 列；多出的“${nonEmpty.slice(n).map((c) => c.text).join('、')}”未采用`, nonEmpty[n]!.line);
    cells = nonEmpty.slice(0, n);
  } else if (run.length > n) {
    let ways = windows(run, n);
    if (ways.length > 1 && opts.totalColumn) {
      // Only a reading whose written total adds up decides; an empty total proves nothing.
      const holding = ways.filter(totalHolds);
      if (holding.length === 1) {
        warn(`“${opts.label}”行有空白单元格，其位置按“总计 = 各列之和”判定，请核对`, nonEmpty[0]?.line ?? firstLine ?? 0);
        ways = holding;
      }
    }
    if (ways.length > 1) {
      // Keep the columns every reading agrees on; the others cannot be placed.
      const unsure = ways[0]!.map((cell, col) => ways.some((w) => w[col] !== cell));
      const names = unsure.flatMap((u, col) => (u ? [opts.headings[col] ?? `第${col + 1}列`] : []));
      warn(`“${opts.label}”行的空白单元格位置不明，“${names.join('、')}”列未采用`, nonEmpty[0]?.line ?? firstLine ?? 0);
      return {
        values: ways[0]!.map((c, col) => (unsure[col] ? null : cellValue(c, col, opts, warn))),
        lines: ways[0]!.map((c) => c.line),
        warnings,
      };
    }
    if (ways.length === 0) {
      // Empty cells between the values: which of them are real cannot be told.
      warn(`“${opts.label}”行的空白单元格位置不明（${run.length} 个单元格，${n} 列），本行未采用`, nonEmpty[0]!.line);
      return { values: Array(n).fill(null), lines: Array(n).fill(firstLine), warnings };
    }
    cells = ways[0]!;
  } else {
    cells = run.length < n ? splitAtSpaces(run) : run;
  }

  if (cells.length === n) {
    return {
      values: cells.map((c, i) => cellValue(c, i, opts, warn)),
      lines: cells.map((c) => c.line),
      warnings,
    };
  }

  // Short row: numbers run together after a lost separator?
  const readings = cells.length > 0 ? digitReadings(cells, n) : [];
  if (readings.length === 0) {
    if (cells.length === 0) warn(`“${opts.label}”行没有数值`, firstLine ?? 0);
    else warn(`“${opts.label}”行只有 ${cells.length} 个数值（${cells.map((c) => c.text || '空').join('、')}），表格有 ${n} 列，无法确定各列，本行未采用`, cells[0]!.line);
    return { values: Array(n).fill(null), lines: Array(n).fill(firstLine), warnings };
  }
  const values: (number | null)[] = [];
  const lines: (number | null)[] = [];
  const unsure: string[] = [];
  for (let col = 0; col < n; col++) {
    const slot = readings[0]![col]!;
    const same = readings.every((r) => {
      const s = r[col]!;
      return s.cell === slot.cell && (slot.cell ? true : s.value === slot.value);
    });
    lines.push(slot.line);
    if (!same) {
      values.push(null);
      unsure.push(opts.headings[col] ?? `第${col + 1}列`);
    } else values.push(slot.cell ? cellValue(slot.cell, col, opts, warn) : slot.value);
  }
  const joined = cells.filter((c) => c.reading.kind === 'number' && /^\d{2,}$/.test(cellText(c.text)));
  if (readings.length === 1) {
    warn(`“${opts.label}”行少了分隔符：“${joined.map((c) => c.text).join('、')}”只能读作 ${values.filter((v) => v !== null).join('、')}，请核对`, cells[0]!.line);
  } else {
    warn(`“${opts.label}”行“${unsure.join('、')}”列无法确定：“${joined.map((c) => c.text).join('、')}”中的数字连在一起，可有多种拆分，未采用`, cells[0]!.line);
  }
  return { values, lines, warnings };
}
