/**
 * pdftotext -layout: columns padded with spaces to fixed positions. Empty cells leave only
 * spaces behind, so a row's empty cells cannot be told apart: layouts mark them instead.
 */
import { displayWidth, trimEmptyEnd, type TableLayout } from './layout.ts';

export const spaceColumns: TableLayout = {
  name: 'space-columns',
  expected: 'space-columns',
  marks: ['/', '—', '无'],
  prose: 'pdf',
  render(rows) {
    const widths: number[] = [];
    for (const r of rows) r.cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.min(displayWidth(c), 30))));
    return rows.map((r) =>
      trimEmptyEnd(r.cells)
        .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)) + 3))
        .join('')
        .trimEnd(),
    );
  },
};
