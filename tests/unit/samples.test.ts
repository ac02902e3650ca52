/**
 * The five sample reports: metadata and every non-zero cell asserted explicitly, every other
 * cell 0 (as hand-read in tests/fixtures/samples/*.json), and every identity passing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/core/tables/assemble.ts';
import { readReport } from '../../src/node/read-report.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { ROOT, SAMPLES } from '../helpers/paths.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
const parsed = new Map(await Promise.all(files.map(async (f) => [f.slice(0, 3), await readReport(join(SAMPLES, f), { root: SAMPLES, registry })] as const)));
const sample = (prefix: string) => parsed.get(prefix)!;

/** Every numeric leaf of an object, by dotted path. */
function leaves(obj: unknown, prefix = ''): [string, number | null][] {
  if (obj === null || typeof obj !== 'object') return [[prefix, obj as number | null]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const tableCells = (r: ReturnType<typeof sample>) => leaves({ proactive: r.proactive, requests: r.requests, appeals: r.appeals });

const cases = [
  {
    prefix: '000',
    meta: { title: '硚口区大数据中心2023年度政府信息公开工作年度报告', agency: '硚口区大数据中心', district: '硚口区', year: 2023, publishedOn: null, id: '2023-qiaokou-dashuju-zhongxin', layout: 'tab-rows' },
    nonZero: {},
  },
  {
    prefix: '001',
    meta: { title: '湛河区政务服务和大数据管理局2023年政府信息公开工作年度报告', agency: '湛河区政务服务和大数据管理局', district: '湛河区', year: 2023, publishedOn: null, id: '2023-zhanhe-zhengwu-dashuju', layout: 'tab-rows' },
    nonZero: {},
  },
  {
    prefix: '002',
    meta: { title: '政务服务和大数据管理局2023年政府信息公开工作年度报告', agency: '政务服务和大数据管理局', district: '东湖新技术开发区', year: 2023, publishedOn: null, id: '2023-donghu-zhengwu-dashuju', layout: 'cell-per-line' },
    nonZero: {
      'proactive.licensing': 112341,
      'proactive.punishment': 12,
      'requests.newReceived.naturalPerson': 42,
      'requests.newReceived.total': 42,
      'requests.granted.naturalPerson': 12,
      'requests.granted.total': 12,
      'requests.denied.processInformation.naturalPerson': 6,
      'requests.denied.processInformation.total': 6,
      'requests.denied.queryMatters.naturalPerson': 1,
      'requests.denied.queryMatters.total': 1,
      'requests.unableToProvide.notHeld.naturalPerson': 18,
      'requests.unableToProvide.notHeld.total': 18,
      'requests.otherHandling.overdueCorrection.naturalPerson': 5,
      'requests.otherHandling.overdueCorrection.total': 5,
      'requests.totalHandled.naturalPerson': 42,
      'requests.totalHandled.total': 42,
    },
  },
  {
    prefix: '003',
    meta: { title: '硚口区机关事务服务中心2022年度政府信息公开工作年度报告', agency: '硚口区机关事务服务中心', district: '硚口区', year: 2022, publishedOn: '2023-01-05', id: '2022-qiaokou-jiguan-shiwu', layout: 'cell-per-line' },
    nonZero: {},
  },
  {
    prefix: '004',
    meta: { title: '硚口区企业服务中心2023年政府信息公开工作年度报告', agency: '硚口区企业服务中心', district: '硚口区', year: 2023, publishedOn: '2024-01-17', id: '2023-qiaokou-qiye-fuwu', layout: 'cell-per-line' },
    nonZero: {},
  },
];

describe.each(cases)('sample $prefix', ({ prefix, meta, nonZero }) => {
  const r = sample(prefix);

  it('reads the metadata', () => {
    expect({ title: r.title, agency: r.agency, district: r.district, year: r.year, publishedOn: r.publishedOn, id: r.id, layout: r.source.layout }).toEqual(meta);
    expect(r.template).toBe('2021');
    expect(r.source.encoding).toBe('utf-8');
    expect(r.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads every non-zero cell, and 0 everywhere else', () => {
    const cells = tableCells(r);
    expect(cells).toHaveLength(3 * 2 + 4 + 25 * 7 + 15);
    for (const [path, value] of cells) expect([path, value]).toEqual([path, (nonZero as Record<string, number>)[path] ?? 0]);
  });

  it('matches the hand-read figures', () => {
    const want = JSON.parse(readFileSync(join(SAMPLES, readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.json'))!), 'utf8'));
    for (const key of ['proactive', 'requests', 'appeals'] as const) expect(r[key]).toEqual(want[key]);
  });

  it('passes every identity, all of them evaluated', () => {
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    const ids = r.checks.map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('requests.balance.'))).toHaveLength(7);
    expect(ids.filter((id) => id.startsWith('requests.rowTotal.'))).toHaveLength(25);
    expect(ids.filter((id) => id.startsWith('requests.handledTotal.'))).toHaveLength(7);
    expect(ids.filter((id) => id.startsWith('appeals.'))).toEqual(['appeals.review.total', 'appeals.litigationDirect.total', 'appeals.litigationAfterReview.total']);
    expect(ids).toContain('text.requestsReceived');
  });

  it('keeps the six chapters in order, tables left out of the text', () => {
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of r.sections) {
      expect(s.markdown).not.toMatch(/本年新收政府信息公开申请数量|结果维持|第二十条第/);
    }
    expect(r.diagnostics).toEqual([]);
    expect(getPath(r, 'sections.0.title')).toBe('总体情况');
  });
});

describe('sample text details', () => {
  it('joins a paragraph broken mid-sentence by a blank line (000: 栏 / 目建设)', () => {
    const md = sample('000').sections[0]!.markdown;
    expect(md).toContain('配合相关部门完成区政府门户网站栏目建设，区政府门户网站建设项目荣获');
    expect(sample('000').sections[5]!.markdown).toContain('其中主办件3件，均按时完成');
  });
  it('drops export artefacts such as [bookmark: _GoBack]', () => {
    for (const p of ['002', '003', '004']) expect(JSON.stringify(sample(p))).not.toContain('bookmark');
  });
  it('keeps numbered sub-headings as headings and the signature out of chapter six', () => {
    const r = sample('004');
    expect(r.sections[0]!.markdown).toContain('### （一）政府信息主动公开情况');
    expect(r.sections[5]!.markdown).not.toContain('2024年1月17日');
    expect(r.sections[5]!.markdown.trimEnd().endsWith('涉及优化营商环境、财政预算领域等方面。')).toBe(true);
  });
  it('states the requests received in the text and checks them against 表三', () => {
    const check = sample('002').checks.find((c) => c.id === 'text.requestsReceived')!;
    expect(check).toMatchObject({ ok: true, cells: ['requests.newReceived.total'], line: 9 });
    expect(check.message).toContain('共收到42条');
  });
});
