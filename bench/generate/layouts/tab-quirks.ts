/**
 * Tab rows with the quirks of sample 000: stray spaces inside group labels
 * ("三、本 年度 办 理 结 果"), half-width brackets with a space ("(一) 予以公开"), a group label
 * and its number in reverse order ("无法提供\t(四)\t1. …"), a blank line inside the table, and
 * header words split by a space ("结果 维持").
 */
import { padded, type TableLayout } from './layout.ts';

function loosen(text: string): string {
  return text
    .replace('三、本年度办理结果', '三、本 年度 办 理 结 果')
    .replace(/^（([一二三四五六七])）/, '($1) ')
    .replace(/^(\d)\. ?(?=[\u4e00-\u9fff])/, '$1. ');
}

export const tabQuirks: TableLayout = {
  name: 'tab-quirks',
  expected: 'tab-rows',
  marks: ['', '/', '—', '无'],
  prose: 'word',
  render(rows, table, rng) {
    const blankAfter = rng.int(8, 20);
    const lines: string[] = [];
    padded(rows).forEach((r, i) => {
      let cells = r.cells.map(loosen);
      if (table === 'requests' && !r.header) {
        // "无法提供\t(四)\t1. 本机关不掌握相关政府信息"
        const m = /^\((四|五|六)\) (.+)$/.exec(cells[0]!);
        if (m && cells[1] !== '') cells = [m[2]!, `(${m[1]})`, ...cells.slice(1)];
      }
      if (table === 'appeals' && r.header) cells = cells.map((c) => c.replace(/^(结果|其他|尚未)(维持|纠正|结果|审结)$/, '$1 $2'));
      lines.push(cells.join('\t'));
      if (table === 'requests' && i === blankAfter) lines.push('');
    });
    return lines;
  },
};
