/** PDF text without layout: a row's non-empty cells separated by single spaces. */
import type { TableLayout } from './layout.ts';

export const singleSpaceRows: TableLayout = {
  name: 'single-space-rows',
  expected: 'space-columns',
  marks: ['/', '—'],
  prose: 'pdf',
  render(rows) {
    return rows.map((r) => r.cells.filter((c) => c !== '').join(' '));
  },
};
