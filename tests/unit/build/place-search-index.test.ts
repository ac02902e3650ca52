/**
 * The search index into the output (placeIndexFiles, then preloadSearchPage), with indexes built by the real search
 * build (hard links into its cache): a full build's staged index moves in whole; a partial
 * build's update links again only the parts whose digest changed, and afterwards the output's
 * index is exactly the index written afresh, while the files of unchanged shards are the very
 * files that were there. Each time, the output's listing brought up to date with what
 * placing says it changed has the fingerprint of the folder read afresh.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { OutputListing, outputFingerprint } from '../../../src/node/build/output-listing.ts';
import { placeIndexFiles, preloadSearchPage, type Placed, type Placement } from '../../../src/node/build/search-step.ts';
import { loadRegistry } from '../../../src/node/load-registry.ts';
import { readReport } from '../../../src/node/read-report.ts';
import { buildSearchIndex, type SearchIndexResult } from '../../../src/search/build/build-search-index.ts';
import { partDigests, writeIndex } from '../../../src/search/build/index-parts.ts';
import { ROOT, SAMPLES } from '../../helpers/paths.ts';
import { inodeOf, treeOf, writeTree } from '../../helpers/tree.ts';

const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const reports: Report[] = await Promise.all(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readReport(join(SAMPLES, f), { registry })));
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-place-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const out = join(tmp, 'out');
const staging = join(tmp, '.out.pagefind');
const index = join(out, 'pagefind');
const build = (rs: Report[], outDir?: string) => buildSearchIndex(rs, { ...(outDir ? { outDir } : {}), cacheDir: join(tmp, 'cache') });
/**
 * As a build does it: Astro has written the search page, then the index is placed; the output's
 * listing, read before, is brought up to date with what placing it changed (scripts/build.ts).
 */
/** The index's files and then the search page's preload links, as scripts/build.ts places them. */
function placeSearchIndex(placement: Placement, outDir: string, basePath: string): Placed {
  const placed = placeIndexFiles(placement, outDir);
  placed.files.push(...preloadSearchPage(outDir, basePath));
  return placed;
}

const place = (placement: Placement) => {
  writeTree(out, { 'search/index.html': '<html><head><title>搜索</title></head><body></body></html>' });
  const listing = OutputListing.read(out)!;
  const placed = placeSearchIndex(placement, out, '/');
  listing.restat(placed.files);
  listing.relist(placed.folders);
  expect(listing.fingerprint()).toEqual(outputFingerprint(out));
};
/** The same index written afresh into a folder of its own: what the output must equal. */
const fresh = (result: SearchIndexResult) => {
  const dir = join(tmp, 'fresh');
  writeIndex(result.index, dir);
  return treeOf(dir);
};
const edited = (r: Report): Report => ({ ...r, sections: r.sections.map((s) => (s.no === 1 ? { ...s, markdown: `${s.markdown}\n\n新增的一段话。` } : s)) });

