import { describe, expect, it } from 'vitest';
import { proseToMarkdown } from '../../../src/core/text/markdown.ts';
import { join } from 'node:path';
import { readReport } from '../../../src/node/read-report.ts';
import { markdownToHtml, unifiedHtml } from '../../../src/site/markdown.ts';
import { SAMPLE_DIR, SAMPLE_FILES } from '../../helpers/site-archive.ts';

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

  it('writes plain blocks directly exactly as unified would, mixed with blocks that need it', async () => {
    const cases = [
      '### （一）主动公开\n\n本年度主动公开信息204条。\n\n1\\. 加强组织领导。\n\n2023-2024年，共计1.5亿元。',
      '# 一级\n\n正文\n\n#### 四级\n\n###### 六级 #\n\n####### 七个',
      '甲\n\n\n乙\n  \n丙\n\n  缩进\n\n    代码\n\n丁',
      '- 一项\n\n- 二项\n\n正文\n\n1. 列表\n\n2) 列表',
      '> 引用\n\n正文 *强调* 与 _下划线_ 和 \\* 转义\n\n&amp; 实体 &copy;\n\n尾部空格  \n\n全角\u3000空格\u3000',
      '标题\n===\n\n标题二\n---\n\n***\n\n+ 加号\n\n= 等号\n\n! 叹号 | 竖线 $ 美元',
      '甲\r乙\n\n制表\t符\n\n\t开头制表',
      '```\n代码\n\n仍是代码\n```\n\n正文',
      '<pre>\n\n保留\n\n</pre>\n\n正文',
      '[引用]\n\n正文\n\n[引用]: https://www.gov.cn/',
      '~~~\n围栏\n\n~~~',
    ];
    for (const text of cases) expect(markdownToHtml(text), JSON.stringify(text)).toBe(unifiedHtml(text));
    let blocks = 0;
    for (const file of SAMPLE_FILES) {
      const report = await readReport(join(SAMPLE_DIR, file));
      for (const s of report.sections) {
        blocks += s.markdown.split('\n\n').length;
        expect(markdownToHtml(s.markdown), `${file} ${s.no}`).toBe(unifiedHtml(s.markdown));
      }
      if (report.preamble) expect(markdownToHtml(report.preamble)).toBe(unifiedHtml(report.preamble));
    }
    expect(blocks).toBeGreaterThan(50);
  });
});
