/**
 * Text extracted from PDFs: page footers ("第 3 页 共 5 页", "- 3 -") and running headers (the
 * portal's name) inside the text and inside tables, and 表三 split across two pages with its
 * header repeated on the second page, or not.
 */
import { describe, expect, it } from 'vitest';
import { furnitureLines } from '../../../src/core/text/page-furniture.ts';
import { splitLines } from '../../../src/core/layout/lines.ts';
import { spaceColumns, tabRows } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport, type FixtureReport } from '../../fixtures/distinct/reports.ts';
import { figureDiff, parseBytes } from '../../helpers/parse.ts';

const PORTAL = '江夏区人民政府门户网站';

/**
 * Breaks the text into pages of `size` lines and one break right inside 表三 (after the row that
 * starts with `breakAfter`); each page ends with its footer and the next starts with the header.
 */
function paginate(text: string, opts: { footer: (page: number, pages: number) => string; breakAfter: string; repeatHeader: boolean; size?: number }): string {
  const lines = text.split('\n');
  const headerStart = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
  const header = lines.slice(headerStart, headerStart + 3);
  const split = lines.findIndex((l) => l.includes(opts.breakAfter)) + 1;
  const size = opts.size ?? 25;
  const cuts = new Set<number>([split]);
  for (let i = size; i < lines.length; i += size) cuts.add(i);
  const sorted = [...cuts].sort((a, b) => a - b);
  const pages = sorted.length + 1;
  const out: string[] = [];
  let page = 1;
  lines.forEach((l, i) => {
    if (cuts.has(i)) {
      out.push('', opts.footer(page, pages), '', PORTAL, '');
      page++;
      if (i === split && opts.repeatHeader) out.push(...header);
    }
    out.push(l);
  });
  out.push('', opts.footer(page, pages));
  return out.join('\n');
}

const figures = (r: { proactive: unknown; requests: unknown; appeals: unknown }) => ({ proactive: r.proactive, requests: r.requests, appeals: r.appeals });

describe.each([
  ['第 N 页 共 M 页', (p: number, n: number) => `第 ${p} 页 共 ${n} 页`],
  ['- N -', (p: number) => `- ${p} -`],
  ['N/M', (p: number, n: number) => `${p}/${n}`],
])('PDF text with page footers %s', (_name, footer) => {
  describe.each(['2021', '2019'] as const)('%s template', (template) => {
    const f: FixtureReport = fixtureReport(template);
    it.each([
      ['space columns, 表三 header repeated', spaceColumns, true],
      ['space columns, 表三 header missing on the second page', spaceColumns, false],
      ['tab rows, 表三 header repeated', tabRows, true],
    ] as const)('%s: every figure, chapters without furniture', async (_n, render, repeatHeader) => {
      const text = paginate(render(f), { footer, breakAfter: '3.危及', repeatHeader });
      const { report } = await parseBytes('pdf.txt', text);
      expect(figureDiff(f.expected, figures(report))).toEqual([]);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.diagnostics).toEqual([]);
      expect(report.publishedOn).toBe(f.publishedOn);
      const prose = report.preamble + report.sections.map((s) => s.markdown).join('\n');
      expect(prose).not.toContain(PORTAL);
      expect(prose).not.toMatch(/第 \d+ 页|- \d+ -|\d+\/\d+/);
    });
  });
});

describe('furnitureLines', () => {
  it('blanks page numbers and the header repeated beside them, nothing else', () => {
    const text = ['标题', '正文一', '第 1 页 共 3 页', PORTAL, '正文二', '- 2 -', PORTAL, '规章  1  2  3', '第3页/共3页'].join('\n');
    const lines = splitLines(text);
    expect([...furnitureLines(lines)].sort((a, b) => a - b)).toEqual([2, 3, 5, 6, 8]);
  });

  it('keeps a short line that recurs but is not beside page numbers', () => {
    const lines = splitLines(['无', '甲', '乙', '第 1 页', '丙', '丁', '无', '戊', '己', '第 2 页', '庚', '辛', '无'].join('\n'));
    expect([...furnitureLines(lines)].sort((a, b) => a - b)).toEqual([3, 9]);
  });
});
