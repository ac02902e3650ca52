/**
 * A table as a saved portal page has it: one <tr> per row, one <td> per cell (empty cells kept,
 * header rows in <th>). The .html writer places these lines inside a <table>.
 */
import { padded, type TableLayout } from './layout.ts';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const htmlTable: TableLayout = {
  name: 'html-table',
  expected: 'html-table',
  marks: ['', '/', '—', '无'],
  prose: 'web',
  render(rows) {
    return padded(rows).map((r) => `<tr>${r.cells.map((c) => (r.header ? `<th>${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`);
  },
};
