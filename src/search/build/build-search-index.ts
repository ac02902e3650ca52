/**
 * Builds the search index of an archive into `<outDir>/` (normally dist/pagefind/):
 *
 *   manifest.dat                 gzip JSON: shards, window, agency and district of every page
 *   bundle/                      one Pagefind index (pagefind.js, wasm, meta, index/ chunks)
 *   blocks/<shard>/<page>-<k>.dat  display blocks (gzip JSON), see ../display.ts
 *
 * Reports are split into shards (one per year, a large year in parts: ../shards.ts). Each shard's
 * Pagefind index is written by our own code (./build-shard.ts), one shard after another; the
 * shards' indexes are then merged into one (./merge-index.ts), beside which goes Pagefind's own
 * search runtime, taken once from a tiny Pagefind run (./pagefind-runtime.ts). Built shards, the
 * runtime and the merged index are kept in a cache under a digest of what went in: a shard whose
 * reports did not change is not indexed again, and when no shard changed nothing is merged again
 * either. Nothing in the output depends on the site's base path.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Report } from '../../core/model/report.ts';
import { BLOCK } from '../display.ts';
import { searchRecord, type SearchRecord } from '../records.ts';
import { planShards, type SearchManifest } from '../shards.ts';
import { WINDOW } from '../tokenize.ts';
import { buildShard, CHANGED_WORDS, pagesNeedingRecords, type ChangedSince, type ShardEntry, type ShardPage, type ShardTimings } from './build-shard.ts';
import { writeIndex, type BuiltIndex } from './index-parts.ts';
import { changedWords, joinChanged, mergeIndexes, type ChangedWords, type EarlierChunks, type MergeChanges, type MergedChunk } from './merge-index.ts';
import { INDEX_LANGUAGE, PAGEFIND_VERSION } from './pagefind-format.ts';
import { readPagefindRuntime, writePagefindRuntime } from './pagefind-runtime.ts';
import { ShardPool } from './shard-pool.ts';

/**
 * A digest of the code that decides what a cached step writes for given reports: a cached shard
 * or merge is reused only if that code is unchanged too.
 */
const sourceDigest = (files: readonly string[]) =>
  createHash('sha256')
    .update(files.map((f) => readFileSync(new URL(f, import.meta.url))).join('\n'))
    .digest('hex');
/** The sources of each cached step (tests/search/build-cache.test.ts checks they cover its imports). */
export const STEP_SOURCES = {
  shard: ['../tokenize.ts', '../records.ts', '../display.ts', './build-shard.ts', './shard-index.ts', './shard-patch.ts', './window-words.ts', './pagefind-format.ts', './cbor-bytes.ts', './link-file.ts'],
  merge: ['./merge-index.ts', './pagefind-format.ts', './segmented-gzip.ts', './gzip-pool.ts', './gzip-worker.ts', './cbor-bytes.ts', './link-file.ts', './word-heap.ts'],
  runtime: ['./pagefind-runtime.ts', './pagefind-format.ts', './cbor-bytes.ts'],
} as const;
const SHARD_CODE = sourceDigest(STEP_SOURCES.shard);
const MERGE_CODE = sourceDigest(STEP_SOURCES.merge);
const RUNTIME_CODE = sourceDigest(STEP_SOURCES.runtime);

export interface SearchIndexOptions {
  /** Where the index is linked from the cache; none: the caller places it (see ./index-parts.ts). */
  outDir?: string;
  /** Where built shards are kept between builds (default node_modules/.cache/xxgk/search). */
  cacheDir?: string;
  /** Largest shard, in reports: bounds the memory of indexing one shard (and what one changed report rebuilds). */
  maxShardPages?: number;
  /**
   * Shards built at once, each on a worker thread (default: the cores, at most 4); 1 builds
   * them in this thread, one after another.
   */
  workers?: number;
  /** Entries per index chunk of the merged index (see bench/search/README.md). */
  chunkSize?: number;
  /** From this many pages a whole merge compresses its chunks on worker threads (default GZIP_WORKERS_FROM; the tests: 1). */
  gzipWorkersFrom?: number;
  window?: number;
  block?: number;
  /**
   * Return before the cache entries this index did not use are removed (`pruned` says when they
   * are): `npm run build` places the index meanwhile. Removing a shard's thousands of block files
   * took 0.6 s of a one-report rebuild at 10,000 reports.
   */
  pruneLater?: boolean;
  /**
   * Called after each shard, Pagefind's runtime, the merge and the output (linked from the cache),
   * with whether it was reused from the cache (and, for a built shard, the milliseconds of its parts).
   */
  onStep?: (info: { step: string; pages: number; reused: boolean; ms: number; parts?: ShardTimings; linked?: number }) => void;
  /**
   * The plan planSearchIndex made of the same reports with the same options, when the caller has
   * it: not made again (at 50,000 reports 0.13–0.25 s of the thread a partial build's index runs on).
   */
  plan?: SearchPlan;
}

