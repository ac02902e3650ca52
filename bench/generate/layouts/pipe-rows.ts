/** Rows copied from a web page: cells between pipes, no rule line. */
import { padded, type TableLayout } from './layout.ts';

export const pipeRows: TableLayout = {
  name: 'pipe-rows',
  expected: 'pipe-rows',
  marks: ['', '/', '—', '无'],
  prose: 'web',
  render(rows) {
    return padded(rows).map((r) => `| ${r.cells.join(' | ')} |`);
  },
};
