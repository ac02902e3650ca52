/**
 * scripts/build.ts reads and parses the archive itself (the search index needs every report) and
 * hands Astro's loader what the collections need of that snapshot, through the file named by
 * XXGK_SNAPSHOT: every file's page id and digest, the files that are not reports and the build
 * summary, but not the reports. The loader then reads (from the parse
 * cache) only the reports whose entries changed, instead of the whole archive a second time:
 * at 10,000 reports that second read cost 2.5 s and a gigabyte of garbage on every build.
 *
 * The build starts Astro before its parse is done, so Astro's start-up overlaps the parse: the
 * loader waits until the file is there. A failed parse writes its reason instead.
 *
 * Which pages to render comes in a second file (renderSetFile), written once the build has taken
 * the page digests (src/loader/page-digests.ts): the content sync does not need it, only the
 * bundling and the pages after it (src/node/build/vite-keep-pages.ts, the routes), so Astro waits
 * for it when its build starts (astro.config.mjs), not before its loader. At 50,000 reports the
 * page digests took 0.8 s that the loader had waited for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Report } from '../core/model/report.ts';
import { writeWhole } from '../node/write-whole.ts';
import type { ArchiveSnapshot, ProblemFile, SnapshotOverview } from './archive-snapshot.ts';

/** A report page as handed over: enough to tell whether its entry changed, and to read it if so. */
export interface ReportRef {
  pageId: string;
  digestKey: string;
  /** Path inside the archive folder, and absolute. */
  file: string;
  path: string;
  /** Of the bytes the build parsed: the loader refuses a file that changed since. */
  sha256: string;
  /** The report's year (its search shard's), kept with the handoff for the next build (src/node/build/carried-snapshot.ts). */
  year: number | null;
}

export interface SnapshotHandoff {
  dir: string;
  reports: ReportRef[];
  problemFiles: ProblemFile[];
  overview: SnapshotOverview;
}

export function handoffOf(snapshot: ArchiveSnapshot<Report | null>): SnapshotHandoff {
  return {
    dir: snapshot.dir,
    reports: snapshot.reports.map(({ pageId, digestKey, entry, brief }) => ({ pageId, digestKey, file: entry.file, path: entry.path, sha256: entry.sha256, year: brief.year })),
    problemFiles: snapshot.problemFiles,
    overview: snapshot.overview,
  };
}

type Written = { snapshot: SnapshotHandoff } | { error: string };

/**
 * Whole or not at all: the waiting loader never reads half a file. With V8's serializer (Astro
 * runs on the same Node): at 50,000 reports 50 ms instead of JSON's 140 ms, on the build's main
 * thread, which Astro's loader waits for; read back as fast.
 */
export function writeHandoff(file: string, value: Written): void {
  writeWhole(file, serialize(value));
}

/** Where the pages to render are handed over, beside the snapshot's file. */
export function renderSetFile(handoff: string): string {
  return `${handoff.replace(/\.(?:json|v8)$/, '')}.render.json`;
}

/** The page ids and keys to render (a partial build), or null: every page; or why the build failed. */
type WrittenRenderSet = { render: string[] | null } | { error: string };

/** Whole or not at all, as the snapshot. */
export function writeRenderSet(handoff: string, value: WrittenRenderSet): void {
  writeWhole(renderSetFile(handoff), JSON.stringify(value));
}

/** The value of a file the build writes (`decode`: how it was written), once it is there; fails when the build is gone meanwhile. */
async function awaitWritten<T>(file: string, decode: (bytes: Buffer) => unknown): Promise<T> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    // The build that would write it is gone: stop instead of waiting for ever.
    if (process.ppid !== parent) throw new Error('npm run build 已退出，未完成报告解析');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return decode(readFileSync(file)) as T;
}

const fromJson = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown;

/** The handed-over snapshot, once the build has written it; null when no build hands one over (astro dev, astro build on its own). */
export async function awaitHandoff(env: NodeJS.ProcessEnv = process.env): Promise<SnapshotHandoff | null> {
  const file = env.XXGK_SNAPSHOT;
  if (!file) return null;
  const value = await awaitWritten<Written>(file, deserialize);
  if ('error' in value) throw new Error(`报告解析失败：${value.error}`);
  return value.snapshot;
}

/** The pages the build said to render, once it has written them (null: every page, also when no build hands a snapshot over). */
export async function awaitRenderSet(env: NodeJS.ProcessEnv = process.env): Promise<string[] | null> {
  const file = env.XXGK_SNAPSHOT;
  if (!file) return null;
  const value = await awaitWritten<WrittenRenderSet>(renderSetFile(file), fromJson);
  // The build failed after it had handed the snapshot over (it says why itself too).
  if ('error' in value) throw new Error(`npm run build 失败：${value.error}`);
  return value.render;
}
