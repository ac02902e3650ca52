/**
 * Empty cells stay empty cells, and merged cells (rowspan/colspan) never shift the data cells.
 * The distinct-value report with three cells of 表三 left empty, at the first, a middle and the
 * last value of a row, in rows under merged labels:
 * - formats that keep the table's structure (HTML, Word, one cell per line) read null exactly there;
 * - text grids (tab rows, pipe rows, Markdown tables), where an empty cell at a row's end looks
 *   like the spacer a merged label leaves, place it only when the row's written total decides,
 *   and otherwise leave the row empty with a warning; never a value in the wrong column.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { cellPerLine, markdown, pipeRows, portalPage, spaceColumns, tabRows, wordFile } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';
import { figureDiff, parseBytes } from '../../helpers/parse.ts';

const f = structuredClone(fixtureReport('2021'));
const rowOf = (labelStart: string) => {
  const row = f.tables.requests.find((r) => r.some((c) => c.text.startsWith(labelStart)))!;
  return row.slice(row.length - 7);
};
// 予以公开: the first value empty, and the total written without it (an empty cell meant as 0).
rowOf('（一）予以公开')[0]!.text = '';
rowOf('（一）予以公开')[6]!.text = String(621 - 101);
// 属于国家秘密: a middle value empty (the total left as it was).
rowOf('1.属于国家秘密')[4]!.text = '';
// 总计: the last value, the row's own total, empty.
rowOf('（七）总计')[6]!.text = '';

const exact = structuredClone(f.expected) as Record<string, any>;
exact.requests.granted = { naturalPerson: null, commercial: 102, research: 103, publicInterest: 104, legal: 105, otherOrg: 106, total: 520 };
exact.requests.denied.stateSecret.legal = null;
exact.requests.totalHandled.total = null;

const figures = (r: Report) => ({ proactive: r.proactive, requests: r.requests, appeals: r.appeals });

describe('empty cells beside merged cells', () => {
  it.each([
    ['HTML with rowspan/colspan', 'r.html', portalPage],
    ['one cell per line', 'r.txt', cellPerLine],
  ] as const)('%s: null exactly where the cell is empty', async (_n, file, render) => {
    const { report } = await parseBytes(file, render(f));
    expect(figureDiff(exact, figures(report))).toEqual([]);
    expect(report.diagnostics).toEqual([]);
  });

  it('Word table with merged cells: null exactly where the cell is empty', async () => {
    const { report } = await parseBytes('r.docx', await wordFile(f));
    expect(figureDiff(exact, figures(report))).toEqual([]);
    expect(report.diagnostics).toEqual([]);
  });

  it.each([
    ['tab rows', 'r.txt', tabRows],
    ['pipe rows', 'r.txt', pipeRows],
    ['Markdown table', 'r.md', markdown],
  ] as const)('%s: placed by the written total, else left out with a warning, never shifted', async (_n, file, render) => {
    const { report } = await parseBytes(file, render(f));
    const expected = structuredClone(exact);
    expected.requests.totalHandled = Object.fromEntries(Object.keys(exact.requests.totalHandled).map((k) => [k, null]));
    expect(figureDiff(expected, figures(report))).toEqual([]);
    const warnings = report.diagnostics.map((d) => d.message);
    expect(warnings).toEqual([
      '表三：“（一）予以公开”行有空白单元格，其位置按“总计 = 各列之和”判定，请核对',
      '表三：“（七）总计”行的空白单元格位置不明，“自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计”列未采用',
    ]);
  });

  it('an empty cell counts as 0 in the identities, and the check says so', async () => {
    const { report } = await parseBytes('r.html', portalPage(f));
    const check = report.checks.find((c) => c.id === 'requests.rowTotal.denied.stateSecret')!;
    expect(check.ok).toBe(false);
    expect(check.message).toContain('空白单元格按 0 计：法律服务机构');
    expect(report.checks.find((c) => c.id === 'requests.rowTotal.granted')!.ok).toBe(true);
  });

  it('PDF text, where an empty cell leaves no trace: the short row is left out with a warning, never shifted', async () => {
    const { report } = await parseBytes('r.txt', spaceColumns(f));
    expect(Object.values(report.requests.granted).every((v) => v === null)).toBe(true);
    expect(report.diagnostics.some((d) => d.level === 'warning' && d.message.startsWith('表三：“（一）予以公开”行') && d.message.endsWith('未采用'))).toBe(true);
    expect(report.requests.partlyGranted).toEqual(f.expected.requests.partlyGranted);
    expect(report.requests.newReceived).toEqual(f.expected.requests.newReceived);
  });
});
