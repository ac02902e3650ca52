/**
 * The distinct-value reports (every cell different, totals consistent) in every layout and format,
 * on both templates: each must parse to exactly the expected figures, with every check passing.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../src/core/model/report.ts';
import { cellPerLine, markdown, pipeRows, portalPage, spaceColumns, tabRows, wordFile } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport, gridNumbers, type FixtureReport } from '../../fixtures/distinct/reports.ts';
import { figureDiff, parseBytes } from '../../helpers/parse.ts';

const TEXT_LAYOUTS = [
  ['tab rows', 'report.txt', tabRows, 'tab-rows'],
  ['one cell per line', 'report.txt', cellPerLine, 'cell-per-line'],
  ['pipe rows', 'report.txt', pipeRows, 'pipe-rows'],
  ['space columns (PDF text)', 'report.txt', spaceColumns, 'space-columns'],
  ['Markdown with GFM tables', 'report.md', markdown, 'markdown-table'],
  ['saved portal page', 'report.html', portalPage, 'html-table'],
] as const;

function expectFigures(f: FixtureReport, r: Report) {
  expect(figureDiff(f.expected, { proactive: r.proactive, requests: r.requests, appeals: r.appeals })).toEqual([]);
  expect(r.template).toBe(f.template);
  expect(r.title).toBe(f.title);
  expect(r.agency).toBe(f.agency);
  expect(r.year).toBe(f.year);
  expect(r.publishedOn).toBe(f.publishedOn);
  expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(r.diagnostics).toEqual([]);
  // Every identity that applies is evaluated and holds (the 2019 table has 19 outcome rows).
  const rows = f.template === '2021' ? 25 : 23;
  expect(r.checks.filter((c) => c.id.startsWith('requests.rowTotal.'))).toHaveLength(rows);
  expect(r.checks.map((c) => c.id)).toContain('text.requestsReceived');
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  expect(Report.safeParse(r).success).toBe(true);
}

describe.each(['2021', '2019'] as const)('distinct-value report, %s template', (template) => {
  const f = fixtureReport(template);

  it('really has a distinct non-zero value in every cell', () => {
    const numbers = [f.tables.proactive, f.tables.requests, f.tables.appeals].flatMap(gridNumbers);
    // 表二 + 表三 (rows × 7) + 表四 (15)
    expect(numbers.length).toBe(template === '2021' ? 10 + 25 * 7 + 15 : 22 + 23 * 7 + 15);
    expect(numbers.filter((n) => n === 0)).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(TEXT_LAYOUTS)('reads it laid out as %s', async (_name, file, render, layout) => {
    const { report } = await parseBytes(file, render(f));
    expectFigures(f, report);
    expect(report.source.layout).toBe(layout);
  });

  it('reads it as a Word .docx', async () => {
    const { report } = await parseBytes('report.docx', await wordFile(f));
    expectFigures(f, report);
    expect(report.source).toMatchObject({ format: 'docx', layout: 'docx-table', encoding: 'utf-8' });
  });

  it('keeps the 2019 rows that have no 2021 counterpart', async () => {
    const { report } = await parseBytes('report.txt', tabRows(f));
    if (template === '2019') {
      expect(report.proactive.template2019?.otherServices).toEqual({ previousItems: 61, change: 62, decisions: 63 });
      expect(report.proactive.template2019?.procurement).toEqual({ items: 14, amount: 256.75 });
      expect(report.requests.template2019?.otherHandling).toEqual({ naturalPerson: 1901, commercial: 1902, research: 1903, publicInterest: 1904, legal: 1905, otherOrg: 1906, total: 11421 });
      expect(report.checks.find((c) => c.id === 'requests.rowTotal.template2019.otherHandling')?.ok).toBe(true);
    } else {
      expect(report.proactive.template2019).toBeUndefined();
      expect(report.requests.template2019).toBeUndefined();
    }
  });
});

describe('encodings and line ends give the same figures', () => {
  const f = fixtureReport('2021');
  const text = tabRows(f);
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8', new TextEncoder().encode(text), 'utf-8'],
    ['UTF-8 with BOM, CRLF', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replace(/\n/g, '\r\n'))]), 'utf-8-bom'],
    ['UTF-16LE with BOM, CRLF', new Uint8Array([0xff, 0xfe, ...iconv.encode(text.replace(/\n/g, '\r\n'), 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]), 'utf-16be'],
    ['GBK, CRLF', iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'), 'gb18030'],
    ['GB18030, CR', iconv.encode(text.replace(/\n/g, '\r'), 'gb18030'), 'gb18030'],
  ];
  it.each(cases)('%s', async (_name, bytes, encoding) => {
    const { report } = await parseBytes('report.txt', bytes);
    expectFigures(f, report);
    expect(report.source.encoding).toBe(encoding);
  });

  it('a GBK saved portal page', async () => {
    const page = portalPage(f).replace('charset="utf-8"', 'charset="gbk"');
    const { report } = await parseBytes('report.htm', iconv.encode(page, 'gbk'));
    expectFigures(f, report);
    expect(report.source.encoding).toBe('gb18030');
  });

  it('a Markdown file in GB18030 with CRLF', async () => {
    const { report } = await parseBytes('report.markdown', iconv.encode(markdown(f).replace(/\n/g, '\r\n'), 'gb18030'));
    expectFigures(f, report);
  });
});