describe('placeIndexFiles and preloadSearchPage', () => {
  it('moves a staged index in whole, then updates it part by part: the output holds exactly the index written afresh', async () => {
    let result = await build(reports, staging);
    const staged = treeOf(staging);
    expect(staged).toEqual(fresh(result));
    place({ staging });
    expect(treeOf(index)).toEqual(staged);
    expect(statSync(staging, { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8')).toContain('<link rel="modulepreload" href="/pagefind/bundle/pagefind.js">');

    // One 2022 report changes: the 2022 shard and the bundle are linked again, the 2023 shard's blocks stay the same files.
    const blocks2023 = readdirSync(join(index, 'blocks', '2023'));
    expect(blocks2023.length).toBeGreaterThan(3);
    const first2023 = join(index, 'blocks', '2023', blocks2023[0]!);
    const inode = inodeOf(first2023);
    const mtime = statSync(first2023).mtimeMs;
    let previous = partDigests(result.index);
    const changed = reports.map((r) => (r.year === 2022 ? edited(r) : r));
    result = await build(changed);
    expect(result.built).toEqual(['2022']);
    expect(Object.keys(partDigests(result.index)).filter((p) => partDigests(result.index)[p] !== previous[p])).toEqual(['bundle', 'blocks/2022']);
    expect(treeOf(index)).not.toEqual(fresh(result));
    place({ update: result, previous });
    expect(treeOf(index)).toEqual(fresh(result));
    expect(inodeOf(first2023)).toBe(inode);
    expect(statSync(first2023).mtimeMs).toBe(mtime);

    // A 2023 report removed: its blocks go from the output; then every 2022 report: the whole shard folder goes.
    const removed = reports.find((r) => r.year === 2023)!.id;
    const fewer = changed.filter((r) => r.id !== removed);
    previous = partDigests(result.index);
    result = await build(fewer);
    const before = Object.keys(treeOf(index));
    place({ update: result, previous });
    const now = fresh(result);
    expect(treeOf(index)).toEqual(now);
    expect(before.filter((f) => !(f in now)).length).toBeGreaterThan(0);

    previous = partDigests(result.index);
    result = await build(fewer.filter((r) => r.year !== 2022));
    place({ update: result, previous });
    expect(treeOf(index)).toEqual(fresh(result));
    expect(readdirSync(join(index, 'blocks'))).toEqual(['2023']);
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8').split('rel="modulepreload"')).toHaveLength(2);
  });

  it("gives a search page kept from the previous build the new index's preload links instead of the earlier ones", async () => {
    const dir = join(tmp, 'kept-page');
    const first = await build(reports, join(dir, '.staged'));
    writeTree(dir, { 'search/index.html': '<html><head><title>搜索</title></head><body></body></html>' });
    placeSearchIndex({ staging: join(dir, '.staged') }, dir, '/');
    const meta = (html: string) => /pagefind\/bundle\/(pagefind\.[^"]+\.pf_meta)"/.exec(html)?.[1];
    const before = readFileSync(join(dir, 'search', 'index.html'), 'utf8');
    expect(meta(before)).toMatch(/\.pf_meta$/);
    // A report changed: the merged bundle (and its meta file's name) is new; the page is not rendered again.
    const result = await build(reports.map((r, i) => (i === 0 ? edited(r) : r)));
    placeSearchIndex({ update: result, previous: partDigests(first.index) }, dir, '/');
    const after = readFileSync(join(dir, 'search', 'index.html'), 'utf8');
    expect(meta(after)).toMatch(/\.pf_meta$/);
    expect(meta(after)).not.toBe(meta(before));
    expect(readdirSync(join(dir, 'pagefind', 'bundle'))).toContain(meta(after));
    // Once each, exactly as on a page rendered afresh.
    expect(after.split('<link ')).toHaveLength(before.split('<link ').length);
    expect(after).toBe(before.replace(meta(before)!, meta(after)!));
  });

  it('keeps, of a merged index built again, the chunks the merge linked from the last one: the very files', async () => {
    // Small chunks, so that one changed figure leaves most of them as they were.
    const small = (rs: Report[], outDir?: string) => buildSearchIndex(rs, { ...(outDir ? { outDir } : {}), cacheDir: join(tmp, 'cache-small'), chunkSize: 300 });
    let result = await small(reports, staging);
    place({ staging });
    const chunkDir = join(index, 'bundle', 'index');
    const before = new Map(readdirSync(chunkDir).map((f) => [f, inodeOf(join(chunkDir, f))]));
    const previous = partDigests(result.index);
    // One figure of one report changes, to a number of as many digits: the words around it keep their positions.
    const target = reports.find((r) => r.year === 2022)!;
    const licensing = target.proactive.licensing!;
    const changed = reports.map((r) => (r === target ? { ...r, proactive: { ...r.proactive, licensing: licensing + (licensing % 10 === 9 ? -1 : 1) } } : r));
    result = await small(changed);
    expect(result.chunks!.linked).toBeGreaterThan(result.chunks!.total / 2);
    expect(result.chunks!.linked).toBeLessThan(result.chunks!.total);
    place({ update: result, previous });
    expect(treeOf(index)).toEqual(fresh(result));
    const after = readdirSync(chunkDir);
    const kept = after.filter((f) => before.has(f));
    expect(kept.length).toBe(result.chunks!.linked);
    for (const f of kept) expect(inodeOf(join(chunkDir, f)), f).toBe(before.get(f));
    expect(after.length - kept.length).toBe(result.chunks!.total - result.chunks!.linked);
  });

  it('links again a part that went missing even when its digest is unchanged', async () => {
    const result = await build(reports);
    writeIndex(result.index, index);
    rmSync(join(index, 'blocks', '2023'), { recursive: true });
    place({ update: result, previous: partDigests(result.index) });
    expect(treeOf(index)).toEqual(fresh(result));
  });
});
