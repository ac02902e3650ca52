/**
 * The benchmark corpus generator: the same seed gives the same bytes; the parser reads every
 * generated file back as the manifest says (metadata, every cell, every check), and the
 * deliberate mistakes fail exactly the checks listed for them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_KINDS } from '../../bench/generate/breaks.ts';
import { cellPaths, generateReports, type Manifest, type ManifestEntry } from '../../bench/generate/corpus.ts';
import { differences } from '../../bench/generate/verify.ts';
import { writeCorpus, type CorpusSummary } from '../../bench/generate/write-corpus.ts';
import { WRITERS } from '../../bench/generate/writers/index.ts';
import { archiveProblems } from '../../src/core/archive/archive-checks.ts';
import type { Report } from '../../src/core/model/report.ts';
import { reportFromBytes } from '../../src/node/read-report.ts';

async function all(count: number, seed: string, options = {}) {
  const out = [];
  for await (const r of generateReports(count, seed, options)) out.push(r);
  return out;
}
const digest = async (seed: string, count: number) => (await all(count, seed)).map((r) => Buffer.from(r.bytes).toString('base64'));

describe('determinism', () => {
  it('gives identical bytes and manifest entries for the same seed (Word files included)', async () => {
    const a = await all(40, 'same');
    const b = await all(40, 'same');
    expect(a.some((r) => r.entry.format === 'docx')).toBe(true);
    expect(b.map((r) => Buffer.from(r.bytes).toString('base64'))).toEqual(a.map((r) => Buffer.from(r.bytes).toString('base64')));
    expect(b.map((r) => r.entry)).toEqual(a.map((r) => r.entry));
  });
  it('gives other reports for another seed', async () => {
    const a = await digest('one', 20);
    const b = await digest('two', 20);
    expect(b.filter((x, i) => x === a[i])).toEqual([]);
  });
  it('a smaller corpus is the start of a larger one (caches and comparisons across N hold)', async () => {
    expect((await digest('prefix', 60)).slice(0, 25)).toEqual(await digest('prefix', 25));
  });
});

describe('a written corpus of 200 reports, read back by the parser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = join(dir, 'reports');
  const reports = new Map<string, Report>();
  let summary: CorpusSummary;
  let manifest: Manifest;
  beforeAll(async () => {
    summary = await writeCorpus(dir, 200, 'test');
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    for (const e of manifest.reports) reports.set(e.file, await reportFromBytes(join(root, e.file), readFileSync(join(root, e.file)), { root }));
  });

  it('holds every format, layout, encoding, template and line end, with prose of realistic size', () => {
    expect(summary.count).toBe(200);
    const writers = WRITERS.map(([w]) => w);
    expect(new Set(manifest.reports.map((e) => e.format))).toEqual(new Set(writers.map((w) => w.format)));
    expect(new Set(manifest.reports.map((e) => e.layoutVariant))).toEqual(new Set(writers.flatMap((w) => w.layouts.map((l) => l.name))));
    expect(new Set(manifest.reports.map((e) => e.encoding))).toEqual(new Set(writers.flatMap((w) => w.encodings)));
    expect(new Set(manifest.reports.map((e) => e.template))).toEqual(new Set(['2019', '2021']));
    expect(new Set(manifest.reports.map((e) => e.crlf))).toEqual(new Set([true, false]));
    const prose = manifest.reports.map((e) => e.proseBytes).sort((a, b) => a - b);
    expect(prose[Math.floor(prose.length / 2)]).toBeGreaterThan(5000);
    expect(prose[prose.length - 1]).toBeLessThan(12000);
  });

  it('has bodies reporting over several years, and figures that are not all zero', () => {
    const years = new Map<string, number>();
    for (const e of manifest.reports) years.set(e.agency, (years.get(e.agency) ?? 0) + 1);
    expect([...years.values()].filter((n) => n >= 3).length).toBeGreaterThan(10);
    const active = manifest.reports.filter((e) => (e.values[manifest.paths[e.template].indexOf('requests.newReceived.total')] ?? 0) > 0);
    expect(active.length).toBeGreaterThan(150);
    const paths = manifest.paths['2021'];
    const nonZero = new Set<string>();
    for (const e of manifest.reports.filter((x) => x.template === '2021')) e.values.forEach((v, i) => v && nonZero.add(paths[i]!));
    const tableCells = paths.filter((p) => !p.startsWith('requests.template2019'));
    expect(nonZero.size / tableCells.length).toBeGreaterThan(0.8);
  });

  it('parses every file to exactly the manifest figures, all checks passing except the deliberate mistakes', () => {
    const problems = manifest.reports.flatMap((e) => differences(e, reports.get(e.file)!, manifest.paths[e.template]).map((d) => `${e.file} (${e.layoutVariant}, ${e.encoding}): ${d}`));
    expect(problems).toEqual([]);
    expect(manifest.reports.filter((e) => e.broken).length).toBeGreaterThan(0);
  });

  it('is one archive: unique ids, one report per body and year, and carry-over warnings exactly for the slips', () => {
    const problems = archiveProblems([...reports.values()]);
    expect(problems.filter((p) => p.kind !== 'carry-over')).toEqual([]);
    const slipped = manifest.reports.filter((e) => e.carryOverSlip).map((e) => e.file);
    expect(slipped.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.file).sort()).toEqual(slipped.sort());
    expect(summary.carryOverSlips).toBe(slipped.length);
    expect(new Set([...reports.values()].map((r) => r.id)).size).toBe(200);
  });
});

describe('carry-over slips', () => {
  const parsed = async (options: { carryOverSlipRate: number }) => {
    const out: { entry: ManifestEntry; report: Report }[] = [];
    for (const { entry, bytes } of await all(60, 'slips', { breakRate: 0, ...options })) out.push({ entry, report: await reportFromBytes(`/corpus/${entry.file}`, bytes, { root: '/corpus' }) });
    return out;
  };
  it('at every later report, each warned of once, naming one column, the report itself adding up', async () => {
    const generated = await parsed({ carryOverSlipRate: 1 });
    const later = generated.filter(({ entry }) => entry.carryOverSlip);
    expect(later.length).toBeGreaterThan(20);
    // A body's first report has no previous one to slip from.
    expect(generated.length - later.length).toBe(new Set(generated.map(({ entry }) => entry.agency)).size);
    const problems = archiveProblems(generated.map(({ report }) => report));
    expect(problems.map((p) => p.file).sort()).toEqual(later.map(({ entry }) => entry.file).sort());
    for (const p of problems) {
      expect(p.kind).toBe('carry-over');
      expect(p.cells).toHaveLength(2); // the column and the total
    }
    expect(later.flatMap(({ report }) => report.checks.filter((c) => !c.ok))).toEqual([]);
  });
  it('none without them: every 上年结转 is the year before\'s 结转下年度', async () => {
    expect(archiveProblems((await parsed({ carryOverSlipRate: 0 })).map(({ report }) => report))).toEqual([]);
  });
});

describe('every kind of deliberate mistake', () => {
  let broken: Awaited<ReturnType<typeof all>>;
  beforeAll(async () => {
    broken = await all(80, 'breaks', { breakRate: 1 });
  });
  it('is generated', () => {
    expect(new Set(broken.map((r) => r.entry.broken!.kind))).toEqual(new Set(BREAK_KINDS));
  });
  it('fails exactly the checks listed for it, and nothing else differs', async () => {
    const paths = { '2021': cellPaths('2021'), '2019': cellPaths('2019') };
    const problems: string[] = [];
    for (const { entry, bytes } of broken) {
      const report = await reportFromBytes(`/corpus/${entry.file}`, bytes, { root: '/corpus' });
      expect(entry.broken!.failing.length).toBeGreaterThan(0);
      problems.push(...differences(entry, report, paths[entry.template]).map((d) => `${entry.file} ${entry.broken!.kind}: ${d}`));
    }
    expect(problems).toEqual([]);
  });
});
