/**
 * npm run build: the whole archive into dist/ (or OUT_DIR).
 *   1. the archive is read and parsed (through the digest cache), on a worker thread per core
 *      when many files are new; of an unchanged report only its brief is read, kept from the
 *      last build (src/node/brief-pack.ts); meanwhile the output folder is checked on a thread of its own
 *      (src/node/build/list-output-aside.ts); what Astro's loader needs of it is handed over in a
 *      file (src/loader/snapshot-handoff.ts), so the loader reads only the reports whose entries changed;
 *   2. `astro build` renders every page and data file into a staging folder, and, at the same
 *      time when the machine has the cores and memory (src/node/build/search-step.ts), the search
 *      index is built from the same reports (unchanged shards come from the cache; a partial
 *      build's on a thread of its own, src/node/build/search-aside.ts, as soon as the archive is
 *      read); Astro is then started as soon as the inputs are known to have changed, before the
 *      output is checked, and its loader waits for the handed-over snapshot, Astro's build for the
 *      pages to render, handed over after the output check and the page digests; the staged site
 *      replaces the output when Astro has ended, so a failed build leaves the last one's output whole;
 *   3. the archive-wide downloads (/data/reports.json and .csv), whose recipes are recorded once
 *      Astro's content sync has stored the reports (src/site/data/record-downloads.ts), are streamed
 *      from the report store on a thread of their own (src/node/build/write-joins.ts) while Astro
 *      bundles and renders, and put in place when it has ended (in a partial build, after its pages);
 *      the index moves into <out>/pagefind/ (a partial build links only its changed parts again,
 *      see src/search/build/index-parts.ts, as soon as the index is ready, while Astro still
 *      renders into staging) and the search page gets preload links;
 *   4. the split of the time is printed and written to node_modules/.cache/xxgk/build-timings.json
 *      (read by `npm run bench`).
 * Astro runs as its own process so its memory is returned to the system when it ends.
 *
 * When nothing the output depends on changed since the last build into the same folder (see
 * src/node/build-inputs.ts) and the folder is as that build left it, nothing is built again: Astro
 * would re-render every page to the same bytes. The record of the last build lives in
 * node_modules/.cache/xxgk/build-stamps/; FORCE_BUILD=1 ignores it.
 *
 * When only reports changed (same code, settings and registry) and the folder is intact, Astro
 * renders into a staging folder only the pages of new and changed reports, agencies and years,
 * the archive-wide pages when what they list changed (each unit's digest, see
 * src/loader/page-digests.ts, differs; the list goes to Astro with the snapshot) and the two
 * archive-wide downloads, and the result replaces everything in the folder but the unchanged
 * pages. The search index rebuilds only the shards whose reports changed.
 */
// Only what decides whether to build, and starts Astro, is imported here: the rest of the build's
// code is loaded below, once Astro has started (see there).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/core/model/report.ts';
import type { ArchiveSnapshot } from '../src/loader/archive-snapshot.ts';
import type { DigestedPages, KeptPages, PagesRecord } from '../src/loader/page-digests.ts';
import type { SnapshotHandoff } from '../src/loader/snapshot-handoff.ts';
import { renderSetFile } from '../src/loader/snapshot-handoff.ts';
import { perArchiveFile, reportsDir } from '../src/node/archive-paths.ts';
import { buildInputs } from '../src/node/build-inputs.ts';
import { clearStamp, readStamp, stampFile, writeStamp, type BuildStamp } from '../src/node/build/build-stamp.ts';
import { listOutputAside, type ListingAside } from '../src/node/build/list-output-aside.ts';
import { OutputListing, type OutputFingerprint } from '../src/node/build/output-listing.ts';
import { runAstro } from '../src/node/build/run-astro.ts';
import { searchAlongsideAstro } from '../src/node/build/search-alongside.ts';
import type { SearchAside as SearchThread } from '../src/node/build/search-aside.ts';
import type { Placed } from '../src/node/build/search-step.ts';
import { stagesBeside, swapOutput } from '../src/node/build/swap-output.ts';
import { keepPages, keptPagesFile, readKeptPages } from '../src/node/kept-pages.ts';
import { JoinsAlongside, type JoinHow } from '../src/node/build/write-joins.ts';
import { keepJoins, keptJoinsFile } from '../src/node/build/kept-joins.ts';
import type { IndexedReport, SearchIndexResult, SearchPlan } from '../src/search/build/build-search-index.ts';
import type { SearchRecord } from '../src/search/records.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist');
const CACHE = join(ROOT, 'node_modules', '.cache', 'xxgk');
const PHASES_FILE = join(CACHE, `build-phases-${process.pid}.json`);
const TIMINGS_FILE = join(CACHE, 'build-timings.json');
const STAMP_FILE = stampFile(CACHE, OUT);
// The output's folders' names, kept from one check of the output to the next (src/node/build/folder-names.ts).
const OUTPUT_FOLDERS = perArchiveFile(join(CACHE, 'output-folders'), OUT, 'v8');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;
/** How a partial build wrote the downloads it did not write whole (src/node/build/join-plan.ts). */
const joinsNote = (hows: readonly JoinHow[]) => {
  const notes = hows.flatMap(({ out, how, fresh }) => (how === 'patch' ? [`${basename(out)} 原位改写 ${fresh} 份报告`] : how === 'pieces' ? [`${basename(out)} 沿用上次的文件，新写 ${fresh} 份报告`] : []));
  return notes.length ? `（${notes.join('，')}）` : '';
};

