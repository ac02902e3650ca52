import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { htmlToText } from '../../../src/formats/html-to-text.ts';
import { portalPage } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';
import { parseBytes } from '../../helpers/parse.ts';

const f = fixtureReport('2021');

describe('htmlToText: the report inside the page chrome', () => {
  const page = portalPage(f);
  const { text, lineMap } = htmlToText(page);
  const lines = text.split('\n');

  it('keeps the article and leaves out menus, breadcrumb, sidebar, footer', () => {
    expect(lines[0]).toBe(f.title);
    expect(lines[1]).toBe('一、总体情况');
    expect(lines[lines.length - 1]).toBe(`${f.year + 1}年1月17日`);
    for (const chrome of ['首页', '互动交流', '当前位置', '相关报告', `${f.year - 1}年政府信息公开工作年度报告`, '网站标识码', '发布时间', '【打印】']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('never lets scripts, styles, hidden elements or attributes through', () => {
    for (const leak of ['脚本里的文字', 'document.write', '样式里的文字', 'color: red', '隐藏的页脚文字', 'alert', 'onerror', 'onload', 'javascript:', '<p>', '<']) {
      expect(text).not.toContain(leak);
    }
  });

  it('maps every line to its line in the HTML source', () => {
    const source = page.split('\n');
    expect(lineMap).toHaveLength(lines.length);
    expect(source[lineMap[0]! - 1]).toContain(`<h1 class="title">${f.title}</h1>`);
    const row = lines.findIndex((l) => l.startsWith('规章\t'));
    expect(source[lineMap[row]! - 1]).toMatch(/<td[^>]*>.*规章.*<\/td>.*>31</);
  });

  it('turns table rows into tab-separated cells, a merged cell once', () => {
    expect(lines).toContain('规章\t31\t32\t33');
    expect(lines).toContain('行政许可\t51');
    expect(lines).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况');
    expect(lines).toContain(['（三）不予公开', '1.属于国家秘密', 301, 302, 303, 304, 305, 306, 1821].join('\t'));
    expect(lines).toContain(['2.其他法律行政法规禁止公开', 401, 402, 403, 404, 405, 406, 2421].join('\t'));
  });
});

describe('htmlToText: page shapes', () => {
  it('reads a page laid out with tables (the article in a cell of a layout table)', async () => {
    const inner = portalPage(f).split('<div class="TRS_Editor" id="zoom">')[1]!.split('</div>\n</div>\n</div>')[0]!;
    const page = `<html><body><table width="100%"><tr><td class="menu"><a href="/">首页</a><br><a href="/x">一、总体情况（链接）</a></td>
<td><table><tr><td><h2>${f.title}</h2></td></tr></table>${inner}</td></tr></table></body></html>`;
    const { report } = await parseBytes('layout.html', page);
    expect(report.title).toBe(f.title);
    expect(report.requests.granted).toEqual(f.expected.requests.granted);
    expect(report.appeals).toEqual(f.expected.appeals);
    expect(report.sections[0]!.markdown).not.toContain('首页');
  });

  it('takes the title from <title> when the page shows it nowhere else', async () => {
    const page = portalPage(f).replace(`<h1 class="title">${f.title}</h1>`, '');
    const { report } = await parseBytes('t.html', page);
    expect(report.title).toBe(f.title);
    expect(report.agency).toBe(f.agency);
    const titleLine = page.split('\n').findIndex((l) => l.startsWith('<title>')) + 1;
    expect(htmlToText(page).lineMap[0]).toBe(titleLine);
  });

  it('joins the paragraphs of a cell, and a line break between Chinese characters adds no space', () => {
    const { text } = htmlToText('<table><tr><td><p>商业</p><p>企业</p></td><td>科研\n  机构</td><td>Legal\nAid</td></tr><tr><td>a</td><td></td><td>b</td></tr></table>');
    expect(text.split('\n')).toEqual(['商业企业\t科研机构\tLegal Aid', 'a\t\tb']);
  });

  it('reads a fragment without html/body and a page without any report', () => {
    expect(htmlToText('<p>一</p>二<br>三').text).toBe('一\n二\n三');
    expect(htmlToText('').text).toBe('');
    expect(htmlToText('<html><body><nav>菜单</nav><p>没有报告的页面</p></body></html>').text).toBe('没有报告的页面');
  });

  it('points diagnostics at the HTML source line of the bad cell', async () => {
    const page = portalPage(f).replace('<span>41</span>', '<span>4,1</span>');
    const badLine = page.split('\n').findIndex((l) => l.includes('<span>4,1</span>')) + 1;
    const { report } = await parseBytes('bad.html', page);
    const d = report.diagnostics.find((x) => x.message.includes('4,1'));
    expect(d?.line).toBe(badLine);
  });
});

/** The node types a CommonMark reader makes of the Markdown: no html, no link means it is all text. */
function markdownKinds(md: string): Set<string> {
  const kinds = new Set<string>();
  const walk = (n: { type: string; children?: unknown[] }) => {
    kinds.add(n.type);
    for (const c of (n.children ?? []) as { type: string }[]) walk(c);
  };
  walk(fromMarkdown(md));
  return kinds;
}

describe('text from reports stays text', () => {
  const hostile = '本年度收到申请<script>alert(1)</script>件，<img src=x onerror=alert(2)>详见[链接](javascript:alert(3))。';

  it('HTML written in a .txt report is escaped in the chapter Markdown', async () => {
    const text = `测试局2023年政府信息公开工作年度报告\n一、总体情况\n${hostile}\n二、主动公开政府信息情况\n`;
    const { report } = await parseBytes('x.txt', text);
    const md = report.sections[0]!.markdown;
    const kinds = markdownKinds(md);
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('link')).toBe(false);
    // The words are all still there, as text.
    expect(JSON.stringify(fromMarkdown(md))).toContain('<script>alert(1)</script>');
  });

  it('escaped markup shown on a portal page arrives as text and is escaped again', async () => {
    const page = portalPage(f).replace('本年度我局持续推进政务公开', '本年度&lt;b onclick=&quot;x()&quot;&gt;我局&lt;/b&gt;持续推进政务公开');
    const { report } = await parseBytes('x.html', page);
    const md = report.sections[0]!.markdown;
    expect(JSON.stringify(fromMarkdown(md))).toContain('本年度<b onclick=\\"x()\\">我局</b>持续推进政务公开');
    expect(markdownKinds(md).has('html')).toBe(false);
  });
});