/**
 * maxShardPages: a changed report rebuilds its shard, so small shards keep a one-report rebuild
 * cheap; the merge reads every shard's words whatever their number. At 10,000 reports 500 builds
 * a shard in 0.55 s instead of 1.5 s (2,000) and merges in 3.8 s instead of 3.5 s; a clean index
 * takes 12.0 s instead of 13.1 s (bench/README.md).
 */
export const DEFAULTS = { maxShardPages: 500, chunkSize: 12000 } as const;

export interface SearchIndexResult {
  manifest: SearchManifest;
  /** The report id of each page of the merged index. */
  pages: string[];
  built: string[];
  reused: string[];
  /**
   * Of the merged index's chunks, how many there are, how many were linked from the last merge,
   * and of those how many were taken without reading the shards' words in them, and how many were
   * written again within the last merge's bounds (null: the merged index came whole from the cache).
   */
  chunks: { total: number; linked: number; kept: number; restated: number; segments: { copied: number; total: number } } | null;
  /** Its parts in the cache and the manifest, for placing it (./index-parts.ts). */
  index: BuiltIndex;
  /** Settles when the cache entries this index did not use are removed. */
  pruned: Promise<void>;
}

const digestOf = (...parts: unknown[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : JSON.stringify(p));
  return h.digest('hex').slice(0, 24);
};

/**
 * A report as the index is planned: its id, its year (which shard it goes to) and what its search
 * record is made from. Only the reports of shards that are not in the cache need their record.
 */
export interface IndexedReport {
  id: string;
  year: number | null;
  /**
   * Everything its record is made from, as a string: the build gives its page's digest key
   * (bytes, sidecar, registry, parser code, page id; the record's own code is in the shard's
   * digest), so records need not be made to know which shards changed (10,000 reports: 0.18 s
   * to make them, 0.27 s to digest their text; 50,000: 0.8 s and 1.36 s).
   */
  source: string;
}

/**
 * What a record is made from, when the caller has the record itself: its text hashed as it is,
 * after its length, not through JSON.stringify (50,000 records of 6 KB: 1.7 s that way, 1.36 s
 * this way).
 */
export function recordSource(record: SearchRecord): string {
  const { text, ...rest } = record;
  const head = JSON.stringify(rest);
  return createHash('sha256').update(`${head.length}\u0000${head}\u0000${text.length}\u0000`).update(text).digest('hex');
}

/** What a report's display blocks are made from (BlockReuse.keys): the shard code and settings, its id and source. */
function blockKey(settings: { window: number; block: number }, report: IndexedReport): string {
  return createHash('sha256').update(JSON.stringify(['blocks', SHARD_CODE, PAGEFIND_VERSION, settings, report.id])).update(`\u0000${report.source}`).digest('hex').slice(0, 24);
}

/** A shard's digest: its code and settings, its id and what each of its reports' records is made from. */
function shardDigest(id: string, settings: { window: number; block: number }, reports: readonly IndexedReport[]): string {
  const h = createHash('sha256').update(JSON.stringify(['shard', SHARD_CODE, PAGEFIND_VERSION, settings, id]));
  for (const r of reports) h.update(`\u0000${r.id}\u0000${r.source}`);
  return h.digest('hex').slice(0, 24);
}

/** Where the index's cache lives and how it is cut, as buildSearchIndexOf… read them. */
function indexSettings(options: SearchIndexOptions) {
  return {
    window: options.window ?? WINDOW,
    block: options.block ?? BLOCK.size,
    chunkSize: options.chunkSize ?? DEFAULTS.chunkSize,
    maxShardPages: options.maxShardPages ?? DEFAULTS.maxShardPages,
    cacheDir: options.cacheDir ?? join(process.cwd(), 'node_modules', '.cache', 'xxgk', 'search'),
  };
}

