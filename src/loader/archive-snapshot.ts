/**
 * The archive folder read once per build: every file as a report or a problem, page ids assigned,
 * archive-wide checks run, the build summary counted. The three collections each take their part
 * of the same snapshot: handed over by scripts/build.ts, which read it for the search index
 * (./snapshot-handoff.ts), or read here (astro dev, astro build on its own). Once every part is
 * taken the snapshot is forgotten, so the reports are not held twice while pages render.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { archiveProblems, type ArchiveProblem } from '../core/archive/archive-checks.ts';
import type { Report } from '../core/model/report.ts';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { buildSummary, type BuildSummary } from './build-summary.ts';
import { registryFile, reportsDir } from '../node/archive-paths.ts';
import { loadRegistry } from '../node/load-registry.ts';
import { ParseCache, parserVersion } from '../node/parse-cache.ts';
import { readArchive, readEntry, sidecarDigestOf, type ArchiveDigests, type ArchiveEntry, type ChecksRead } from '../node/read-archive.ts';
import { assignPageIds } from './page-ids.ts';
import { timePhase } from '../node/build-phases.ts';
import { setRenderOnly } from '../site/render-only.ts';
import { awaitHandoff, type ReportRef, type SnapshotHandoff } from './snapshot-handoff.ts';

/**
 * A report's page. `R`: the whole report, or (in a read that keeps briefs, the build's) `Report |
 * null`: null when its brief was kept from the last read and the report was not read (pageReport
 * reads it when needed).
 */
export interface ReportPage<R extends Report | null = Report> {
  /** Page id (reports/<pageId>/); equals report.id unless another file had that id first. */
  pageId: string;
  /** What the listings, the summary and the page digests read of the report. */
  brief: ReportBrief;
  report: R;
  entry: ArchiveEntry;
  /** A digest of everything the stored data depends on: bytes, sidecar, registry, parser code, path, page id. */
  digestKey: string;
}

export interface ProblemFile {
  entry: ArchiveEntry;
  /** Its page, when its text could be decoded (it shows the raw text). */
  pageId: string | null;
  digestKey: string;
}

/** A problem across reports with the pages of the files involved. */
export interface PagedProblem extends ArchiveProblem {
  pageId: string | null;
  otherPageId: string | null;
}

export interface SnapshotOverview {
  summary: BuildSummary;
  problems: PagedProblem[];
  problemFiles: number;
}

