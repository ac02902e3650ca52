/**
 * A table layout: how one export lays a table out as lines of text. Each layout is its own
 * module; `expected` is the name the parser gives it in source.layout.
 */
import type { Row, TableName } from '../document.ts';
import type { Random } from '../random.ts';

export interface TableLayout {
  name: string;
  /** source.layout the parser must report for a report laid out this way. */
  expected: string;
  /**
   * How this layout can print an empty or not-applicable cell so that a reader still sees the
   * cell: PDF text loses empty cells (so only marks), and a lone 无 after a label on a
   * single-space line reads as prose ("存在问题 无"), so that layout uses / and — only.
   */
  marks: readonly string[];
  /** How prose around the tables looks in exports that produce this layout. */
  prose: 'word' | 'wps' | 'web' | 'pdf';
  render(rows: Row[], table: TableName, rng: Random): string[];
}

/** Display width of text in a monospaced PDF-to-text rendering (CJK characters are double). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export const trimEmptyEnd = (cells: string[]) => {
  const r = cells.slice();
  while (r.length > 1 && r[r.length - 1] === '') r.pop();
  return r;
};

/** Rows padded with empty cells to the table's width, as a grid export prints them. */
export function padded(rows: Row[]): Row[] {
  const width = Math.max(...rows.map((r) => r.cells.length));
  return rows.map((r) => ({ ...r, cells: [...r.cells, ...Array(width - r.cells.length).fill('')] }));
}
