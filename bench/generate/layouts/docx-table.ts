/**
 * A Word table (the .docx writer builds real w:tbl rows from the same rows). `render` gives the
 * rows as the reader's text view (tab-separated), for looking at a generated report.
 */
import { padded, type TableLayout } from './layout.ts';

export const docxTable: TableLayout = {
  name: 'docx-table',
  expected: 'docx-table',
  marks: ['', '/', '—', '无'],
  prose: 'web',
  render(rows) {
    return padded(rows).map((r) => r.cells.join('\t'));
  },
};
