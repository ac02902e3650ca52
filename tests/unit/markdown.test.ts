/** Chapter prose to Markdown: broken lines joined, sub-headings kept, markup escaped. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { proseBlocks, proseToMarkdown } from '../../src/core/text/markdown.ts';
import { SAMPLES } from '../helpers/paths.ts';

const lines = (text: string) => text.split('\n').map((t) => ({ text: t, blank: t.trim() === '' }));

describe('proseBlocks', () => {
  it('joins a sentence broken by a blank line or a hard wrap', () => {
    expect(proseBlocks(lines('完成区政府门户网站栏\n\n目建设，荣获奖项。\n下一段。'))).toEqual([
      { kind: 'paragraph', text: '完成区政府门户网站栏目建设，荣获奖项。' },
      { kind: 'paragraph', text: '下一段。' },
    ]);
  });
  it('starts a new paragraph at a numbered item even after an unfinished line', () => {
    expect(proseBlocks(lines('主要措施\n一是加强领导。\n二是完善制度。')).map((b) => b.text)).toEqual(['主要措施', '一是加强领导。', '二是完善制度。']);
  });
  it('keeps numbered sub-headings as headings', () => {
    expect(proseBlocks(lines('（一）政府信息主动公开情况\n内容。\n(二) 依申请公开:\n内容。')).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });
});

describe('proseToMarkdown', () => {
  it('writes what mdast-util-to-markdown writes, for every block of every sample', () => {
    let n = 0;
    for (const f of readdirSync(SAMPLES).filter((x) => x.endsWith('.txt'))) {
      for (const b of proseBlocks(lines(readFileSync(join(SAMPLES, f), 'utf8')))) {
        const node = b.kind === 'heading' ? { type: 'heading' as const, depth: 3 as const, children: [{ type: 'text' as const, value: b.text }] } : { type: 'paragraph' as const, children: [{ type: 'text' as const, value: b.text }] };
        if (b.kind === 'paragraph') expect(proseToMarkdown([{ text: b.text, blank: false }])).toBe(toMarkdown({ type: 'root', children: [node] }).trimEnd());
        n++;
      }
    }
    expect(n).toBeGreaterThan(200);
  });
  it.each([
    ['1. 属于国家秘密', '1\\. 属于国家秘密'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['# 不是标题', '\\# 不是标题'],
    ['- 不是列表', '\\- 不是列表'],
    ['a_b*c*', 'a_b\\*c\\*'],
    ['正文&nbsp;', '正文\\&nbsp;'],
  ])('escapes %s', (text, md) => {
    expect(proseToMarkdown([{ text, blank: false }])).toBe(md);
  });
});
