/**
 * Metadata the text does not say: front matter (.txt/.md), sidecar NAME.meta.yaml (any format),
 * the agency registry, and the errors when they disagree with the report or each other.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyRegistry } from '../../../src/core/model/registry.ts';
import { ReportFileError } from '../../../src/formats/report-file.ts';
import { loadRegistry } from '../../../src/node/load-registry.ts';
import { readReport } from '../../../src/node/read-report.ts';
import { portalPage, tabRows, wordFile } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';
import { parseBytes } from '../../helpers/parse.ts';

const f = fixtureReport('2021');
const body = tabRows(f);
const titleLine = (frontLines: number) => frontLines + 1;
const errors = (r: { diagnostics: { level: string; message: string; line: number | null }[] }) => r.diagnostics.filter((d) => d.level === 'error');

describe('front matter', () => {
  it('sets district, publishedOn, id and sourceUrl; body lines keep their numbers', async () => {
    const fm = ['---', `agency: ${f.agency}`, 'district: 江夏区', 'year: 2023', 'publishedOn: 2024-02-01', 'id: 2023-jiangxia-test', 'sourceUrl: https://www.example.gov.cn/a.html', '---'];
    const { report } = await parseBytes('a.txt', [...fm, body].join('\n'));
    expect(report).toMatchObject({ agency: f.agency, district: '江夏区', year: 2023, publishedOn: '2024-02-01', id: '2023-jiangxia-test', sourceUrl: 'https://www.example.gov.cn/a.html' });
    expect(errors(report)).toEqual([]);
    expect(report.checks.find((c) => c.id === 'requests.balance.total')!.line).toBe(body.split('\n').findIndex((l) => l.startsWith('一、本年新收')) + 1 + fm.length);
  });

  it('an agency that contradicts the title is an error naming the file, the field line and the title line', async () => {
    const { report } = await parseBytes('dir/a.txt', ['---', 'year: 2023', 'agency: 别的局', '---', body].join('\n'));
    expect(errors(report)).toEqual([
      { level: 'error', message: `dir/a.txt 的 front matter 第 3 行的 agency“别的局”与dir/a.txt 第 ${titleLine(4)} 行的标题“${f.agency}”不一致`, line: 3 },
    ]);
    expect(report.agency).toBe('别的局');
  });

  it('a year that contradicts the title is an error', async () => {
    const { report } = await parseBytes('a.md', ['---', 'year: 2022', '---', body].join('\n'));
    expect(errors(report).map((e) => [e.message, e.line])).toEqual([[`a.md 的 front matter 第 2 行的 year 2022 与a.md 第 ${titleLine(3)} 行的标题中的 2023 不一致`, 2]]);
  });

  it.each([
    ['id: ../../etc/passwd', 2, 'id'],
    ['id: 2023-A', 2, 'id'],
    ['id: "2023-x/y"', 2, 'id'],
    ['sourceUrl: "javascript:alert(1)"', 2, 'sourceUrl'],
    ['publishedOn: 2024-13-01', 2, 'publishedOn'],
    ['year: 二〇二三', 2, 'year'],
    ['agency: ""', 2, 'agency'],
  ])('refuses %s with the file, line and field', async (yaml, line, field) => {
    const err = await parseBytes('b.txt', ['---', yaml, '---', body].join('\n')).catch((e) => e);
    expect(err).toBeInstanceOf(ReportFileError);
    expect(err.file).toBe('b.txt');
    expect(err.line).toBe(line);
    expect(err.reason).toContain(`字段 ${field} 无效`);
  });

  it('refuses YAML that cannot be read, naming the line', async () => {
    const err = await parseBytes('c.txt', ['---', 'agency: 测试局', 'year: [2023', 'district: x', '---', body].join('\n')).catch((e) => e);
    expect(err).toBeInstanceOf(ReportFileError);
    expect(err.message).toMatch(/^c\.txt:\d+: c\.txt 的 front matter 第 \d+ 行：YAML 无法解析/);
  });

  it('warns about fields it does not know (a typo is not silently dropped)', async () => {
    const { report } = await parseBytes('d.txt', ['---', 'agncy: 测试局', '---', body].join('\n'));
    expect(report.diagnostics).toContainEqual({ level: 'warning', message: 'd.txt 的 front matter 第 2 行的字段“agncy”无法识别，已忽略（可用：agency、district、year、publishedOn、id、sourceUrl）', line: 2 });
  });

  it('a saved page or Word text that starts with "---" is not front matter', async () => {
    const page = portalPage(f).replace('<div class="TRS_Editor" id="zoom">', '<div class="TRS_Editor" id="zoom"><p>---</p><p>year: 1999</p><p>---</p>');
    const { report } = await parseBytes('e.html', page);
    expect(report.year).toBe(2023);
  });
});

describe('sidecar NAME.meta.yaml', () => {
  it('sets metadata of a .html and a .docx report', async () => {
    const sidecar = { name: '2023/r.meta.yaml', text: 'district: 江夏区\nsourceUrl: https://www.example.gov.cn/r.html\nid: 2023-r\n' };
    for (const [name, bytes] of [['2023/r.html', portalPage(f)], ['2023/r.docx', await wordFile(f)]] as const) {
      const { report } = await parseBytes(name, bytes, { sidecar });
      expect(report).toMatchObject({ district: '江夏区', sourceUrl: 'https://www.example.gov.cn/r.html', id: '2023-r' });
      expect(errors(report)).toEqual([]);
    }
  });

  it('a sidecar that contradicts the title is an error naming both files', async () => {
    const { report } = await parseBytes('2023/r.docx', await wordFile(f), { sidecar: { name: '2023/r.meta.yaml', text: 'district: 江夏区\nagency: 另一个局\n' } });
    const [e] = errors(report);
    expect(e!.message).toContain('2023/r.meta.yaml 第 2 行的 agency“另一个局”');
    expect(e!.message).toContain(`2023/r.docx 第 1 行的标题“${f.agency}”`);
  });

  it('front matter and a sidecar that disagree: an error naming both, front matter wins', async () => {
    const { report } = await parseBytes('s.txt', ['---', 'district: 江夏区', '---', body].join('\n'), { sidecar: { name: 's.meta.yaml', text: 'district: 武昌区\n' } });
    expect(errors(report)).toEqual([{ level: 'error', message: 's.txt 的 front matter 第 2 行的 district“江夏区”与 s.meta.yaml 第 1 行的“武昌区”不一致，采用前者', line: 2 }]);
    expect(report.district).toBe('江夏区');
  });

  it('an unreadable sidecar is a file error naming the sidecar', async () => {
    const err = await parseBytes('t.html', portalPage(f), { sidecar: { name: 't.meta.yaml', text: 'id: Not A Slug\n' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ReportFileError);
    expect(err.message).toBe('t.html: t.meta.yaml 第 1 行：字段 id 无效：只能由小写字母、数字和单个连字符组成');
  });
});

describe('agency registry', () => {
  const registry: AgencyRegistry = {
    agencies: [{ name: '江夏区数据测试中心', aliases: [f.agency, '区数据测试局'], district: '江夏区', slug: 'jiangxia-shuju', parent: '江夏区人民政府' }],
  };

  it('groups a report under its canonical name, with the registry slug, district and id', async () => {
    const { report } = await parseBytes('a.txt', body, { registry });
    expect(report).toMatchObject({ agency: f.agency, canonicalAgency: '江夏区数据测试中心', agencySlug: 'jiangxia-shuju', district: '江夏区', id: '2023-jiangxia-shuju' });
  });

  it('two years under different names land under one agency', async () => {
    const other = body.replace(f.title, `区数据测试局2022年政府信息公开工作年度报告`).replace(/2023年/g, '2022年');
    const a = (await parseBytes('a.txt', body, { registry })).report;
    const b = (await parseBytes('b.txt', other, { registry })).report;
    expect([a.canonicalAgency, b.canonicalAgency]).toEqual(['江夏区数据测试中心', '江夏区数据测试中心']);
    expect([a.id, b.id]).toEqual(['2023-jiangxia-shuju', '2022-jiangxia-shuju']);
  });

  it('front matter naming the body by another registered name is no conflict', async () => {
    const { report } = await parseBytes('a.txt', ['---', 'agency: 区数据测试局', '---', body].join('\n'), { registry });
    expect(errors(report)).toEqual([]);
    expect(report.canonicalAgency).toBe('江夏区数据测试中心');
  });

  it('the registry district comes before a guess from the name', async () => {
    const reg: AgencyRegistry = { agencies: [{ name: f.agency, district: '江夏经济开发区' }] };
    expect((await parseBytes('a.txt', body, { registry: reg })).report.district).toBe('江夏经济开发区');
    expect((await parseBytes('a.txt', body)).report.district).toBe('江夏区');
  });
});

describe('the default content', () => {
  it('gives sample 002 (titled only 政务服务和大数据管理局) its district through content/agencies.yaml', async () => {
    const root = new URL('../../../content/reports/', import.meta.url).pathname;
    const registry = loadRegistry(new URL('../../../content/agencies.yaml', import.meta.url).pathname);
    const report = await readReport(`${root}002_485bb66b608aa965.txt`, { root, registry });
    expect(report).toMatchObject({
      agency: '政务服务和大数据管理局',
      canonicalAgency: '东湖新技术开发区政务服务和大数据管理局',
      district: '东湖新技术开发区',
      id: '2023-donghu-zhengwu-dashuju',
    });
    expect((await readReport(`${root}002_485bb66b608aa965.txt`, { root })).district).toBeNull();
  });
});