export interface ArchiveSnapshot<R extends Report | null = Report> {
  dir: string;
  /** Recognised reports, by file name. */
  reports: ReportPage<R>[];
  /** Files that are not reports (unreadable or unrecognised), by file name. */
  problemFiles: ProblemFile[];
  /** The build summary and the archive-wide problems (duplicates, carry-over). */
  overview: SnapshotOverview;
  /** The digest of the agency registry the reports were read with ('' when there is none). */
  registryDigest: string;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The digest of a file's bytes ('' when there is none): the registry's. */
export function fileDigest(path: string): string {
  return existsSync(path) ? sha(readFileSync(path)) : '';
}

/**
 * A page's digest key (ReportPage.digestKey): of the parser's version, the registry, the file's
 * path and bytes, its sidecar and its page id. A digest of what the key is made of, not the parts
 * joined: those were about 500 bytes a report (the path's Chinese in two bytes a character), two
 * thirds of the snapshot Astro is handed (33 MB at 50,000 reports), and what Astro and the kept
 * page digests hash and compare.
 */
export function pageDigestKey(parserVersion: string, registryDigest: string, path: string, sha256: string, sidecarDigest: string, pageId: string | null): string {
  return hash('sha256', [parserVersion, registryDigest, path, sha256, sidecarDigest, pageId ?? ''].join('\u0000'), 'hex').slice(0, 32);
}

/** A report (or its brief) whose page id differs from its id: the page carries the new id and says why. */
function withPageId<R extends Pick<Report, 'id' | 'diagnostics'>>(report: R, pageId: string): R {
  if (pageId === report.id) return report;
  return {
    ...report,
    id: pageId,
    diagnostics: [
      ...report.diagnostics,
      { level: 'error', message: `编号“${report.id}”已被另一份报告使用，本页暂用编号“${pageId}”；请在 front matter 或机构名录中指定不重复的 id`, line: null },
    ],
  };
}

export interface SnapshotOptions {
  /** Threads to parse on when the cache is cold (see readArchive); the build passes its cores. */
  workers?: number;
  /** 'failing': each report holds only its failing checks, which is all the search records read (see ChecksRead); the build reads so. */
  checks?: ChecksRead;
  /** The folder's file digests the build took already (see ArchiveOptions.digests). */
  digests?: ArchiveDigests;
  /** Keep the reports' briefs for the next read, and take the unchanged ones from the last (ArchiveOptions.keepBriefs): their pages carry no report. */
  keepBriefs?: boolean;
  /** Where the briefs' write goes to be run later (ArchiveOptions.keepLater). */
  keepLater?: (write: () => Promise<void>) => void;
}

/** A snapshot before its archive-wide part (overview): what the search index needs of the archive. */
export type SnapshotPages<R extends Report | null = Report> = Omit<ArchiveSnapshot<R>, 'overview'> & { entries: ArchiveEntry[] };

export async function readSnapshot(env?: NodeJS.ProcessEnv, options?: SnapshotOptions & { keepBriefs?: false }): Promise<ArchiveSnapshot>;
export async function readSnapshot(env: NodeJS.ProcessEnv, options: SnapshotOptions & { keepBriefs: true }): Promise<ArchiveSnapshot<Report | null>>;
export async function readSnapshot(env: NodeJS.ProcessEnv = process.env, options: SnapshotOptions = {}): Promise<ArchiveSnapshot<Report | null>> {
  // Either overload of readSnapshotPages: its body takes both.
  return withOverview(await readSnapshotPages(env, options as SnapshotOptions & { keepBriefs: true }));
}

/**
 * The archive's files as pages, page ids assigned, without the archive-wide checks and summary
 * (withOverview adds them): `npm run build` starts a partial build's search index on these, which
 * needs nothing archive-wide, before it takes the rest.
 */
export async function readSnapshotPages(env?: NodeJS.ProcessEnv, options?: SnapshotOptions & { keepBriefs?: false }): Promise<SnapshotPages>;
export async function readSnapshotPages(env: NodeJS.ProcessEnv, options: SnapshotOptions & { keepBriefs: true }): Promise<SnapshotPages<Report | null>>;
export async function readSnapshotPages(env: NodeJS.ProcessEnv = process.env, options: SnapshotOptions = {}): Promise<SnapshotPages<Report | null>> {
  const dir = reportsDir(env);
  if (!existsSync(dir)) throw new Error(`${dir}: 报告目录不存在（用 REPORTS_DIR 指定）`);
  const regFile = registryFile(env);
  const registry = loadRegistry(regFile);
  const registryDigest = fileDigest(regFile);
  const { digests } = options;
  const entries = await readArchive(dir, { registry, registryDigest, workers: options.workers, checks: options.checks, digests, keepBriefs: options.keepBriefs, keepLater: options.keepLater });
  const pageIds = assignPageIds(entries.flatMap((e) => (e.brief ? [{ file: e.file, id: e.brief.id, sha256: e.sha256 }] : [])));
  const version = parserVersion();
  const key = (e: ArchiveEntry, pageId: string | null) => pageDigestKey(version, registryDigest, e.path, e.sha256, sidecarDigestOf(e.path, dir, digests), pageId);

  const reports: ReportPage<Report | null>[] = [];
  const problemFiles: ProblemFile[] = [];
  for (const entry of entries) {
    const pageId = pageIds.get(entry.file) ?? null;
    if (entry.brief && !entry.error) reports.push({ pageId: pageId!, brief: withPageId(entry.brief, pageId!), report: entry.report && withPageId(entry.report, pageId!), entry, digestKey: key(entry, pageId) });
    else problemFiles.push({ entry, pageId: entry.rawText !== null ? pageId : null, digestKey: key(entry, pageId) });
  }
  return { dir, reports, problemFiles, registryDigest, entries };
}

/** The snapshot whole: the archive-wide checks run and the build summary counted over its pages. */
export function withOverview<R extends Report | null>({ entries, ...pages }: SnapshotPages<R>): ArchiveSnapshot<R> {
  const { reports, problemFiles } = pages;
  // Archive checks run on the reports as parsed (duplicates are found by their own ids).
  const problems = archiveProblems(entries.flatMap((e) => (e.brief && !e.error ? [e.brief] : [])));
  const pageOf = new Map([...reports.map((r) => [r.entry.file, r.pageId] as const), ...problemFiles.flatMap((p) => (p.pageId ? [[p.entry.file, p.pageId] as const] : []))]);
  const overview: SnapshotOverview = {
    summary: buildSummary(
      entries.map((e) => ({ file: e.file, report: e.brief, error: e.error })),
      problems,
    ),
    problems: problems.map((p) => ({ ...p, pageId: pageOf.get(p.file) ?? null, otherPageId: p.other ? (pageOf.get(p.other) ?? null) : null })),
    problemFiles: problemFiles.length,
  };
  return { ...pages, overview };
}

/** A report as the loader sees it: what tells whether its entry changed, and its content, read only then. */
export interface LoaderReport extends ReportRef {
  content(): Promise<{ report: Report; rawText: string | null }>;
}

/** What the three collections take: the snapshot with each report's content behind a call. */
export interface LoaderSnapshot {
  dir: string;
  reports: LoaderReport[];
  problemFiles: ProblemFile[];
  overview: SnapshotOverview;
}

/** Reads a file of the archive folder `dir` as the archive read does, through the parse cache (the registry is loaded at the first). */
export function entryReader(dir: string, env: NodeJS.ProcessEnv, checks: ChecksRead = 'all'): (path: string) => Promise<ArchiveEntry> {
  let reader: { registry: ReturnType<typeof loadRegistry>; registryDigest: string; cache: ParseCache<never> } | null = null;
  return async (path) => {
    reader ??= { registry: loadRegistry(registryFile(env)), registryDigest: fileDigest(registryFile(env)), cache: new ParseCache() };
    const entry = await readEntry(path, dir, reader.registry, reader.registryDigest, reader.cache, checks);
    await reader.cache.flush();
    return entry;
  };
}

/**
 * Reads a report of the archive folder `dir` again (from the parse cache) for its page: one that
 * a snapshot did not keep, or the loader's. Refuses a file changed since the snapshot was taken.
 */
export function reportReader(dir: string, env: NodeJS.ProcessEnv, checks: ChecksRead = 'all'): (ref: Pick<ReportRef, 'pageId' | 'file' | 'path' | 'sha256'>) => Promise<{ report: Report; rawText: string | null }> {
  const read = entryReader(dir, env, checks);
  return async (ref) => {
    const entry = await read(ref.path);
    if (entry.sha256 !== ref.sha256) throw new Error(`${ref.file}: 构建过程中文件被改动，请重新构建`);
    if (!entry.report || entry.error) throw new Error(`${ref.file}: 构建过程中解析结果改变，请重新构建`);
    return { report: withPageId(entry.report, ref.pageId), rawText: entry.rawText };
  };
}

/** The report of a page, read again when the snapshot did not keep it (see ReportPage). */
export async function pageReport(page: ReportPage<Report | null>, read: ReturnType<typeof reportReader>): Promise<Report> {
  return page.report ?? (await read({ pageId: page.pageId, file: page.entry.file, path: page.entry.path, sha256: page.entry.sha256 })).report;
}

/** The reports handed over by scripts/build.ts, each read again (from the parse cache) only when asked for. */
function fromHandoff(handoff: SnapshotHandoff, env: NodeJS.ProcessEnv): LoaderSnapshot {
  const content = reportReader(handoff.dir, env);
  return { ...handoff, reports: handoff.reports.map((ref) => ({ ...ref, content: () => content(ref) })) };
}

/** This process read the folder itself: every report is at hand. */
function fromSnapshot(snapshot: ArchiveSnapshot): LoaderSnapshot {
  return {
    ...snapshot,
    reports: snapshot.reports.map(({ pageId, digestKey, report, entry }) => ({
      pageId,
      digestKey,
      file: entry.file,
      path: entry.path,
      sha256: entry.sha256,
      year: report.year,
      content: async () => ({ report, rawText: entry.rawText }),
    })),
  };
}

/**
 * The snapshot handed over by the build, or else the folder read here. Every page is rendered
 * unless the build says otherwise, which Astro takes when its build starts (astro.config.mjs).
 */
async function loaderSnapshot(env: NodeJS.ProcessEnv): Promise<LoaderSnapshot> {
  const handoff = await awaitHandoff(env);
  return timePhase('parse', async () => {
    if (!handoff) setRenderOnly(null);
    return handoff ? fromHandoff(handoff, env) : fromSnapshot(await readSnapshot(env));
  });
}

type Part = 'reports' | 'problemFiles' | 'overview';
const PARTS: readonly Part[] = ['reports', 'problemFiles', 'overview'];

let memo: { key: string; promise: Promise<LoaderSnapshot>; taken: Set<Part> } | null = null;

/**
 * One collection's part of this build's snapshot. The snapshot is taken when the first part is
 * asked for; a part asked for again (astro dev, after a change) reads the folder anew.
 */
export async function takeSnapshotPart<K extends Part>(part: K, env: NodeJS.ProcessEnv = process.env): Promise<{ dir: string; value: LoaderSnapshot[K] }> {
  const key = `${reportsDir(env)}\u0000${registryFile(env)}`;
  if (!memo || memo.key !== key || memo.taken.has(part)) {
    memo = { key, promise: loaderSnapshot(env), taken: new Set() };
  }
  const current = memo;
  current.taken.add(part);
  if (PARTS.every((p) => current.taken.has(p)) && memo === current) memo = null;
  const snapshot = await current.promise;
  return { dir: snapshot.dir, value: snapshot[part] };
}

/** Forget the snapshot (dev server: a report file changed; tests). */
export function invalidateSnapshot(): void {
  memo = null;
}
