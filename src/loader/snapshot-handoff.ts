/**
 * scripts/build.ts reads and parses the archive itself (the search index needs every report) and
 * hands Astro's loader what the collections need of that snapshot, through the file named by
 * XXGK_SNAPSHOT: every file's page id and digest, the files that are not reports, the build
 * summary and the pages to render, but not the reports. The loader then reads (from the parse
 * cache) only the reports whose entries changed, instead of the whole archive a second time:
 * at 10,000 reports that second read cost 2.5 s and a gigabyte of garbage on every build.
 *
 * The build starts Astro before its parse is done, so Astro's start-up overlaps the parse: the
 * loader waits until the file is there. A failed parse writes its reason instead.
 */
import { existsSync, readFileSync } from 'node:fs';
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
}

export interface SnapshotHandoff {
  dir: string;
  reports: ReportRef[];
  problemFiles: ProblemFile[];
  overview: SnapshotOverview;
  /** The page ids to render (a partial build), or null: every page. */
  render: string[] | null;
}

export function handoffOf(snapshot: ArchiveSnapshot<Report | null>, render: string[] | null): SnapshotHandoff {
  return {
    dir: snapshot.dir,
    reports: snapshot.reports.map(({ pageId, digestKey, entry }) => ({ pageId, digestKey, file: entry.file, path: entry.path, sha256: entry.sha256 })),
    problemFiles: snapshot.problemFiles,
    overview: snapshot.overview,
    render,
  };
}

type Written = { snapshot: SnapshotHandoff } | { error: string };

/** Whole or not at all: the waiting loader never reads half a file. */
export function writeHandoff(file: string, value: Written): void {
  writeWhole(file, JSON.stringify(value));
}

/** The handed-over snapshot, once the build has written it; null when no build hands one over (astro dev, astro build on its own). */
export async function awaitHandoff(env: NodeJS.ProcessEnv = process.env): Promise<SnapshotHandoff | null> {
  const file = env.XXGK_SNAPSHOT;
  if (!file) return null;
  const parent = process.ppid;
  while (!existsSync(file)) {
    // The build that would write it is gone: stop instead of waiting for ever.
    if (process.ppid !== parent) throw new Error('npm run build 已退出，未完成报告解析');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const value = JSON.parse(readFileSync(file, 'utf8')) as Written;
  if ('error' in value) throw new Error(`报告解析失败：${value.error}`);
  return value.snapshot;
}
