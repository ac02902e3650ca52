/**
 * A partial build's search index made on a thread of its own (src/node/build/search-aside.ts):
 * the same index, cache and parts as made on the build's own thread (buildSearchStaged), the
 * cache pruned when it says so, and a failure named as the index names it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import type { IndexedReport } from '../../../src/search/build/build-search-index.ts';
import { loadRegistry } from '../../../src/node/load-registry.ts';
import { readReport } from '../../../src/node/read-report.ts';
import { SearchAside } from '../../../src/node/build/search-aside.ts';
import { buildSearchStaged, planSearch } from '../../../src/node/build/search-step.ts';
import { searchRecord } from '../../../src/search/records.ts';
import { ROOT, SAMPLES } from '../../helpers/paths.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const reports: Report[] = await Promise.all(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readReport(join(SAMPLES, f), { registry })));
const records = new Map(reports.map((r) => [r.id, searchRecord(r)]));
const planned = reports.map((r) => ({ id: r.id, year: r.year, source: `v1:${r.id}` }));
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-search-aside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The thread takes its settings from the environment, as the build's own thread does.
const saved = process.env.XXGK_SEARCH_CACHE_DIR;
let cache: string;
let n = 0;
beforeEach(() => {
  cache = join(tmp, `cache-${n++}`);
  process.env.XXGK_SEARCH_CACHE_DIR = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env.XXGK_SEARCH_CACHE_DIR;
  else process.env.XXGK_SEARCH_CACHE_DIR = saved;
});

/** The index's plan of `list`, as the build hands it to the thread. */
const planOf = (list: readonly IndexedReport[]) => planSearch(list).plan;

/** The files of the merged index in the cache, by name, as bytes. */
const bundleOf = (dir: string) => new Map(readdirSync(join(dir, 'index')).map((f) => [f, readFileSync(join(dir, 'index', f))]));

/** A thread started now, asked at once. */
const buildSearchAside = (...args: Parameters<SearchAside['build']>) => new SearchAside().build(...args);

describe('SearchAside', () => {
  it('makes on its thread the index the build makes on its own, into the cache only', async () => {
    const here = await buildSearchStaged(planned, records, null, process.env, 1);
    const hereBundle = bundleOf(here.index.parts[0]!.from);
    process.env.XXGK_SEARCH_CACHE_DIR = join(tmp, `cache-${n++}`);
    const aside = await buildSearchAside(planned, planOf(planned), records, 1);
    expect(aside.built).toEqual(['2023', '2022']);
    expect(aside.manifest).toEqual(here.manifest);
    expect(aside.pages).toEqual(here.pages);
    expect(aside.chunks).toEqual(here.chunks);
    expect(aside.index.parts.map((p) => [p.path, p.digest])).toEqual(here.index.parts.map((p) => [p.path, p.digest]));
    expect(Buffer.from(aside.index.manifest).equals(Buffer.from(here.index.manifest))).toBe(true);
    expect(aside.index.parts[0]!.from.startsWith(process.env.XXGK_SEARCH_CACHE_DIR!)).toBe(true);
    expect(bundleOf(aside.index.parts[0]!.from)).toEqual(hereBundle);
    await aside.pruned;
  });

  it('is started before its reports are known, and builds the same index when asked', async () => {
    const here = await buildSearchStaged(planned, records, null, process.env, 1);
    process.env.XXGK_SEARCH_CACHE_DIR = join(tmp, `cache-${n++}`);
    const thread = new SearchAside();
    // Its code loads meanwhile; the reports come later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const aside = await thread.build(planned, planOf(planned), records, 1);
    expect(aside.built).toEqual(['2023', '2022']);
    expect(aside.index.parts.map((p) => [p.path, p.digest])).toEqual(here.index.parts.map((p) => [p.path, p.digest]));
    await aside.pruned;
  });

  it('settles `pruned` once the cache holds only what the index used', async () => {
    await buildSearchAside(planned, planOf(planned), records, 1).then((r) => r.pruned);
    const one = reports.find((r) => r.year === 2022)!;
    const changed = planned.map((p) => (p.id === one.id ? { ...p, source: 'v2' } : p));
    const second = await buildSearchAside(changed, planOf(changed), records, 1);
    expect([second.built, second.reused]).toEqual([['2022'], ['2023']]);
    await second.pruned;
    const used = second.index.parts.map((p) => p.digest);
    // Two shards, the merged index and Pagefind's runtime: the first build's 2022 shard and merge are gone.
    expect(readdirSync(cache)).toHaveLength(4);
    for (const digest of used) expect(existsSync(join(cache, digest)), digest).toBe(true);
  });

  it("fails with the index's own message", async () => {
    await buildSearchAside(planned, planOf(planned), records, 1).then((r) => r.pruned);
    const one = reports.find((r) => r.year === 2022)!;
    const changed = planned.map((p) => (p.id === one.id ? { ...p, source: 'v2' } : p));
    await expect(buildSearchAside(changed, planOf(changed), new Map(), 1)).rejects.toThrow(/分片 2022 不在缓存中.*请重新构建/);
  });
});
