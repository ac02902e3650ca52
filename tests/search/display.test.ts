/** Display blocks and readable snippets. */
import { describe, expect, it } from 'vitest';
import { displayBlocks, positionsBefore, snippet, type DisplayBlock } from '../../src/search/display.ts';
import { analyse } from '../../src/search/tokenize.ts';

const source = { url: 'reports/2023-x/', title: '某中心2023年度报告', agency: '某中心', district: '硚口区', year: 2023 };
const body = Array.from({ length: 40 }, (_, i) => `第${i}段：大数据中心开展工作，Web 平台“政务服务”上线。`).join('\n');
const text = `${body}\n某中心2023年度报告\n某中心\n硚口区\n2023年`;
const a = analyse(text);
const headerStart = analyse(`${body}\n`).chars.length;
const blocks = displayBlocks(source, a, headerStart, 100);

const textOf = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('displayBlocks', () => {
  it('cover every position, block k from position k·size', () => {
    expect(blocks).toHaveLength(Math.ceil(a.chars.length / 100));
    blocks.forEach((b, k) => {
      // The block's own text gives back exactly the positions it says it starts at.
      const again = analyse(b.x).chars;
      expect(again).toEqual(a.chars.slice(b.s, b.s + again.length));
      expect(b.s).toBeLessThanOrEqual(k * 100);
      expect(b.s + again.length).toBeGreaterThanOrEqual(Math.min(a.chars.length, (k + 1) * 100));
    });
  });

  it('carry what a result shows', () => {
    expect(blocks[0]).toMatchObject({ u: 'reports/2023-x/', t: '某中心2023年度报告', a: '某中心', d: '硚口区', y: 2023, h: headerStart });
    expect(blocks[0]!.l).toBeUndefined();
    expect(blocks.at(-1)!.l!.startsWith('第0段：大数据中心开展工作')).toBe(true);
  });
});

describe('positionsBefore', () => {
  it('counts the positions of the text before an offset, as analysing that text would', () => {
    const odd = '面积 12㎡，½ 杯；cafe\u0301 𠀀𠀁 2023 年\n（硚口区）\u3000Web 平台\n';
    const all = analyse(odd);
    let checked = 0;
    for (let offset = 0; offset <= odd.length; offset++) {
      if (/[\udc00-\udfff]/.test(odd[offset] ?? '')) continue; // not inside a surrogate pair
      expect(positionsBefore(all, offset), `offset ${offset}`).toBe(analyse(odd.slice(0, offset)).chars.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(positionsBefore(a, text.length - '某中心2023年度报告\n某中心\n硚口区\n2023年'.length)).toBe(headerStart);
  });
});

describe('snippet', () => {
  const blockAt = (position: number): DisplayBlock => blocks[Math.floor(position / 100)]!;
  const positionOf = (needle: string, from = 0) => {
    const joined = a.chars.join('');
    return Array.from(joined.slice(0, joined.indexOf(needle, from))).length;
  };

  it('marks every match of the query runs and keeps the punctuation', () => {
    const p = positionOf('政务服务');
    const { parts, lead } = snippet(blockAt(p), p, ['政务服务']);
    expect(lead).toBe(false);
    expect(textOf(parts)).toContain('“[政务服务]”上线。');
    expect(parts.filter((x) => x.mark).every((x) => x.text === '政务服务')).toBe(true);
  });

  it('joins the characters of a match into one mark, and marks several runs', () => {
    const p = positionOf('大数据中心');
    const { parts } = snippet(blockAt(p), p, ['大数据', 'web']);
    const shown = textOf(parts);
    expect(shown).toContain('[大数据]中心开展工作，[Web] 平台');
  });

  it('does not mark across punctuation', () => {
    const p = positionOf('工作web');
    const { parts } = snippet(blockAt(p), p, ['工作web']);
    expect(parts.some((x) => x.mark)).toBe(false);
  });

  it('shows the start of the text when the match is in the header', () => {
    const { parts, lead } = snippet(blocks.at(-1)!, headerStart + 2, ['中心']);
    expect(lead).toBe(true);
    expect(textOf(parts).startsWith('第0段：大数据中心开展工作')).toBe(true);
  });

  it('starts and ends with an ellipsis inside the text, and not with a comma', () => {
    const p = positionOf('政务服务', 200);
    const { parts } = snippet(blockAt(p), p, ['政务服务']);
    const shown = textOf(parts);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).not.toMatch(/^…[，。、]/);
  });

  it('keeps text as text', () => {
    const t = '网站留言中出现过<script>alert(1)</script>这样的文字。';
    const b = displayBlocks(source, analyse(t), 1000, 100)[0]!;
    const p = analyse(t).chars.join('').indexOf('alert');
    const { parts } = snippet(b, p, ['alert']);
    expect(textOf(parts)).toBe('网站留言中出现过<script>[alert](1)</script>这样的文字。');
  });
});