mkdirSync(CACHE, { recursive: true });
const started = performance.now();

// The site and its index are staged beside the output and renamed into it (below).
if (!stagesBeside(OUT)) {
  process.stderr.write(`构建失败：输出目录 ${OUT} 与其所在目录不在同一文件系统（挂载点，或指向另一磁盘的链接）。构建先在它旁边生成，完成后改名放入，不能跨文件系统；请把 OUT_DIR 设为同一文件系统上的目录，再复制或同步到发布位置。\n`);
  process.exit(1);
}

// The snapshot handed to Astro's loader, and the pages to render, handed over after it.
const HANDOFF = join(CACHE, `build-snapshot-${process.pid}.v8`);
const RENDER_SET = renderSetFile(HANDOFF);
// The recipes of the archive-wide downloads, written here after Astro (src/site/data/join-recipe.ts).
const JOINS = join(CACHE, `build-joins-${process.pid}.jsonl`);
// The last complete build's recipes, kept for the next partial build (src/node/build/kept-joins.ts).
const KEPT_JOINS = keptJoinsFile(CACHE, OUT);
// Astro renders into staging; the result then replaces the output (swapOutput) or, in a partial
// build, goes over it (overlayOutput). Until then the output stays as the last build left it.
const STAGING = join(dirname(OUT), `.${basename(OUT)}.staging`);
const SEARCH_STAGING = join(dirname(OUT), `.${basename(OUT)}.pagefind`);
// What the new output replaces goes here and is deleted while the build finishes.
const TRASH = join(dirname(OUT), `.${basename(OUT)}.trash`);
// The archive-wide downloads are written here while Astro bundles and renders, then renamed into place.
const JOINS_SCRATCH = join(dirname(OUT), `.${basename(OUT)}.joins`);
const astroEnv: Record<string, string> = { XXGK_PHASES_FILE: PHASES_FILE, XXGK_SNAPSHOT: HANDOFF, XXGK_JOINS_FILE: JOINS, OUT_DIR: STAGING };
// Left only by a build that stopped before its end.
for (const d of [TRASH, STAGING, JOINS_SCRATCH, HANDOFF, RENDER_SET, JOINS]) rmSync(d, { recursive: true, force: true });
const together = searchAlongsideAstro(process.env, availableParallelism(), totalmem());

const stamp = readStamp(STAMP_FILE);
// The output as it is, listed on a thread of its own while the archive is digested and read; kept,
// so that after a partial build only what it changed is listed again.
const listed = stamp ? listOutputAside(OUT, OUTPUT_FOLDERS) : Promise.resolve(null);
// Its failure is reported where it is awaited, not as an unhandled rejection before.
listed.catch(() => undefined);
// What this build keeps for the next one (the archive's digests, the reports' briefs) is written
// once its own index is done, while Astro renders, not before Astro and its loader can start.
const keptForNext: (() => unknown)[] = [];
const keepLater = (write: () => unknown) => void keptForNext.push(write);
// Run once; a build that fails after they have started waits for them, so no half-written file is left.
let keeping: Promise<void> | null = null;
const keepNow = () =>
  (keeping ??= (async () => {
    for (const write of keptForNext) await write();
  })());
