/**
 * Our content-layer loaders. `reportsLoader` stores the reports it parsed in the report store
 * (./report-store.ts) and writes the report index, which says per report where it is kept
 * (./report-index.ts, which says why the `reports` collection holds one entry naming that index);
 * `archiveFilesLoader` feeds `archiveFiles`, the files that are not reports, so nothing in the
 * folder goes missing from the site; `archiveLoader` feeds `archive`,
 * one entry with the build summary's counts and the problems across reports, and prints the
 * summary (and fails the build under STRICT=1).
 *
 * Parsing is cached by file digest (src/node/parse-cache.ts), and each report in the index carries
 * a digest of everything its stored data depends on: an unchanged report is neither parsed nor
 * validated again (under `npm run build`, whose own parse hands the snapshot over, not even read:
 * ./snapshot-handoff.ts). Every Report is validated against the Report schema and its listing
 * against ReportListing; both go to the report store, and the raw text of reports with errors to
 * the index.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { $ZodType } from 'zod/v4/core';
import * as z from 'zod/mini';
import { Report } from '../core/model/report.ts';
import { inFolder } from '../node/archive-paths.ts';
import { sourceDigest } from '../node/parse-cache.ts';
import { ArchiveFile, ArchiveOverview } from './archive-file.ts';
import { reportListing, ReportListing } from './report-listing.ts';
import { changesFile, indexIdentity, keepReportIndex, readIndexFiles, REPORT_INDEX_ENTRY, reportIndexFile, ReportIndexRef, writeReportIndex, type ReportIndexEntry } from './report-index.ts';
import { pruneReportStore, reportStoreDir, ReportStoreWriter, sparsePacks, storedIntact } from './report-store.ts';
import { takeSnapshotPart, type SnapshotOverview } from './archive-snapshot.ts';
import { strictFailure, summaryLine } from './build-summary.ts';

/** At most this many problem lines in the build log; the quality page lists them all. */
const MAX_LOG_LINES = 40;

function rootOf(ctx: LoaderContext): string {
  return fileURLToPath(ctx.config.root);
}

/** A path relative to the project root, with forward slashes (Astro's rule for an entry's filePath). */
const fromRoot = (root: string, path: string) => inFolder(path, root);

/**
 * The same for the files of the archive folder `dir`, given by their path inside it: the folder's
 * own path is made relative once. Per file, for an archive outside the project (REPORTS_DIR
 * elsewhere), `path.relative` took 0.09 s of a one-report rebuild's loader at 50,000 reports.
 */
function archiveFromRoot(root: string, dir: string): (file: string) => string {
  const base = inFolder(dir, root);
  return (file) => (base ? `${base}/${file}` : file);
}

/** Removes entries of files no longer in the folder (the store persists between builds). */
function prune(ctx: LoaderContext, keep: Set<string>): void {
  for (const id of [...ctx.store.keys()]) if (!keep.has(id)) ctx.store.delete(id);
}

const watched = new WeakSet<object>();

/** In `astro dev`, a change in the archive folder reloads the collection (one listener per loader). */
function watch(loader: object, ctx: LoaderContext, dir: string, reload: () => Promise<void>): void {
  if (!ctx.watcher || watched.has(loader)) return;
  watched.add(loader);
  ctx.watcher.add(dir);
  const onChange = (path: string) => {
    // The next part asked for after all were taken reads the folder anew.
    if (path.startsWith(dir)) void reload();
  };
  ctx.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
}

/** The build summary in the log; under STRICT=1 an error or failing check stops the build. */
function report(ctx: LoaderContext, overview: SnapshotOverview): void {
  const summary = overview.summary;
  for (const line of summary.lines.slice(0, MAX_LOG_LINES)) ctx.logger.warn(line);
  if (summary.lines.length > MAX_LOG_LINES) ctx.logger.warn(`…另有 ${summary.lines.length - MAX_LOG_LINES} 条，见站点的“数据质量”页（/quality/）`);
  ctx.logger.info(summaryLine(summary));
  if (process.env.STRICT === '1') {
    const failure = strictFailure(summary);
    if (failure) throw new Error(failure);
  }
}

/** One stored entry: its id, what its data depends on, its data and body (built only when needed). */
interface StoredEntry {
  id: string;
  digestKey: string;
  /** The data, and the raw text kept as the body (reports with errors), of a new or changed entry. */
  content: () => Promise<{ data: object; rawText: string | null }>;
  path: string;
}

/**
 * Stores the entries whose digest changed (an unchanged one is neither built nor validated
 * again) and removes the entries of files no longer in the folder.
 */
async function storeEntries(ctx: LoaderContext, entries: StoredEntry[]): Promise<void> {
  const root = rootOf(ctx);
  const keep = new Set<string>();
  for (const entry of entries) {
    keep.add(entry.id);
    const digest = ctx.generateDigest(entry.digestKey);
    if (ctx.store.get(entry.id)?.digest === digest) continue;
    const { data: raw, rawText } = await entry.content();
    const data = await ctx.parseData({ id: entry.id, data: raw as Record<string, unknown> });
    ctx.store.set({
      id: entry.id,
      data,
      digest,
      // The original is published byte for byte from here (src/pages/reports/[id]/[original].ts).
      filePath: fromRoot(root, entry.path),
      ...(rawText !== null ? { body: rawText } : {}),
    });
  }
  prune(ctx, keep);
}

