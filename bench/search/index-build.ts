/**
 * node bench/search/index-build.ts — the search index step alone, as the build runs it
 * (`buildSearchIndexOfRecords`), on a real archive folder: wall time, each step, and the peak
 * resident memory of the whole process tree (this process and any child it starts).
 *
 *   REPORTS_DIR=bench/work/corpus-10000-1/reports OUT_DIR=/tmp/idx XXGK_SEARCH_CACHE_DIR=/tmp/idx-cache \
 *     node bench/search/index-build.ts
 *
 * The archive is read and turned into search records first (RECORDS=file.json keeps them between
 * runs, so the parse is not timed again); the cache directory is emptied before the build unless
 * KEEP_CACHE=1 (then the run shows a rebuild; with CHANGE_ONE=1 one report's text changed first).
 * XXGK_SEARCH_WORKERS=1 builds the shards in one thread, as the site build does beside Astro on
 * two cores.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSearchIndexOfRecords } from '../../src/search/build/build-search-index.ts';
import { searchTuning } from '../../src/search/build/tuning.ts';
import type { SearchRecord } from '../../src/search/records.ts';
import { watchTreeRss } from './tree-rss.ts';

const recordsFile = process.env.RECORDS ? resolve(process.env.RECORDS) : null;
let records: SearchRecord[];
if (recordsFile && existsSync(recordsFile)) records = JSON.parse(readFileSync(recordsFile, 'utf8')) as SearchRecord[];
else {
  // Loaded only when needed: the snapshot pulls in the parser and the site's loaders.
  const { readSnapshot } = await import('../../src/loader/archive-snapshot.ts');
  const { searchRecord } = await import('../../src/search/records.ts');
  records = (await readSnapshot()).reports.map((page) => searchRecord(page.report));
  if (recordsFile) {
    writeFileSync(recordsFile, JSON.stringify(records));
    console.log(`records of ${records.length} reports written to ${recordsFile}; run again to time the index alone`);
    process.exit(0);
  }
}

if (process.env.CHANGE_ONE) {
  // One report's text changes (the first of the newest year): with KEEP_CACHE=1, a one-report rebuild.
  const newest = Math.max(...records.map((r) => r.year ?? 0));
  const i = records.findIndex((r) => r.year === newest);
  const r = records[i]!;
  records[i] = { ...r, text: `新增的一段话。\n${r.text}`, headerOffset: r.headerOffset + '新增的一段话。\n'.length };
}

const outDir = resolve(process.env.OUT_DIR ?? '/tmp/xxgk-index-build');
const cacheDir = resolve(process.env.XXGK_SEARCH_CACHE_DIR ?? '/tmp/xxgk-index-build-cache');
if (!process.env.KEEP_CACHE) rmSync(cacheDir, { recursive: true, force: true });
// As in the build, whose staging folder is gone (moved into the site) when the index step starts.
rmSync(outDir, { recursive: true, force: true });
/** Milliseconds of each part of the shards (summed over the threads that built them), and of each later step. */
const shardParts: Record<string, number> = {};
const steps: Record<string, number> = {};
let shardsDone = 0;
const rss = watchTreeRss();
const started = performance.now();
const result = await buildSearchIndexOfRecords(records, {
  ...searchTuning(process.env),
  outDir,
  cacheDir,
  onStep: (s) => {
    const parts = s.parts ? ` (${Object.entries(s.parts).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')})` : '';
    console.log(`  ${s.step} (${s.pages} reports): ${s.reused ? 'reused' : 'built'} in ${(s.ms / 1000).toFixed(1)} s${parts}`);
    if (s.step.startsWith('shard ')) {
      for (const [k, ms] of Object.entries(s.parts ?? {})) shardParts[k] = (shardParts[k] ?? 0) + ms;
      shardsDone = performance.now() - started;
    } else steps[s.step] = s.ms;
  },
});
const seconds = (performance.now() - started) / 1000;
const peak = await rss.stop();
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`search index of ${result.pages.length} reports, ${result.manifest.shards.length} shards: ${seconds.toFixed(1)} s, peak memory of the process tree ${(peak / 2 ** 30).toFixed(2)} GiB`);
console.log(`  shards ${s1(shardsDone)} (in their threads: ${Object.entries(shardParts).map(([k, ms]) => `${k} ${s1(ms)}`).join(', ')}), then ${Object.entries(steps).map(([k, ms]) => `${k} ${s1(ms)}`).join(', ')}`);
console.log(JSON.stringify({ reports: result.pages.length, shards: result.manifest.shards.length, built: result.built.length, seconds: +seconds.toFixed(1), peakRssBytes: peak, shardsSeconds: +(shardsDone / 1000).toFixed(1), shardParts, steps }));
