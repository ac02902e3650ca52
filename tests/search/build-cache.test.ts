/** Rebuilding the search index: nothing is indexed again unless its reports changed. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model/report.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport } from '../../src/node/read-report.ts';
import { buildSearchIndex, buildSearchIndexOfRecords, buildSearchIndexOfReports, planSearchIndex, reportsToIndex, STEP_SOURCES } from '../../src/search/build/build-search-index.ts';
import { searchRecord, type SearchRecord } from '../../src/search/records.ts';
import { ROOT, SAMPLES } from '../helpers/paths.ts';
import { treeOf } from '../helpers/tree.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const reports: Report[] = await Promise.all(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readReport(join(SAMPLES, f), { registry })));
const dir = mkdtempSync(join(tmpdir(), 'xxgk-search-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSearchIndex', () => {
  it('indexes again only the shard whose reports changed, and nothing when none did', async () => {
    const steps: { step: string; reused: boolean }[] = [];
    const build = (rs: Report[]) => buildSearchIndex(rs, { outDir: join(dir, 'out'), cacheDir: join(dir, 'cache'), onStep: (s) => steps.push(s) });

    const first = await build(reports);
    expect(first.built).toEqual(['2023', '2022']);
    expect(first.pages).toHaveLength(5);

    steps.length = 0;
    const again = await build(reports);
    expect(again.built).toEqual([]);
    expect(again.reused).toEqual(['2023', '2022']);
    expect(steps.map((s) => [s.step, s.reused])).toEqual([['shard 2023', true], ['shard 2022', true], ['pagefind runtime', true], ['merge', true], ['output', false]]);
    expect(again.manifest).toEqual(first.manifest);

    // One report of 2022 changes: its shard is indexed again, 2023's is not.
    const changed = reports.map((r) => (r.year === 2022 ? { ...r, sections: r.sections.map((s) => (s.no === 1 ? { ...s, markdown: `${s.markdown}\n\n新增的一段话。` } : s)) } : r));
    const third = await build(changed);
    expect(third.built).toEqual(['2022']);
    expect(third.reused).toEqual(['2023']);
    // The cache keeps what the last build used and nothing else: two shards, Pagefind's
    // runtime and the merged index.
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(4);
    for (const f of ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) expect(existsSync(join(dir, 'out', 'bundle', f)), f).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, 'out', 'bundle', 'pagefind-entry.json'), 'utf8'));
    expect(entry).toMatchObject({ version: '1.6.0', languages: { und: { page_count: 5 } } });
    expect(entry.include_characters).toContain('_');

    // pruneLater: the build may return before the unused entries (2022's shard and the merged
    // index of the third build) are gone; `pruned` settles when they are.
    const fourth = await buildSearchIndex(reports, { outDir: join(dir, 'out'), cacheDir: join(dir, 'cache'), pruneLater: true });
    expect(fourth.built).toEqual(['2022']);
    await fourth.pruned;
    const kept = readdirSync(join(dir, 'cache'));
    for (const part of fourth.index.parts) expect(kept).toContain(part.digest);
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(4);
  });
});

describe('buildSearchIndex after one report changed', () => {
  it('merges again only around the words it changed, and writes what a build from an empty cache writes', async () => {
    // Small chunks, so that the merged index has many.
    const build = (rs: Report[], out: string, cache: string) => buildSearchIndex(rs, { outDir: join(dir, out), cacheDir: join(dir, cache), chunkSize: 300 });
    const first = await build(reports, 'around-a', 'cache-around');
    expect(first.chunks!.total).toBeGreaterThan(20);
    expect(first.chunks!.kept).toBe(0);
    const firstTree = treeOf(join(dir, 'around-a'));
    // A sentence at the end of its last chapter: the words before it keep their positions.
    const last = (r: Report) => Math.max(...r.sections.map((s) => s.no));
    const changed = reports.map((r) => (r.year === 2022 ? { ...r, sections: r.sections.map((s) => (s.no === last(r) ? { ...s, markdown: `${s.markdown}\n\n另有一段新增的说明。` } : s)) } : r));
    const around = await build(changed, 'around-b', 'cache-around');
    const fresh = await build(changed, 'around-c', 'cache-around-fresh');
    expect(around.built).toEqual(['2022']);
    // Some chunks without reading the shards' words in them (here one report of five changed, and
    // its words are in most chunks; at 10,000 reports the bench's one-sentence edit changed 3 to 5 of 2,623).
    expect(around.chunks!.kept).toBeGreaterThan(0);
    expect(around.chunks!.kept).toBeLessThan(around.chunks!.total);
    expect(fresh.chunks!.kept).toBe(0);
    expect(treeOf(join(dir, 'around-b'))).toEqual(treeOf(join(dir, 'around-c')));
    expect(treeOf(join(dir, 'around-b'))).not.toEqual(treeOf(join(dir, 'around-a')));
    // The second merge took the first one's chunk files over (src/search/build/merge-index.ts):
    // the first output holds its own all the same, and going back to the first reports merges
    // around the same words again and writes the first index.
    expect(treeOf(join(dir, 'around-a'))).toEqual(firstTree);
    const back = await build(reports, 'around-d', 'cache-around');
    expect(back.chunks!.kept).toBeGreaterThan(0);
    expect(treeOf(join(dir, 'around-d'))).toEqual(firstTree);
  });

  it('merges whole when a report is added (every later page is numbered anew), on worker threads, and writes what a build from an empty cache writes', async () => {
    const build = (rs: Report[], out: string, cache: string, gzipWorkersFrom?: number) => buildSearchIndex(rs, { outDir: join(dir, out), cacheDir: join(dir, cache), chunkSize: 300, gzipWorkersFrom });
    const without = reports.filter((r) => r.year !== 2022 || r !== reports.find((x) => x.year === 2022));
    expect(without).toHaveLength(reports.length - 1);
    await build(without, 'added-a', 'cache-added', 1);
    // 2022's shard has a page more: the merge is made whole, every chunk compressed again on the workers.
    const added = await build(reports, 'added-b', 'cache-added', 1);
    const fresh = await build(reports, 'added-c', 'cache-added-fresh');
    expect(added.chunks!.kept).toBe(0);
    expect(added.chunks!.total).toBeGreaterThan(20);
    expect(treeOf(join(dir, 'added-b'))).toEqual(treeOf(join(dir, 'added-c')));
  });

  it("takes the unchanged reports' display blocks from the shard's earlier build as the same files, and writes the changed report's anew", async () => {
    const build = (rs: Report[], out: string, cache: string) => buildSearchIndex(rs, { outDir: join(dir, out), cacheDir: join(dir, cache) });
    const first = await build(reports, 'blocks-a', 'cache-blocks');
    const ofYear = first.pages.filter((id) => reports.find((r) => r.id === id)!.year === 2023);
    expect(ofYear.length).toBeGreaterThan(1);
    const target = ofYear[1]!;
    const changed = reports.map((r) => (r.id === target ? { ...r, sections: r.sections.map((s) => (s.no === 1 ? { ...s, markdown: `${s.markdown}\n\n新增的一段话。` } : s)) } : r));
    const steps: { step: string; parts?: { pagesRead: number } }[] = [];
    const second = await buildSearchIndex(changed, { outDir: join(dir, 'blocks-b'), cacheDir: join(dir, 'cache-blocks'), onStep: (s) => steps.push(s) });
    expect(second.built).toEqual(['2023']);
    // Its index patched from the earlier build with the changed report's words (src/search/build/shard-patch.ts).
    expect(steps.find((s) => s.step === 'shard 2023')?.parts?.pagesRead).toBe(1);
    const fresh = await build(changed, 'blocks-c', 'cache-blocks-fresh');
    expect(treeOf(join(dir, 'blocks-b'))).toEqual(treeOf(join(dir, 'blocks-c')));

    // Page p of the shard has block files p-0.dat, p-1.dat … (pages in the order of first.pages).
    const blocksOf = (out: string, page: number) => readdirSync(join(dir, out, 'blocks', '2023')).filter((f) => f.startsWith(`${page}-`)).sort();
    const inode = (out: string, file: string) => statSync(join(dir, out, 'blocks', '2023', file)).ino;
    ofYear.forEach((id, page) => {
      const files = blocksOf('blocks-b', page);
      expect(files.length, id).toBeGreaterThan(0);
      expect(files, id).toEqual(blocksOf('blocks-a', page));
      for (const f of files) {
        if (id === target) expect(inode('blocks-b', f), `${id} ${f}`).not.toBe(inode('blocks-a', f));
        else expect(inode('blocks-b', f), `${id} ${f}`).toBe(inode('blocks-a', f));
      }
    });
    // The changed report's text is in its new blocks.
    const text = blocksOf('blocks-b', ofYear.indexOf(target)).map((f) => gunzipSync(readFileSync(join(dir, 'blocks-b', 'blocks', '2023', f))).toString()).join('');
    expect(text).toContain('新增的一段话');
  });

  it('writes every block anew when the earlier build lost a block file', async () => {
    const cache = join(dir, 'cache-lost');
    const first = await buildSearchIndex(reports, { outDir: join(dir, 'lost-a'), cacheDir: cache });
    const shard = first.index.parts.find((p) => p.path === 'blocks/2023')!;
    rmSync(join(shard.from, '0-0.dat'));
    const changed = reports.map((r) => (r.year === 2023 ? { ...r, title: `${r.title}（修订）` } : r));
    // Every 2023 report changed but one, which would have lent its blocks: its missing file is written.
    const kept = first.pages.find((id) => reports.find((r) => r.id === id)!.year === 2023)!;
    const second = await buildSearchIndex(changed.map((r) => (r.id === kept ? reports.find((o) => o.id === kept)! : r)), { outDir: join(dir, 'lost-b'), cacheDir: cache });
    expect(second.built).toEqual(['2023']);
    expect(existsSync(join(dir, 'lost-b', 'blocks', '2023', '0-0.dat'))).toBe(true);
  });
});

describe('buildSearchIndexOfReports (the build: records only for shards not in the cache)', () => {
  const records = reports.map(searchRecord);
  const indexed = (rs: readonly SearchRecord[], source: (r: SearchRecord) => string) => rs.map((r) => ({ id: r.id, year: r.year, source: source(r) }));
  const only = (rs: readonly SearchRecord[], ids: ReadonlySet<string>) => new Map(rs.filter((r) => ids.has(r.id)).map((r) => [r.id, r]));

  it('names the reports of shards not in the cache, and builds the same index from only their records', async () => {
    const cacheDir = join(dir, 'cache-reports');
    const options = { cacheDir };
    const planned = indexed(records, (r) => `v1:${r.id}`);
    const years = new Map(records.map((r) => [r.id, r.year]));
    // A new cache: every report's record is needed.
    expect([...reportsToIndex(planned, options)].sort()).toEqual(records.map((r) => r.id).sort());
    const first = await buildSearchIndexOfReports(planned, only(records, reportsToIndex(planned, options)), { ...options, outDir: join(dir, 'out-reports') });
    expect(first.built).toEqual(['2023', '2022']);
    // Built from the records themselves (another cache), the index is the same.
    const plain = await buildSearchIndexOfRecords(records, { cacheDir: join(dir, 'cache-records'), outDir: join(dir, 'out-records') });
    expect(first.manifest).toEqual(plain.manifest);
    expect(first.pages).toEqual(plain.pages);
    for (const f of readdirSync(join(dir, 'out-records', 'bundle', 'index'))) expect(readFileSync(join(dir, 'out-reports', 'bundle', 'index', f)).equals(readFileSync(join(dir, 'out-records', 'bundle', 'index', f))), f).toBe(true);

    // Nothing changed: no record is needed, and none is given.
    expect(reportsToIndex(planned, options)).toEqual(new Set());
    const again = await buildSearchIndexOfReports(planned, new Map(), options);
    expect(again.reused).toEqual(['2023', '2022']);

    // One 2022 report's source changes: exactly the 2022 reports' records are needed.
    const one = records.find((r) => r.year === 2022)!;
    const changed = planned.map((p) => (p.id === one.id ? { ...p, source: 'v2' } : p));
    const needed = reportsToIndex(changed, options);
    expect([...needed].sort()).toEqual(records.filter((r) => years.get(r.id) === 2022).map((r) => r.id).sort());
    // Without them the build says which shard lacks them instead of indexing nothing.
    await expect(buildSearchIndexOfReports(changed, new Map(), options)).rejects.toThrow(/分片 2022 不在缓存中.*请重新构建/);
    const third = await buildSearchIndexOfReports(changed, only(records, needed), options);
    expect([third.built, third.reused]).toEqual([['2022'], ['2023']]);
    // The source is what the shard is known by: the same source is taken as the same record.
    expect(reportsToIndex(changed, options)).toEqual(new Set());
    // The merge's chunk size is not a shard's: shards stay cached when only it changes.
    expect(reportsToIndex(changed, { ...options, chunkSize: 300 })).toEqual(new Set());
  });

  it('takes the plan planSearchIndex made of the reports instead of making it again', async () => {
    const options = { cacheDir: join(dir, 'cache-plan') };
    const planned = indexed(records, (r) => `v1:${r.id}`);
    const { plan, needed } = planSearchIndex(planned, options);
    expect(needed).toEqual(reportsToIndex(planned, options));
    expect(plan.map((s) => [s.id, s.records.length])).toEqual([['2023', records.filter((r) => r.year === 2023).length], ['2022', records.filter((r) => r.year === 2022).length]]);
    const made = await buildSearchIndexOfReports(planned, only(records, needed), { ...options, outDir: join(dir, 'out-made') });
    // Given the plan, the index is built from it: the same index, although no reports are passed beside it.
    const given = await buildSearchIndexOfReports([], only(records, needed), { ...options, plan, outDir: join(dir, 'out-given') });
    expect(given.reused).toEqual(['2023', '2022']);
    expect(given.manifest).toEqual(made.manifest);
    expect(given.pages).toEqual(made.pages);
  });

  it("needs of a shard patched from its earlier build only the changed report's record, and builds what every record builds", async () => {
    const cacheDir = join(dir, 'cache-patch-records');
    const planned = indexed(records, (r) => `v1:${r.id}`);
    await buildSearchIndexOfReports(planned, only(records, reportsToIndex(planned, { cacheDir })), { cacheDir, outDir: join(dir, 'patch-records-a') });
    const of2023 = records.filter((r) => r.year === 2023);
    expect(of2023.length).toBeGreaterThanOrEqual(3);
    const target = of2023[1]!;
    const edited = records.map((r) => (r.id === target.id ? { ...r, text: `${r.text}\n新增的一段话。` } : r));
    const changed = indexed(edited, (r) => (r.id === target.id ? 'v2' : `v1:${r.id}`));
    const needed = reportsToIndex(changed, { cacheDir });
    expect([...needed]).toEqual([target.id]);
    const steps: { step: string; parts?: { pagesRead: number } }[] = [];
    const patched = await buildSearchIndexOfReports(changed, only(edited, needed), { cacheDir, outDir: join(dir, 'patch-records-b'), onStep: (s) => steps.push(s) });
    expect(patched.built).toEqual(['2023']);
    expect(steps.find((s) => s.step === 'shard 2023')?.parts?.pagesRead).toBe(1);
    // The unchanged reports' agency and district come from the earlier build: the manifest holds them.
    const fresh = await buildSearchIndexOfRecords(edited, { cacheDir: join(dir, 'cache-patch-fresh'), outDir: join(dir, 'patch-records-c') });
    expect(patched.manifest).toEqual(fresh.manifest);
    expect(patched.manifest.agency).toHaveLength(records.length);
    expect(treeOf(join(dir, 'patch-records-b'))).toEqual(treeOf(join(dir, 'patch-records-c')));
  });

  it('needs the record of an unchanged report too when its block files are gone from the earlier build', async () => {
    const cacheDir = join(dir, 'cache-patch-lost');
    const planned = indexed(records, (r) => `v1:${r.id}`);
    const first = await buildSearchIndexOfReports(planned, only(records, reportsToIndex(planned, { cacheDir })), { cacheDir, outDir: join(dir, 'patch-lost-a') });
    const of2023 = first.pages.filter((id) => records.find((r) => r.id === id)!.year === 2023);
    // Page 0 of the shard loses a block file; page 1 changes.
    rmSync(join(first.index.parts.find((p) => p.path === 'blocks/2023')!.from, '0-0.dat'));
    const changed = planned.map((p) => (p.id === of2023[1] ? { ...p, source: 'v2' } : p));
    expect([...reportsToIndex(changed, { cacheDir })].sort()).toEqual([of2023[0]!, of2023[1]!].sort());
    // Given only the changed report's record, the build names the one it lacks.
    await expect(buildSearchIndexOfReports(changed, only(records, new Set([of2023[1]!])), { cacheDir })).rejects.toThrow(new RegExp(`${of2023[0]}.*请重新构建`));
    const second = await buildSearchIndexOfReports(changed, only(records, reportsToIndex(changed, { cacheDir })), { cacheDir, outDir: join(dir, 'patch-lost-b') });
    expect(second.built).toEqual(['2023']);
    expect(existsSync(join(dir, 'patch-lost-b', 'blocks', '2023', '0-0.dat'))).toBe(true);
  });

  it('refuses two reports with one id, naming it', () => {
    const planned = indexed(records, (r) => r.id);
    expect(() => reportsToIndex([...planned, planned[0]!], { cacheDir: join(dir, 'cache-twice') })).toThrow(new RegExp(`报告编号重复.*${planned[0]!.id}`));
  });
});

describe('the digests of cached steps', () => {
  const BUILD = join(ROOT, 'src', 'search', 'build');
  /** The project modules a module runs, following its imports (not `import type`). */
  function runs(file: string, seen = new Set<string>()): Set<string> {
    seen.add(file);
    for (const [, what, spec] of readFileSync(file, 'utf8').matchAll(/^import (type )?[^'"]*from '(\.{1,2}\/[^']+)'/gm)) {
      const target = resolve(dirname(file), spec!);
      if (!what && !seen.has(target)) runs(target, seen);
    }
    return seen;
  }

  it.each([
    ['shard', 'build-shard.ts'],
    ['merge', 'merge-index.ts'],
    ['runtime', 'pagefind-runtime.ts'],
  ] as const)('cover every module the %s step runs', (step, entry) => {
    const listed = new Set(STEP_SOURCES[step].map((f) => resolve(BUILD, f)));
    const needed = [...runs(join(BUILD, entry))];
    expect(needed.length).toBeGreaterThan(1);
    expect(needed.filter((f) => !listed.has(f)).map((f) => relative(BUILD, f))).toEqual([]);
  });
});