/** A loader that fills its collection from the archive snapshot and, in astro dev, follows the folder. */
function snapshotLoader(name: string, schema: $ZodType, load: (ctx: LoaderContext) => Promise<string>): Loader {
  const loader: Loader = {
    name,
    schema,
    load: async (ctx) => {
      const dir = await load(ctx);
      watch(loader, ctx, dir, () => load(ctx).then(() => undefined));
    },
  };
  return loader;
}

/** The value as `schema` accepts it; one it rejects stops the build, naming the file. */
function valid<T>(schema: z.ZodMiniType<T>, name: string, value: unknown, file: string): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(报告)'}: ${i.message}`);
  throw new Error(`${file}: 解析结果不符合 ${name} 模式：${issues.join('；')}`);
}

/**
 * The code a listing and a stored report are made by, beyond the parser (whose digest is in each
 * page's digestKey already): Astro keeps its store across builds and clears it only when the
 * content config file itself changes, so an entry must change when this code does.
 */
const LISTING_CODE = ['loader/report-listing.ts', 'loader/report-store.ts', 'site/archive-model.ts', 'site/data/csv.ts'];

export function reportsLoader(): Loader {
  return snapshotLoader('xxgk-reports', ReportIndexRef, async (ctx) => {
    const { dir, value: reports } = await takeSnapshotPart('reports');
    const root = rootOf(ctx);
    const storeDir = reportStoreDir(fileURLToPath(ctx.config.cacheDir));
    const indexFile = reportIndexFile(storeDir);
    const listingCode = sourceDigest(LISTING_CODE);
    const lastRead = readIndexFiles(indexFile);
    const last = lastRead.byId;
    // Reports in a pack that is mostly dead (counting only the reports still in the folder) are
    // stored again, so the pack can go (see sparsePacks).
    const sparse = sparsePacks(root, reports.flatMap((page) => last.get(page.pageId)?.stored ?? []));
    const holds = storedIntact(root);
    const fileFromRoot = archiveFromRoot(root, dir);
    const pack = new ReportStoreWriter(storeDir, root);
    const index: ReportIndexEntry[] = [];
    try {
      for (const page of reports) {
        const digest = ctx.generateDigest(`${page.digestKey}\u0000${listingCode}`);
        const before = last.get(page.pageId);
        const filePath = fileFromRoot(page.file);
        // An unchanged report whose bytes are still in a pack that stays is neither read nor
        // validated again (its file may have moved with the folder: the path is taken anew).
        if (before?.digest === digest && !sparse.has(before.stored.pack) && holds(before.stored)) {
          index.push(before.filePath === filePath ? before : { ...before, filePath });
          continue;
        }
        const { report, rawText } = await page.content();
        const whole = valid(Report, 'Report', report, page.file);
        const listing = valid(ReportListing, 'ReportListing', reportListing(whole), page.file);
        // The original is published byte for byte from filePath (src/pages/reports/[id]/[original].ts).
        index.push({ id: page.pageId, agencySlug: listing.agencySlug, year: listing.year, digest, stored: pack.add(whole, listing), filePath, rawText });
      }
      pack.close();
    } catch (err) {
      pack.discard();
      throw err;
    }
    const written = writeReportIndex(indexFile, index, lastRead);
    keepReportIndex(indexFile, index);
    const ref = { index: fromRoot(root, indexFile), digest: ctx.generateDigest(indexIdentity(written)), reports: index.length };
    const data = await ctx.parseData({ id: REPORT_INDEX_ENTRY, data: ref });
    // Not cleared: an unchanged entry then leaves the data store as it was.
    prune(ctx, new Set([REPORT_INDEX_ENTRY]));
    ctx.store.set({ id: REPORT_INDEX_ENTRY, data, digest: ref.digest });
    pruneReportStore(storeDir, root, index.map((r) => r.stored), [indexFile, changesFile(indexFile)]);
    return dir;
  });
}

export function archiveFilesLoader(): Loader {
  return snapshotLoader('xxgk-archive-files', ArchiveFile, async (ctx) => {
    const { dir, value: problemFiles } = await takeSnapshotPart('problemFiles');
    await storeEntries(
      ctx,
      problemFiles.map(({ entry, pageId, digestKey }) => ({
        // Files without a page have no safe id of their own: their digest names them.
        id: pageId ?? `file-${createHash('sha256').update(entry.file).digest('hex').slice(0, 16)}`,
        digestKey,
        content: async () => ({
          data: {
            file: entry.file,
            sha256: entry.sha256,
            size: entry.size,
            error: entry.error ?? { message: '无法读取', line: null },
            pageId,
            format: entry.report?.source.format ?? null,
            diagnostics: entry.report?.diagnostics ?? [],
          },
          rawText: entry.rawText,
        }),
        path: entry.path,
      })),
    );
    return dir;
  });
}

/** One entry, "archive": the summary counts and the archive-wide problems. */
export function archiveLoader(): Loader {
  return snapshotLoader('xxgk-archive', ArchiveOverview, async (ctx) => {
    const { dir, value: overview } = await takeSnapshotPart('overview');
    const { lines: _lines, ...counts } = overview.summary;
    const problems = overview.problems.map((p) => ({
      kind: p.kind,
      level: p.level,
      message: p.message,
      file: p.file,
      other: p.other ?? null,
      pageId: p.pageId,
      otherPageId: p.otherPageId,
      cells: p.cells ?? [],
    }));
    const data = await ctx.parseData({ id: 'archive', data: { ...counts, problemFiles: overview.problemFiles, problems } });
    ctx.store.clear();
    ctx.store.set({ id: 'archive', data });
    report(ctx, overview);
    return dir;
  });
}
