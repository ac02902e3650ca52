/**
 * Nothing a report says can write outside dist/: output paths come from the validated id only,
 * and the original's own name, offered for download, is cleaned of separators and odd Unicode.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath, reportPaths, safeFileName, UnsafePathError } from '../../../src/core/export/paths.ts';
import { parseBytes } from '../../helpers/parse.ts';
import { tabRows } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';

const HOSTILE_NAMES = [
  '../../etc/passwd.txt',
  '/etc/passwd.txt',
  'C:\\Windows\\win.ini.txt',
  '..\\..\\x.txt',
  '．．／．．／x.txt', // fullwidth dots and slash
  'report\u202Etxt.exe.txt', // right-to-left override
  'a\u0000b.txt', // NUL
  '\u200f\u200e\u2066.txt',
  '....txt',
  'con.txt',
  `${'很长的名字'.repeat(60)}.txt`,
];

/** Joined under dist/, the path stays inside dist/. */
const staysInside = (p: string) => posix.normalize(posix.join('dist', p)).startsWith('dist/') && isSafeRelativePath(p);

describe('reportPaths', () => {
  it('builds every path from the id', () => {
    const paths = reportPaths({ id: '2023-qiaokou-dashuju-zhongxin', source: { file: '2023/报告.txt', sha256: '0'.repeat(64), encoding: 'utf-8', layout: 'tab-rows', format: 'txt' } });
    expect(paths).toEqual({
      dir: 'reports/2023-qiaokou-dashuju-zhongxin/',
      page: 'reports/2023-qiaokou-dashuju-zhongxin/index.html',
      json: 'data/reports/2023-qiaokou-dashuju-zhongxin.json',
      original: 'reports/2023-qiaokou-dashuju-zhongxin/2023-qiaokou-dashuju-zhongxin.txt',
      downloadName: '报告.txt',
    });
  });

  it('never serves an original page as a page', () => {
    const p = reportPaths({ id: '2023-x', source: { file: 'index.html', sha256: '0'.repeat(64), encoding: 'utf-8', layout: 'html-table', format: 'html' } });
    expect(p.original).toBe('reports/2023-x/2023-x.html.txt');
    expect(p.original).not.toBe(p.page);
  });

  it.each(['../x', '/abs', '2023/x', '2023-X', 'a..b', '', 'a\u0000', '２０２３-x', 'x'.repeat(101)])('refuses the id %j', (id) => {
    expect(() => reportPaths({ id, source: { file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', layout: 'none', format: 'txt' } })).toThrow(UnsafePathError);
  });

  it.each(HOSTILE_NAMES)('keeps %j inside its folder', async (name) => {
    const f = fixtureReport('2021');
    const { report } = await parseBytes(name, tabRows(f));
    const paths = reportPaths(report);
    for (const p of [paths.dir, paths.page, paths.json, paths.original]) expect(staysInside(p)).toBe(true);
    expect(paths.downloadName).not.toMatch(/[/\\\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]|^\./);
    expect(paths.downloadName.length).toBeLessThanOrEqual(120);
  });

  it('a file name never becomes the id, whatever it holds', async () => {
    // No title: the id falls back to a slug of the file name plus its digest.
    const { report } = await parseBytes('../../../etc/Ｐａｓｓｗｄ\u202e.txt', '没有标题的文本\n一、总体情况\n');
    expect(report.id).toMatch(/^file-[a-z0-9-]+-[0-9a-f]{8}$/);
    expect(staysInside(reportPaths(report).original)).toBe(true);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['．．／．．／x.txt', 'x.txt'],
    ['C:\\Windows\\win.ini.txt', 'win.ini.txt'],
    ['report\u202Etxt.exe.txt', 'reporttxt.exe.txt'],
    ['a\u0000b.txt', 'ab.txt'],
    ['a<b>:"c|d?*.txt', 'a_b___c_d__.txt'],
    ['....txt', 'txt'],
    ['con.txt', 'fallback.txt'],
    ['\u200f\u200e\u2066', 'fallback.txt'],
    ['硚口区 2023 年报.docx', '硚口区 2023 年报.docx'],
  ])('%j -> %j', (name, want) => {
    expect(safeFileName(name, 'fallback.txt')).toBe(want);
  });
});

describe('isSafeRelativePath', () => {
  it.each([
    ['reports/a/index.html', true],
    ['reports/a/', true],
    ['../a', false],
    ['reports/../../a', false],
    ['/a', false],
    ['a\\b', false],
    ['a//b', false],
    ['./a', false],
    ['a\u0000', false],
  ])('%j: %s', (p, ok) => {
    expect(isSafeRelativePath(p)).toBe(ok);
  });
});

describe('publishOriginal', () => {
  it('copies the original byte for byte next to the page, inside dist/', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, sep } = await import('node:path');
    const { createHash } = await import('node:crypto');
    const { publishOriginal } = await import('../../../src/node/publish-original.ts');
    const { readReport } = await import('../../../src/node/read-report.ts');
    const iconvLite = (await import('iconv-lite')).default;
    const work = mkdtempSync(join(tmpdir(), 'xxgk-publish-'));
    try {
      const src = join(work, '..\u202e报告.txt');
      const bytes = iconvLite.encode(tabRows(fixtureReport('2021')).replace(/\n/g, '\r\n'), 'gbk');
      writeFileSync(src, bytes);
      const report = await readReport(src, { root: work });
      const dist = join(work, 'dist');
      const written = publishOriginal(report, src, dist);
      expect(written).toBe(join(dist, 'reports', report.id, `${report.id}.txt`));
      expect(written.startsWith(dist + sep)).toBe(true);
      const copied = readFileSync(written);
      expect(createHash('sha256').update(copied).digest('hex')).toBe(report.source.sha256);
      expect(Buffer.compare(copied, Buffer.from(bytes))).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
