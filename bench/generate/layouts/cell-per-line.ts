/**
 * WPS export (samples 002–004): every cell on its own line, indented by a tab, a blank line
 * between rows; header cells are broken over two lines ("商业\n企业", "结果\n纠正"); a merged
 * header row loses its empty cells at the end.
 */
import { trimEmptyEnd, type TableLayout } from './layout.ts';

const BROKEN: Record<string, string> = {
  商业企业: '商业\n企业',
  科研机构: '科研\n机构',
  结果纠正: '结果\n纠正',
  其他结果: '其他\n结果',
  尚未审结: '尚未\n审结',
  结果维持: '结果\n维持',
};

export const cellPerLine: TableLayout = {
  name: 'cell-per-line',
  expected: 'cell-per-line',
  marks: ['', '/', '—', '无'],
  prose: 'wps',
  render(rows, table, rng) {
    const spaced = rng.chance(0.3); // sample 003 writes "\t 0"
    const lines: string[] = [];
    for (const r of rows) {
      let cells = r.cells;
      if (r.header) cells = trimEmptyEnd(cells).map((c) => BROKEN[c] ?? c);
      // A row with no group label: its label, then its values (sample 002's 一、/二、/四、 rows).
      else if (table === 'requests' && cells[1] === '') cells = [cells[0]!, ...cells.slice(2)];
      for (const c of cells) for (const part of c.split('\n')) lines.push(`\t${spaced && /^\d/.test(part) ? ` ${part}` : part}`);
      lines.push('');
    }
    return lines;
  },
};