// The archive's digests are kept for the next build, which then reads only the files whose status changed.
const inputs = buildInputs(ROOT, process.env, join(CACHE, 'archive-digests'), keepLater);
const sameInputs = stamp !== null && stamp.inputs === inputs.digest && !process.env.FORCE_BUILD;
// When pages and index run side by side and a build is certain (the inputs changed), Astro starts
// now: its start-up (2–3 s) overlaps the check of the output and the read of the archive, and its
// loader waits for the handed-over snapshot. With the same inputs the output check decides first.
const astroEarly = together && !sameInputs ? runAstro(ROOT, astroEnv) : null;

/** Whether the output is as the last build left it: then only what changed is built into it. */
async function checkOutput() {
  const listing = await listed;
  const now = listing?.fingerprint ?? null;
  const intact = stamp !== null && now !== null && now.digest === stamp.output && !process.env.FORCE_BUILD;
  if (stamp && !intact && !process.env.FORCE_BUILD) process.stdout.write(`${OUT} 自上次构建后被改动过（${now ? `${now.files} 项，上次 ${stamp.files} 项` : '目录不存在'}），完整重建\n`);
  return { listing, intact };
}
// With the same inputs the check says whether to build at all; otherwise it waits for the read.
const checkedFirst = sameInputs ? await checkOutput() : null;
if (checkedFirst?.intact) {
  const totalMs = Math.round(performance.now() - started);
  writeFileSync(TIMINGS_FILE, `${JSON.stringify({ parseMs: 0, astroMs: 0, dataMs: 0, searchMs: 0, totalMs, skipped: true }, null, 2)}\n`);
  process.stdout.write(`未改变：报告、机构名录、代码和设置都与上次构建 ${OUT} 时相同，输出完好，跳过构建（检查用时 ${seconds(totalMs)}）\n`);
  // A file only touched (its status changed, not its bytes) is then not read again next time.
  await keepNow();
  process.exit(0);
}
// Started now when the output check alone called for a build.
const astroAlong = astroEarly ?? (together ? runAstro(ROOT, astroEnv) : null);
// The archive-wide downloads' thread starts now; it streams each download from the report store
// as soon as its recipe is recorded (once Astro's content sync has stored the reports, see
// src/site/data/record-downloads.ts), and the downloads are put in place once Astro has ended.
const joins = new JoinsAlongside(JOINS, JOINS_SCRATCH);
// The report pages' digests as the last build took them, read meanwhile (src/node/kept-pages.ts).
// Kept per archive folder and output: both are in the code digest they are tied to (src/node/build-inputs.ts),
// so builds of one archive into two outputs would each find the other's and take nothing from it.
const ARCHIVE_AND_OUTPUT = `${reportsDir(process.env)}\u0000${OUT}`;
const KEPT_PAGES = keptPagesFile(CACHE, ARCHIVE_AND_OUTPUT);
const keptPages = readKeptPages(KEPT_PAGES, inputs.code);
// The snapshot this build hands to Astro, kept for the next one (src/node/build/carried-snapshot.ts).
const CARRIED = perArchiveFile(join(CACHE, 'carried-snapshot'), ARCHIVE_AND_OUTPUT, 'v8');

// The parser, the page digests and the search index are loaded only now (src/node/build/build-steps.ts):
// Astro, started above, starts up meanwhile instead of after them (at 10,000 reports it started
// 0.4 s into a one-report rebuild instead of 0.7 s), and a build with nothing to do has ended
// without them (0.7–1.2 s instead of 1.3 s).
const { carriedOf, digestPages, entryReader, fileDigest, handoffOf, keepCarried, keepCarriedChanges, overlayOutput, pageReport, pagesToRender, parserVersion, partDigests, patchCarried, readCarried, readSnapshotPages, registryFile, renderCounts, reportReader, buildSearchStaged, placeIndexFiles, preloadSearchPage, planSearch, SearchAside, searchRecord, settings, sidecarDigestOf, withOverview, writeHandoff, writeRenderSet } =
  await import('../src/node/build/build-steps.ts');

// The search index: beside Astro when the machine allows, before it otherwise. A partial build of
// a large archive starts it as soon as its records are read, on a thread of its own
// (src/node/build/search-aside.ts), while the page digests are taken here; otherwise it starts
// after them, here.
let searchMs = 0;
/**
 * From this many files in the archive folder a partial build's index gets a thread of its own
 * (src/node/build/search-aside.ts): what it overlaps (the archive-wide checks, the hand-over to
 * Astro, the page digests) then outweighs the thread's start (0.3–0.5 s of CPU loading the index's
 * code). In alternating one-report rebuilds it took 0.35 s off at 50,000 reports when it started
 * after the plan, and nothing at 10,000, also when started early (six pairs, 2026-11-29;
 * bench/README.md). XXGK_SEARCH_THREAD_FROM sets another count (the tests: 1).
 */
