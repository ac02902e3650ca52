/** GFM tables: the first row as header, a rule, then the rows (padded to one width). */
import { padded, type TableLayout } from './layout.ts';

export const markdownTable: TableLayout = {
  name: 'markdown-table',
  expected: 'markdown-table',
  marks: ['', '/', '—', '无'],
  prose: 'web',
  render(rows) {
    const [head, ...rest] = padded(rows);
    return [`| ${head!.cells.join(' | ')} |`, `|${Array(head!.cells.length).fill(' --- ').join('|')}|`, ...rest.map((r) => `| ${r.cells.join(' | ')} |`)];
  },
};
