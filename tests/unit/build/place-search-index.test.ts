/**
 * The search index into the output (placeSearchIndex), with indexes staged by the real search
 * build (hard links into its cache): the first time it moves in whole; when the output has one,
 * afterwards the output's index is exactly the staged one (changed files in, stale ones out),
 * and the files of unchanged shards are the very files that were there.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { placeSearchIndex } from '../../../src/node/build/search-step.ts';
import { loadRegistry } from '../../../src/node/load-registry.ts';
import { readReport } from '../../../src/node/read-report.ts';
import { buildSearchIndex } from '../../../src/search/build/build-search-index.ts';
import { ROOT, SAMPLES } from '../../helpers/paths.ts';
import { inodeOf, treeOf, writeTree } from '../../helpers/tree.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const reports: Report[] = await Promise.all(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readReport(join(SAMPLES, f), { registry })));
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-place-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const out = join(tmp, 'out');
const staging = join(tmp, '.out.pagefind');
const index = join(out, 'pagefind');
const stage = (rs: Report[]) => buildSearchIndex(rs, { outDir: staging, cacheDir: join(tmp, 'cache') });
/** As a build does it: Astro has written the search page, then the index is placed. */
const place = () => {
  writeTree(out, { 'search/index.html': '<html><head><title>搜索</title></head><body></body></html>' });
  placeSearchIndex(staging, out, '/');
};
const edited = (r: Report): Report => ({ ...r, sections: r.sections.map((s) => (s.no === 1 ? { ...s, markdown: `${s.markdown}\n\n新增的一段话。` } : s)) });

describe('placeSearchIndex', () => {
  it('moves the first index in, then syncs each new one: the output holds exactly what was staged', async () => {
    await stage(reports);
    let staged = treeOf(staging);
    place();
    expect(treeOf(index)).toEqual(staged);
    expect(statSync(staging, { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8')).toContain('<link rel="modulepreload" href="/pagefind/bundle/pagefind.js">');

    // One 2022 report changes: the 2023 shard's blocks stay the same files.
    const blocks2023 = readdirSync(join(index, 'blocks', '2023'));
    expect(blocks2023.length).toBeGreaterThan(3);
    const first2023 = join(index, 'blocks', '2023', blocks2023[0]!);
    const inode = inodeOf(first2023);
    const mtime = statSync(first2023).mtimeMs;
    const changed = reports.map((r) => (r.year === 2022 ? edited(r) : r));
    expect((await stage(changed)).built).toEqual(['2022']);
    staged = treeOf(staging);
    expect(treeOf(index)).not.toEqual(staged);
    place();
    expect(treeOf(index)).toEqual(staged);
    expect(inodeOf(first2023)).toBe(inode);
    expect(statSync(first2023).mtimeMs).toBe(mtime);
    expect(statSync(staging, { throwIfNoEntry: false })).toBeUndefined();

    // A 2023 report removed: its blocks go from the output; then every 2022 report: the whole shard folder goes.
    const removed = reports.find((r) => r.year === 2023)!.id;
    const fewer = changed.filter((r) => r.id !== removed);
    await stage(fewer);
    staged = treeOf(staging);
    const before = Object.keys(treeOf(index));
    place();
    expect(treeOf(index)).toEqual(staged);
    expect(before.filter((f) => !(f in staged)).length).toBeGreaterThan(0);

    await stage(fewer.filter((r) => r.year !== 2022));
    staged = treeOf(staging);
    place();
    expect(treeOf(index)).toEqual(staged);
    expect(readdirSync(join(index, 'blocks'))).toEqual(['2023']);
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8').split('rel="modulepreload"')).toHaveLength(2);
  });
});