const SEARCH_THREAD_FROM = Number(process.env.XXGK_SEARCH_THREAD_FROM) || 30_000;
// `update`: the index updates the output's part by part (a partial build), else it is staged whole.
// `aside`: the thread to build it on (a partial build's of a large archive), else here.
const indexSearch = async (reports: IndexedReport[], plan: SearchPlan, held: Map<string, SearchRecord>, update: boolean, aside: SearchThread | null = null) => {
  const t = performance.now();
  const cpus = together ? availableParallelism() - 1 : availableParallelism();
  const result = await (aside ? aside.build(reports, plan, held, cpus) : buildSearchStaged(reports, held, update ? null : SEARCH_STAGING, process.env, cpus, plan));
  searchMs = performance.now() - t;
  return result;
};
let searchAlong: Promise<SearchIndexResult> | null = null;
let searchThread: SearchThread | null = null;

/** The archive as this build takes it: the index's reports, the snapshot for Astro, the page digests, and what to keep for the next build. */
interface Taken {
  indexed: IndexedReport[];
  /** The report of indexed[i], for the index's records. */
  reportOf(i: number): Promise<Report>;
  handoff(): SnapshotHandoff;
  digested(kept: KeptPages): DigestedPages;
  /** The write that keeps the snapshot for the next build, given this build's page digests. */
  keep(pages: ReadonlyMap<string, string>): () => Promise<void>;
  /** With the last build's snapshot: how many reports were read again (null: the archive was read whole). */
  reread: number | null;
}

/** The archive read whole: each file through the parse cache, or its brief from the last read. */
async function takeWhole(): Promise<Taken> {
  // Of each report's checks only the failing ones: the loader reads whole reports for what it renders.
  // Each file's digest as buildInputs took it above: the files are not read again for their cache keys.
  // Unchanged reports' briefs come from the last build's read (src/node/brief-pack.ts): those reports are not read.
  const read = await readSnapshotPages(process.env, { workers: availableParallelism(), checks: 'failing', digests: inputs.files, keepBriefs: true, keepLater });
  // The index's reports that the read did not keep are read again from the parse cache.
  const readReport = reportReader(read.dir, process.env, 'failing');
  // The archive-wide checks and summary only once asked for: a partial build's index starts before.
  let snapshot: ArchiveSnapshot<Report | null> | null = null;
  const whole = () => (snapshot ??= withOverview(read));
  let handoff: SnapshotHandoff | null = null;
  return {
    indexed: read.reports.map((page) => ({ id: page.brief.id, year: page.brief.year, source: page.digestKey })),
    reportOf: (i) => pageReport(read.reports[i]!, readReport),
    handoff: () => (handoff ??= handoffOf(whole())),
    digested: (kept) => digestPages(whole(), kept),
    // Made when it is written (after the index), not on the way to Astro's render set.
    keep: (pages) => () => keepCarried(CARRIED, carriedOf(inputs.code, parserVersion(), whole(), pages, inputs.files)),
    reread: null,
  };
}

/** The last build's snapshot with the reports changed since put in (src/node/build/carried-snapshot.ts), or null. */
async function takeCarried(kept: KeptPages): Promise<Taken | null> {
  const carried = process.env.FORCE_BUILD ? null : readCarried(CARRIED, inputs.code);
  if (!carried) return null;
  const dir = reportsDir(process.env);
  const readEntry = entryReader(dir, process.env, 'failing');
  const patch = await patchCarried(carried.carried, {
    dir,
    digests: inputs.files,
    registryDigest: fileDigest(registryFile(process.env)),
    parserVersion: parserVersion(),
    kept,
    read: (ref) => readEntry(ref.path),
    sidecarDigest: (path) => sidecarDigestOf(path, dir, inputs.files),
  });
  if (!patch) return null;
  const refs = patch.handoff.reports;
  const readReport = reportReader(dir, process.env, 'failing');
  return {
    indexed: refs.map((ref) => ({ id: ref.pageId, year: ref.year, source: ref.digestKey })),
    reportOf: async (i) => patch.reports.get(i) ?? (await readReport(refs[i]!)).report,
    handoff: () => patch.handoff,
    digested: () => patch.digested,
    keep: () => () => keepCarriedChanges(CARRIED, carried, patch.changes),
    reread: patch.reread,
  };
}