/** The shards and each one's digest. Two reports with one id cannot be indexed: an error names them. */
function plannedShards(reports: readonly IndexedReport[], settings: ReturnType<typeof indexSettings>) {
  const seen = new Set<string>();
  const twice = reports.filter((r) => seen.size === seen.add(r.id).size).map((r) => r.id);
  if (twice.length) throw new Error(`报告编号重复，无法建立搜索索引：${[...new Set(twice)].join('、')}`);
  // Only what a shard's files are made with: not the cache's place, nor the merge's chunk size.
  const shardSettings = { window: settings.window, block: settings.block };
  return planShards(reports, settings.maxShardPages).map((shard) => ({ ...shard, digest: shardDigest(shard.id, shardSettings, shard.records) }));
}

/** Whether the cache holds this step's entry whole. */
const inCache = (cacheDir: string, digest: string) => existsSync(join(cacheDir, digest, '.complete'));

/** The index's shards, each with its reports and digest (plain data: it goes to the index's thread). */
export type SearchPlan = ReturnType<typeof plannedShards>;

/**
 * The index's plan, and the ids of the reports whose search record buildSearchIndexOfReports needs
 * (given the same reports and options): those of the shards not in the cache, and of a shard
 * patched from its earlier build only its changed reports (see pagesNeedingRecords), so that a
 * one-report rebuild makes one record, not the 500 of its shard.
 */
export function planSearchIndex(reports: readonly IndexedReport[], options: SearchIndexOptions): { plan: SearchPlan; needed: Set<string> } {
  const settings = indexSettings(options);
  const plan = plannedShards(reports, settings);
  const missing = plan.filter((shard) => !inCache(settings.cacheDir, shard.digest));
  const earlier = missing.length ? earlierShards(settings.cacheDir, existsSync(settings.cacheDir) ? earlierMerge(settings.cacheDir) : null) : new Map<string, string>();
  return { plan, needed: new Set(missing.flatMap((shard) => neededOf(shard, blockKeysOf(shard, settings), earlier).map((r) => r.id))) };
}

/** The ids of the reports whose search record the index needs (see planSearchIndex). */
export function reportsToIndex(reports: readonly IndexedReport[], options: SearchIndexOptions): Set<string> {
  return planSearchIndex(reports, options).needed;
}

/** Each shard's earlier build in the cache (the one the last merge was made from), by shard id. */
function earlierShards(cacheDir: string, earlier: EarlierMerge | null): Map<string, string> {
  return new Map((earlier?.record.shards ?? []).filter((s) => inCache(cacheDir, s.digest)).map((s) => [s.id, join(cacheDir, s.digest)]));
}

/** Each report's key of a shard (BlockReuse.keys), of the window and block size alone. */
function blockKeysOf(shard: { records: readonly IndexedReport[] }, settings: { window: number; block: number }): string[] {
  const made = { window: settings.window, block: settings.block };
  return shard.records.map((r) => blockKey(made, r));
}

/** The reports of a shard not in the cache whose records its build needs, given their keys (blockKeysOf). */
function neededOf(shard: { id: string; records: readonly IndexedReport[] }, keys: readonly string[], earlier: ReadonlyMap<string, string>): readonly IndexedReport[] {
  const needed = pagesNeedingRecords(
    shard.records.map((r) => r.id),
    keys,
    earlier.get(shard.id) ?? null,
  );
  return needed ? shard.records.filter((_, page) => needed.has(page)) : shard.records;
}

