/**
 * Word "save as text": one row per line, cells separated by tabs (sample 001). Like that export,
 * 表三's rows may keep a trailing tab and a few sub-rows lose their leading empty group cells.
 */
import { padded, type TableLayout } from './layout.ts';

export const tabRows: TableLayout = {
  name: 'tab-rows',
  expected: 'tab-rows',
  marks: ['', '/', '—', '无'],
  prose: 'word',
  render(rows, table, rng) {
    const trailing = rng.chance(0.5);
    return padded(rows).map((r) => {
      let cells = r.cells;
      // Sample 001: "2. 申请人逾期未按收费通知…\t\t0\t0…" — the row lost its group cell.
      if (table === 'requests' && !r.header && cells[0] === '' && rng.chance(0.15)) cells = [cells[1]!, '', ...cells.slice(2)];
      // Samples 000/001 end 表三's rows with a tab; 表二's rows (whose blanks are real) never.
      return cells.join('\t') + (trailing && !r.header && table === 'requests' ? '\t' : '');
    });
  },
};