// 1. Read and parse once here. Of the reports only the search records the index needs (those of
// shards not in its cache; of a shard patched from its last build, its changed reports') are
// kept: the rest goes before Astro renders, and Astro's loader gets the snapshot without them.
const parseStarted = performance.now();
let indexed: IndexedReport[];
let records: Map<string, SearchRecord>;
let searchPlan: SearchPlan;
let pages: PagesRecord;
let listing: ListingAside | null;
// The last build's record when this one only updates its output (a partial build).
let updated: BuildStamp | null;
// Whether Astro's loader has its snapshot: a failure after that goes into the render set it waits for next.
let handedOver = false;
// With the last build's snapshot (src/node/build/carried-snapshot.ts): how many reports were read again.
let reread: number | null = null;
try {
  // A partial build of a large archive (if the output proves intact) indexes on a thread of its
  // own (src/node/build/search-aside.ts), started before the archive is read: it loads the index's
  // code meanwhile. It is sent its work as soon as the archive is read, before the archive-wide
  // checks, the handoff and the output check, since the index is the build's last chain: in
  // alternating one-report rebuilds at 50,000 reports, 5.64 s against 5.89 s (twelve pairs; bench/README.md).
  // Not when the build is known to be a full one already (forced, or the output found altered).
  const mayUpdate = stamp?.search && stamp.code === inputs.code && !process.env.FORCE_BUILD && checkedFirst === null;
  searchThread = together && mayUpdate && inputs.files.size >= SEARCH_THREAD_FROM ? new SearchAside() : null;
  const lastPages = await keptPages;
  // The last build's snapshot with the few reports changed since put in, when nothing archive-wide
  // can have changed (src/node/build/carried-snapshot.ts); else the archive read whole.
  const taken = (await takeCarried(lastPages.pages)) ?? (await takeWhole());
  reread = taken.reread;
  /** The index's reports, its plan (made once: the index, on its thread or here, takes it as made) and the records it needs. */
  const planIndex = async () => {
    const reports = taken.indexed;
    const { plan, needed } = planSearch(reports);
    const held = new Map<string, SearchRecord>();
    for (let i = 0; i < reports.length; i++) if (needed.has(reports[i]!.id)) held.set(reports[i]!.id, searchRecord(await taken.reportOf(i)));
    return { reports, plan, held };
  };
  // With the thread, planned now; without it, after the handoff (Astro gets its snapshot first),
  // and the index starts here after the page digests.
  let planned: Awaited<ReturnType<typeof planIndex>> | null = null;
  if (searchThread) {
    planned = await planIndex();
    searchAlong = indexSearch(planned.reports, planned.plan, planned.held, true, searchThread);
    // Its failure is reported where it is awaited, not as an unhandled rejection before.
    searchAlong.catch(() => undefined);
  }
  // Astro's content sync starts on the snapshot at once; the pages to render follow once the output
  // is checked and the page digests are taken (0.2–0.5 s at 50,000 reports, from the last build's,
  // src/node/kept-pages.ts): Astro needs them only when its build starts, about a second later. The
  // output's check, on a thread of its own since the build began, has usually ended by now.
  writeHandoff(HANDOFF, { snapshot: taken.handoff() });
  handedOver = true;
  const checked = checkedFirst ?? (await checkOutput());
  listing = checked.listing;
  updated = checked.intact && stamp !== null && stamp.code === inputs.code ? stamp : null;
  clearStamp(STAMP_FILE);
  // A partial build's downloads are written against the last build's, which the output holds.
  joins.compareWith(updated?.joins ? { kept: { file: KEPT_JOINS, digest: updated.joins }, outDir: OUT } : null);
  if (searchAlong && !updated?.search) {
    // The output is not as the last build left it: the index begun on the last build's is not this
    // build's, which indexes whole below. Both go through the index's cache: this one ends first.
    await searchAlong.then((index) => index.pruned).catch(() => undefined);
    searchAlong = null;
  }
  planned ??= await planIndex();
  ({ reports: indexed, plan: searchPlan, held: records } = planned);
  // The pages to render go to Astro first; the record of every page's digest is made after.
  const digested = taken.digested(lastPages.pages);
  const render = updated ? pagesToRender(digested.digests, updated.pages) : null;
  writeRenderSet(HANDOFF, { render });
  pages = { pages: Object.fromEntries(digested.digests), render };
  keepLater(() => keepPages(KEPT_PAGES, inputs.code, digested, lastPages));
  keepLater(taken.keep(digested.digests));
} catch (err) {
  const error = (err as Error).message || String(err);
  if (astroAlong && !handedOver) writeHandoff(HANDOFF, { error });
  if (astroAlong) writeRenderSet(HANDOFF, { error });
  throw err;
}
const partial = updated !== null;
// A partial build updates the index the output holds (the previous build's, intact) part by part.
const searchBefore = updated?.search ?? null;
const reportCount = indexed.length;
const parseMs = performance.now() - parseStarted;
const parsed = performance.now();