/** Runs `build` into `<cache>/<digest>` unless it is there already (complete); true when reused. */
async function cached(cacheDir: string, digest: string, build: (dir: string) => Promise<void> | void): Promise<boolean> {
  const dir = join(cacheDir, digest);
  if (inCache(cacheDir, digest)) return true;
  const temp = `${dir}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  await build(temp);
  writeFileSync(join(temp, '.complete'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return false;
}

/** From this many pages a whole merge compresses its chunks on worker threads (see mergeIndexes' gzipWorkers). */
const GZIP_WORKERS_FROM = 5_000;

/**
 * Beside a merged index in the cache: the merge code, what each of its chunks holds, its chunks in
 * order, and the shards and settings it was merged from (EarlierMerge).
 */
const CHUNK_CONTENTS = 'chunk-contents.json';

interface MergeRecord {
  code: string;
  byContent: Record<string, string>;
  chunks?: MergedChunk[];
  shards?: { id: string; digest: string; pages: number }[];
  window?: number;
  chunkSize?: number;
}

/** The newest merge in the cache by this code: its chunks for linking, and what it was merged from. */
interface EarlierMerge extends EarlierChunks {
  record: MergeRecord;
  /** Its cache entry. */
  entry: string;
}

/**
 * The chunks of the newest merged index in the cache written by this merge code, to be linked
 * where a new merge has the same ones. The index of the last build is still in the cache (a
 * build removes what it did not use only after its own merge).
 */
function earlierMerge(cacheDir: string): EarlierMerge | null {
  let newest: { dir: string; at: number } | null = null;
  for (const entry of readdirSync(cacheDir)) {
    const dir = join(cacheDir, entry);
    if (entry.endsWith('.tmp') || !existsSync(join(dir, '.complete'))) continue;
    const at = statSync(join(dir, CHUNK_CONTENTS), { throwIfNoEntry: false })?.mtimeMs;
    if (at !== undefined && (!newest || at > newest.at)) newest = { dir, at };
  }
  if (!newest) return null;
  const record = JSON.parse(readFileSync(join(newest.dir, CHUNK_CONTENTS), 'utf8')) as MergeRecord;
  if (record.code !== MERGE_CODE) return null;
  return { dir: join(newest.dir, 'bundle', 'index'), byContent: new Map(Object.entries(record.byContent)), ...(record.chunks ? { chunks: record.chunks } : {}), record, entry: newest.dir };
}

/**
 * The words whose merged entries may differ from the earlier merge's, when this merge is of the
 * same shards with the same pages each and only some of them changed (their earlier version still
 * in the cache); null: merge every word. A one-report rebuild then merges again only around the
 * words that report changed, from the last merge's chunks and the changed shards (merge-index.ts:
 * mergeAround).
 */
function wordsChanged(earlier: EarlierMerge | null, cacheDir: string, shards: readonly { id: string; digest: string; pages: number }[], settings: { window: number; chunkSize: number }): MergeChanges | null {
  const before = earlier?.record;
  if (!before?.shards || before.window !== settings.window || before.chunkSize !== settings.chunkSize || before.shards.length !== shards.length) return null;
  if (before.shards.some((s, i) => s.id !== shards[i]!.id || s.pages !== shards[i]!.pages)) return null;
  const differing = shards.flatMap((s, i) => (s.digest === before.shards![i]!.digest ? [] : [{ shard: i, before: before.shards![i]!.digest, after: s.digest }]));
  // Beyond a few changed shards, reading them twice to compare costs about what it saves.
  if (differing.length > Math.max(1, shards.length / 4) || differing.some((d) => !inCache(cacheDir, d.before))) return null;
  return joinChanged(differing.map((d) => ({ shard: d.shard, words: changedSince(join(cacheDir, d.after), d.before) ?? changedWords(join(cacheDir, d.before), join(cacheDir, d.after)) })));
}

/** The words a shard patched from the earlier build `before` changed, as it recorded them (./build-shard.ts), or null. */
function changedSince(dir: string, before: string): ChangedWords | null {
  const file = join(dir, CHANGED_WORDS);
  if (!existsSync(file)) return null;
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as ChangedSince;
  return recorded.earlier === before ? { resized: recorded.resized, restated: recorded.restated } : null;
}

export function buildSearchIndex(reports: readonly Report[], options: SearchIndexOptions): Promise<SearchIndexResult> {
  return buildSearchIndexOfRecords(reports.map(searchRecord), options);
}

/** The same from the reports' search records, for a caller that lets the reports go. */
export function buildSearchIndexOfRecords(records: readonly SearchRecord[], options: SearchIndexOptions): Promise<SearchIndexResult> {
  return buildSearchIndexOfReports(
    records.map((r) => ({ id: r.id, year: r.year, source: recordSource(r) })),
    new Map(records.map((r) => [r.id, r])),
    options,
  );
}

/**
 * The same from the reports as planned and the records of those whose shard is not in the cache
 * (reportsToIndex), for the build: it makes only those records and holds only them, a fraction
 * of the reports' memory, while Astro renders beside it.
 */
export async function buildSearchIndexOfReports(reports: readonly IndexedReport[], records: ReadonlyMap<string, SearchRecord>, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const settings = indexSettings(options);
  const { window, block, chunkSize, cacheDir } = settings;
  const installed = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string };
  if (installed.version !== PAGEFIND_VERSION) throw new Error(`搜索索引需要 Pagefind ${PAGEFIND_VERSION}，安装的是 ${installed.version}`);
  mkdirSync(cacheDir, { recursive: true });

  const shards = options.plan ?? plannedShards(reports, settings);
  // The last build's merge names the shards it was merged from: a shard built again takes the
  // unchanged reports' display blocks from its earlier version there, and patches its index when
  // few changed (./build-shard.ts).
  const earlier = earlierMerge(cacheDir);
  const earlierShard = earlierShards(cacheDir, earlier);
  // A report without its record is one reportsToIndex said the build does not need; should the
  // shard need it after all (the cache changed since), buildShard names it.
  const recordsOf = (shard: (typeof shards)[number]): ShardEntry[] => shard.records.map((r) => records.get(r.id) ?? { id: r.id });
  const built: string[] = [];
  const reused: string[] = [];
  const pool = new ShardPool(options.workers ?? Math.min(availableParallelism(), 4));
  let shardDigests: string[];
  try {
    shardDigests = await Promise.all(
      shards.map(async (shard) => {
        const { digest } = shard;
        let parts: ShardTimings | undefined;
        const started = performance.now();
        const hit = await cached(cacheDir, digest, async (dir) => {
          const reuse = { keys: blockKeysOf(shard, { window, block }), earlier: earlierShard.get(shard.id) ?? null };
          parts = await pool.build({ records: recordsOf(shard), dir, options: { window, block, chunkSize: 50_000, name: shard.id }, reuse });
        });
        (hit ? reused : built).push(shard.id);
        // A built shard's own time in its thread (it may have waited for a free worker first).
        const ms = parts ? parts.words + parts.blocks + parts.index : performance.now() - started;
        options.onStep?.({ step: `shard ${shard.id}`, pages: shard.records.length, reused: hit, ms, ...(parts ? { parts } : {}) });
        return digest;
      }),
    );
  } finally {
    await pool.close();
  }
  const order = new Map(shards.map((s, i) => [s.id, i]));
  for (const list of [built, reused]) list.sort((a, b) => order.get(a)! - order.get(b)!);

  let started = performance.now();
  const runtimeDigest = digestOf('pagefind-runtime', RUNTIME_CODE, PAGEFIND_VERSION);
  const runtimeHit = await cached(cacheDir, runtimeDigest, writePagefindRuntime);
  const runtimeDir = join(cacheDir, runtimeDigest);
  options.onStep?.({ step: 'pagefind runtime', pages: 0, reused: runtimeHit, ms: performance.now() - started });

  started = performance.now();
  const mergedDigest = digestOf('merged', MERGE_CODE, { window, chunkSize }, shards.map((s) => s.id), shardDigests, runtimeDigest);
  const shardDir = (i: number) => join(cacheDir, shardDigests[i]!);
  const pagesOf = shards.map((_, i) => JSON.parse(readFileSync(join(shardDir(i), 'pages.json'), 'utf8')) as ShardPage[]);
  const total = pagesOf.reduce((n, p) => n + p.length, 0);
  const mergedFrom = shards.map((s, i) => ({ id: s.id, digest: shardDigests[i]!, pages: pagesOf[i]!.length }));
  // Set by the merge when it runs (TypeScript cannot see the assignment in the callback).
  let chunks = null as SearchIndexResult['chunks'];
  const mergedHit = await cached(cacheDir, mergedDigest, async (dir) => {
    const bundle = join(dir, 'bundle');
    let offset = 0;
    const inputs = shards.map((_, i) => {
      const input = { dir: shardDir(i), pageOffset: offset };
      offset += pagesOf[i]!.length;
      return input;
    });
    const changed = wordsChanged(earlier, cacheDir, mergedFrom, { window, chunkSize });
    // Merging around a few changed words, the merge takes the earlier merge's chunk files over
    // (this build removes that entry after its merge anyway): the entry stops being complete
    // first, so it is never taken for whole again. A build stopped midway merges whole next time.
    const takeOver = earlier !== null && changed !== null;
    if (takeOver) rmSync(join(earlier.entry, '.complete'), { force: true });
    const merged = await mergeIndexes(inputs, bundle, {
      language: INDEX_LANGUAGE,
      chunkSize,
      window,
      pageHash: (page) => page.toString(36),
      // Ranking uses page length; rounded, the lengths compress to almost nothing.
      wordCount: (_page, words) => Math.max(100, Math.round(words / 100) * 100),
      earlier: earlier && { ...earlier, takeOver },
      changed,
      // A whole merge of a large index compresses on workers (./gzip-pool.ts); a small one is done
      // before they would start. XXGK_GZIP_WORKERS sets how many (0: libuv's threads, as a small one).
      gzipWorkers: changed === null && total >= (options.gzipWorkersFrom ?? GZIP_WORKERS_FROM) ? Number(process.env.XXGK_GZIP_WORKERS ?? availableParallelism()) : 0,
    });
    const { metaHash } = merged;
    chunks = { total: merged.chunks, linked: merged.linked, kept: merged.kept, restated: merged.restated, segments: merged.segments };
    const record: MergeRecord = { code: MERGE_CODE, byContent: merged.byContent, chunks: merged.chunkList, shards: mergedFrom, window, chunkSize };
    writeFileSync(join(dir, CHUNK_CONTENTS), JSON.stringify(record));
    // Pagefind's own search runtime of the pinned version.
    const runtime = readPagefindRuntime(runtimeDir);
    for (const f of runtime.files) cpSync(join(runtimeDir, f), join(bundle, f));
    writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify({ version: PAGEFIND_VERSION, languages: { [INDEX_LANGUAGE]: { hash: metaHash, wasm: null, page_count: total } }, include_characters: runtime.includeCharacters }));
  });
  options.onStep?.({ step: 'merge', pages: total, reused: mergedHit, ms: performance.now() - started, ...(chunks ? { linked: chunks.linked } : {}) });

  // The manifest: shards, and each page's agency and district (what filters and counts need).
  // Each name's number is its place in order of first appearance (a Map: 12,000 agencies at 50,000 reports).
  const numbering = () => {
    const numbers = new Map<string, number>();
    return { names: () => [...numbers.keys()], of: (name: string) => numbers.get(name) ?? numbers.set(name, numbers.size).size - 1 };
  };
  const agencyNumbers = numbering();
  const districtNumbers = numbering();
  const all = pagesOf.flat();
  const agency = all.map((p) => agencyNumbers.of(p.agency));
  const district = all.map((p) => (p.district ? districtNumbers.of(p.district) : -1));
  const manifest: SearchManifest = {
    version: 1,
    window,
    block,
    shards: shards.map((s, i) => ({ id: s.id, year: s.year, pages: pagesOf[i]!.length })),
    agencies: agencyNumbers.names(),
    districts: districtNumbers.names(),
    agency,
    district,
  };

  const index: BuiltIndex = {
    parts: [
      { path: 'bundle', from: join(cacheDir, mergedDigest, 'bundle'), digest: mergedDigest },
      ...shards.map((s, i) => ({ path: `blocks/${s.id}`, from: join(shardDir(i), 'r'), digest: shardDigests[i]! })),
    ],
    manifest: gzipSync(JSON.stringify(manifest), { level: 9 }),
  };
  started = performance.now();
  if (options.outDir) writeIndex(index, options.outDir);

  // Cache entries this build did not use would only fill the disk. Removed on libuv's threads.
  const used = new Set([...shardDigests, runtimeDigest, mergedDigest]);
  const pruned = Promise.all(readdirSync(cacheDir).flatMap((entry) => (used.has(entry) ? [] : [rm(join(cacheDir, entry), { recursive: true, force: true })]))).then(() => undefined);
  if (!options.pruneLater) await pruned;
  options.onStep?.({ step: 'output', pages: total, reused: false, ms: performance.now() - started });
  return { manifest, pages: all.map((p) => p.id), built, reused, chunks, index, pruned };
}
