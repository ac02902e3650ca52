import { describe, expect, it } from 'vitest';
import { proseToMarkdown } from '../../../src/core/text/markdown.ts';
import { markdownToHtml } from '../../../src/site/markdown.ts';

const md = (lines: string[]) => proseToMarkdown(lines.map((text) => ({ text, blank: text === '' })));

describe('markdownToHtml', () => {
  it('renders the parser\'s chapter Markdown: sub-headings as h3, paragraphs, numbering kept as text', () => {
    const html = markdownToHtml(md(['（一）主动公开', '本年度主动公开信息204条。', '1. 加强组织领导。', '2. 完善制度。']));
    expect(html).toBe('<h3>（一）主动公开</h3>\n<p>本年度主动公开信息204条。</p>\n<p>1. 加强组织领导。</p>\n<p>2. 完善制度。</p>');
  });

  it('shows markup in a report as text', () => {
    const html = markdownToHtml(md(['本报告<script>alert(1)</script>结束。']));
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toContain('<script');
  });

  it('turns raw HTML, images and unsafe links in hand-written Markdown into text', () => {
    const html = markdownToHtml('<div onclick="x">块</div>\n\n行内 <img src=x onerror=alert(1)> ![图](http://x/y.png) [点我](javascript:alert(1)) [官网](https://www.gov.cn/)');
    expect(html).not.toMatch(/<(div|img|script)\b/);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<p>&#x3C;div onclick="x">块&#x3C;/div></p>');
    expect(html).toContain('点我');
    expect(html).toContain('<a href="https://www.gov.cn/">官网</a>');
  });

  it('keeps headings under the chapter heading (h3 at the least)', () => {
    expect(markdownToHtml('# 一级\n\n## 二级\n\n#### 四级')).toBe('<h3>一级</h3>\n<h3>二级</h3>\n<h4>四级</h4>');
  });

  it('renders nothing for empty text', () => {
    expect(markdownToHtml('')).toBe('');
    expect(markdownToHtml('  \n')).toBe('');
  });
});