// 2. Pages and search index, side by side when the machine allows (a partial build's index has started above).
const searchFirst = together ? null : await indexSearch(indexed, searchPlan, records, searchBefore !== null);
searchAlong ??= together ? indexSearch(indexed, searchPlan, records, searchBefore !== null) : null;
// A partial build's index goes into the output as soon as it is ready, while Astro renders into
// staging (the overlay leaves pagefind/ alone): linking its changed parts took 0.6–1.1 s at 10,000
// reports after Astro. The search page's preload links follow when the pages are in place.
const indexPlaced = searchBefore ? (searchAlong ?? Promise.resolve(searchFirst!)).then((index) => placeIndexFiles({ update: index, previous: searchBefore }, OUT)) : null;
// Their failure is reported when they are awaited below, not as an unhandled rejection while Astro runs.
searchAlong?.catch(() => undefined);
indexPlaced?.catch(() => undefined);
// What is kept for the next build is written once the index is done (see keepLater above).
const keptAfterIndex = (indexPlaced ?? searchAlong ?? Promise.resolve()).then(keepNow, keepNow);
keptAfterIndex.catch(() => undefined);
// Astro's time is counted from the end of the parse when it started during it (not twice).
const astroFrom = astroAlong ? parsed : performance.now();
const astroCode = await (astroAlong ?? runAstro(ROOT, astroEnv));
for (const f of [HANDOFF, RENDER_SET]) rmSync(f, { force: true });
const astroWall = performance.now() - astroFrom;
if (astroCode !== 0) {
  await joins.discard();
  // Not waiting for an index nobody will publish (Pagefind's service ends with this process).
  for (const d of [STAGING, SEARCH_STAGING, PHASES_FILE, HANDOFF, RENDER_SET, JOINS]) rmSync(d, { recursive: true, force: true });
  const indexNote = indexPlaced ? '；输出目录的搜索索引可能已是新的，页面仍是上次的，下次构建将完整重建' : '';
  process.stderr.write(`构建失败：astro build 退出码 ${astroCode}${indexNote}\n`);
  await keepNow().catch(() => undefined);
  process.exit(astroCode);
}
// Any recipe not taken yet: the joins' thread goes on writing while the pages go in.
const joinOuts = await joins.taken();
const index = searchFirst ?? (await searchAlong!);

const phases = existsSync(PHASES_FILE) ? (JSON.parse(readFileSync(PHASES_FILE, 'utf8')) as { parse: number; data: number }) : { parse: 0, data: 0 };
rmSync(PHASES_FILE, { force: true });
// A partial build's pages go over the output while the joins are still being written (they are
// put in place after, over the last build's); its index in <out>/pagefind/ is updated part by part
// (indexPlaced); the last build's record of its pages tells the overlay which report pages' files
// go, without listing them all. A full build's output, joins included, replaces the old one. What
// they replace is deleted meanwhile.
const overlaid = updated ? overlayOutput(OUT, STAGING, pages, ['pagefind'], new Set(joinOuts), updated.pages) : null;
// Whether a download was being put in place (a partial build's may be written in place) when it failed.
let placing = false;
let joinsDigest: string | undefined;
try {
  await joins.written();
  // Kept for the next build, which its stamp (below) tells to trust them.
  joinsDigest = keepJoins(JOINS, KEPT_JOINS);
  placing = true;
  joins.placeInto(partial ? OUT : STAGING, partial ? TRASH : undefined);
} catch (err) {
  for (const d of [STAGING, SEARCH_STAGING, PHASES_FILE, JOINS]) rmSync(d, { recursive: true, force: true });
  const pagesNote = partial ? `；输出目录的页面已是新的，数据下载${placing ? '可能只改写了一部分' : '仍是上次构建的'}，下次构建将完整重建` : '';
  process.stderr.write(`构建失败：${(err as Error).message}${pagesNote}\n`);
  await keepNow().catch(() => undefined);
  process.exit(1);
}
// All of the joins' writing, most of it while Astro ran (it overlaps the pages' time).
const joinsMs = joins.ms;
if (!partial) swapOutput(OUT, STAGING, TRASH);
const trashEmptied = rm(TRASH, { recursive: true, force: true });

