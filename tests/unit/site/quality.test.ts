import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { cellsByRow } from '../../../src/core/tables/cell-label.ts';
import type { ArchiveProblemData } from '../../../src/loader/archive-file.ts';
import { qualityGroups } from '../../../src/site/quality.ts';
import { checksFor, failingPaths, formatDate, problemCells } from '../../../src/site/report-view.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

const clean = distinctReport('2021').report;
const broken: Report = structuredClone(clean);
broken.id = '2023-broken';
broken.requests.newReceived.total = 1;
const balance = broken.checks.find((c) => c.id === 'requests.balance.total')!;
balance.ok = false;
balance.message = '表三“总计”列 一 + 二 应等于 三（七）+ 四：不相等';
broken.checks.find((c) => c.id === 'appeals.review.total')!.ok = false;
broken.diagnostics.push({ level: 'error', message: '缺少表四', line: 40 }, { level: 'warning', message: '表三：某行未找到', line: 12 });

const carry: ArchiveProblemData = {
  kind: 'carry-over',
  level: 'warning',
  message: '上年结转不一致',
  file: 'b.txt',
  other: 'a.txt',
  pageId: '2023-broken',
  otherPageId: '2022-before',
  cells: ['requests.carriedOver.total', 'requests.carriedOver.legal'],
};
const dup: ArchiveProblemData = { kind: 'duplicate-id', level: 'error', message: '编号重复', file: 'c.txt', other: 'd.txt', pageId: '2023-c', otherPageId: '2023-c-1a2b3c4d', cells: [] };

describe('qualityGroups', () => {
  const groups = qualityGroups({
    reports: [
      { id: clean.id, report: clean },
      { id: broken.id, report: broken },
    ],
    files: [
      { file: 'scan.pdf', sha256: 'a'.repeat(64), size: 10, error: { message: '不支持的文件类型“.pdf”', line: null }, pageId: null, format: null, diagnostics: [] },
      { file: 'notes.txt', sha256: 'b'.repeat(64), size: 10, error: { message: '没有可识别的年度报告', line: null }, pageId: 'file-notes-bbbbbbbb', format: 'txt', diagnostics: [] },
    ],
    problems: [carry, dup],
  });
  const kind = (k: string) => groups.find((g) => g.kind === k);

  it('lists each kind of problem once, in a fixed order, and leaves out kinds with nothing', () => {
    expect(groups.map((g) => g.kind)).toEqual(['unreadable', 'unrecognised', 'duplicate', 'error', 'check-requests.balance', 'check-appeals', 'carry-over', 'warning']);
  });

  it('lists files that are not reports, linking those that have a page', () => {
    expect(kind('unreadable')!.items).toEqual([{ subject: 'scan.pdf', subjectPath: null, message: '不支持的文件类型“.pdf”', line: null, cells: [], related: [] }]);
    expect(kind('unrecognised')!.items[0]!.subjectPath).toBe('reports/file-notes-bbbbbbbb/');
  });

  it('links failing checks to the check and to each cell on the report page', () => {
    const item = kind('check-requests.balance')!.items[0]!;
    expect(item.subjectPath).toBe('reports/2023-broken/#check-requests-balance-total');
    expect(item.message).toBe(balance.message);
    expect(item.cells.flatMap((r) => r.links.map((c) => c.path))).toEqual(balance.cells.map((p) => `reports/2023-broken/#cell-${p.replaceAll('.', '-')}`));
    expect(item.cells.map((r) => [r.label, r.links.map((l) => l.label)])).toEqual([
      ['表三 一、本年新收政府信息公开申请数量', ['总计']],
      ['表三 二、上年结转政府信息公开申请数量', ['总计']],
      ['表三 （七）总计', ['总计']],
      ['表三 四、结转下年度继续办理', ['总计']],
    ]);
  });

  it('links the carry-over check to the cells of both years', () => {
    const cells = kind('carry-over')!.items[0]!.cells;
    expect(cells.map((r) => [r.label, r.links.map((l) => l.label)])).toEqual([
      ['表三 二、上年结转政府信息公开申请数量', ['总计', '法律服务机构']],
      ['上一年度报告 表三 四、结转下年度继续办理', ['总计', '法律服务机构']],
    ]);
    expect(cells.flatMap((r) => r.links.map((c) => c.path))).toEqual([
      'reports/2023-broken/#cell-requests-carriedOver-total',
      'reports/2023-broken/#cell-requests-carriedOver-legal',
      'reports/2022-before/#cell-requests-carriedForward-total',
      'reports/2022-before/#cell-requests-carriedForward-legal',
    ]);
  });

  it('keeps diagnostics with their lines', () => {
    expect(kind('error')!.items).toEqual([{ subject: broken.title, subjectPath: 'reports/2023-broken/#diagnostics', message: '缺少表四', line: 40, cells: [], related: [] }]);
    expect(kind('warning')!.items[0]!.line).toBe(12);
    expect(kind('duplicate')!.items[0]!.related).toEqual([{ label: '另一份：d.txt', path: 'reports/2023-c-1a2b3c4d/' }]);
  });

  it('is empty for a clean archive', () => {
    expect(qualityGroups({ reports: [{ id: clean.id, report: clean }], files: [], problems: [] })).toEqual([]);
  });
});

describe('report page helpers', () => {
  it('put each check beside its table', () => {
    expect(checksFor(clean.checks, 'appeals').map((c) => c.id)).toEqual(['appeals.review.total', 'appeals.litigationDirect.total', 'appeals.litigationAfterReview.total']);
    const requests = checksFor(clean.checks, 'requests');
    expect(requests.length + 3).toBe(clean.checks.length);
    expect(requests.some((c) => c.id === 'text.requestsReceived')).toBe(true);
  });

  it('highlight the cells of failing checks and of the carry-over check on both reports', () => {
    const paths = failingPaths(broken, [carry], '2023-broken');
    expect(paths).toEqual(new Set([...balance.cells, ...broken.checks.find((c) => c.id === 'appeals.review.total')!.cells, 'requests.carriedOver.total', 'requests.carriedOver.legal']));
    expect(problemCells(carry, '2022-before')).toEqual(['requests.carriedForward.total', 'requests.carriedForward.legal']);
    expect(problemCells(carry, 'elsewhere')).toEqual([]);
    expect(failingPaths(clean, [], clean.id).size).toBe(0);
  });

  it('write dates the Chinese way', () => {
    expect(formatDate('2024-01-07')).toBe('2024年1月7日');
  });
});

describe('cellsByRow', () => {
  it('groups cells by their row, keeping the order given', () => {
    expect(cellsByRow(['requests.granted.total', 'requests.granted.legal', 'appeals.review.total', 'requests.granted.research'])).toEqual([
      { table: '表三', row: '（一）予以公开', cells: [{ path: 'requests.granted.total', column: '总计' }, { path: 'requests.granted.legal', column: '法律服务机构' }, { path: 'requests.granted.research', column: '科研机构' }] },
      { table: '表四', row: '行政复议', cells: [{ path: 'appeals.review.total', column: '总计' }] },
    ]);
  });
});