// 3. The index into the output (a full build's staged index moves in now), and the search page's preload links.
const placedIndex: Placed = indexPlaced ? await indexPlaced : placeIndexFiles({ staging: SEARCH_STAGING }, OUT);
placedIndex.files.push(...preloadSearchPage(OUT, settings.basePath));
const counts = renderCounts(pages);
const rendered = pages.render
  ? `只重新生成 ${counts.reports.rendered} 个报告页（共 ${counts.reports.total} 个）和 ${counts.listings.rendered} 个机关、年度页（共 ${counts.listings.total} 个），` +
    `${counts.archiveKept ? '首页、索引、数据质量等全站页面、' : ''}${counts.scriptedKept ? '搜索页、校验页及其脚本、' : ''}其余沿用上次构建`
  : `生成全部 ${counts.reports.total} 个报告页和 ${counts.listings.total} 个机关、年度页`;

// 4. Timings and the stamp of this build.
const timings = {
  parseMs: Math.round(parseMs + phases.parse),
  astroMs: Math.round(astroWall - phases.parse - phases.data),
  dataMs: Math.round(phases.data + joinsMs),
  searchMs: Math.round(searchMs),
  searchAlongsideAstro: together,
  totalMs: Math.round(performance.now() - started),
  reports: reportCount,
  pagesRendered: pages.render ? pages.render.length : Object.keys(pages.pages).length,
  searchShards: { built: index.built.length, reused: index.reused.length },
  searchChunks: index.chunks,
  carriedSnapshot: reread !== null,
};
writeFileSync(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
// After a partial build: the listing taken before it, with what it changed (the folder holds
// ~95,000 files at 10,000 reports); after a full one, the folder as Astro and the index left it.
// The listing is kept on its thread, which is told what changed (src/node/build/list-output-aside.ts).
let fingerprint: OutputFingerprint | undefined;
if (overlaid && listing) fingerprint = await listing.update({ restat: [...overlaid.removed, ...overlaid.placed, ...joins.placed, ...placedIndex.files], relist: placedIndex.folders });
else {
  listing?.close();
  // The new output's folders' names are kept, so that the next check does not read them all.
  fingerprint = OutputListing.readAndKeep(OUT, OUTPUT_FOLDERS)?.fingerprint();
}
if (fingerprint) writeStamp(STAMP_FILE, { inputs: inputs.digest, code: inputs.code, output: fingerprint.digest, files: fingerprint.files, pages: pages.pages, search: partDigests(index.index), joins: joinsDigest });
// The search cache's unused entries and the replaced joins went on being removed meanwhile (pruneLater).
await Promise.all([index.pruned, trashEmptied, keptAfterIndex]);
const linkedChunks = index.chunks?.linked
  ? `；合并索引 ${index.chunks.total} 块中 ${index.chunks.linked} 块与上次相同，未重新压缩${index.chunks.kept ? `（其中 ${index.chunks.kept} 块未重新合并）` : ''}${index.chunks.restated ? `，${index.chunks.restated} 块只改写了词的位置（其压缩段 ${index.chunks.segments.total} 段中 ${index.chunks.segments.copied} 段取自上次）` : ''}`
  : '';
process.stdout.write(
  `\n完成：${reportCount} 份报告 → ${OUT}，${rendered}\n` +
    `  解析 ${seconds(timings.parseMs)}${reread !== null ? `（沿用上次构建的全库快照，重读 ${reread} 个改动的文件）` : ''}，页面 ${seconds(timings.astroMs)}，数据文件 ${seconds(timings.dataMs)}${joinsNote(joins.hows)}，` +
    `搜索索引 ${seconds(timings.searchMs)}${together ? '（与页面同时进行）' : ''}（分片新建 ${index.built.length}，沿用 ${index.reused.length}${linkedChunks}），共 ${seconds(timings.totalMs)}\n`,
);
