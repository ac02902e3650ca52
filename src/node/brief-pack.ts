/**
 * The briefs of an archive's reports (src/core/summary/report-brief.ts) as one read took them,
 * kept for the next read in one file per archive folder beside the parse cache. A build takes an
 * unchanged report's brief from here instead of reading the report's own cache entry: at 10,000
 * reports opening and parsing those entries (6.8 KB of JSON each) was 1 s of a one-report
 * rebuild; the pack is one file of about 1 KB a report.
 *
 * Keyed by the parse cache's keys, which name the file's bytes, its sidecar, the registry and the
 * parser code: a key found here is the brief of that very file. It is a cache: a pack that cannot
 * be read is an empty one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { perArchiveFile } from './archive-paths.ts';
import { writeWholeSoon } from './write-whole.ts';

export type BriefPack = ReadonlyMap<string, ReportBrief>;

/** Where the pack of the archive folder `dir` lives under the parse cache's folder. */
export function briefPackFile(cacheDir: string, dir: string): string {
  return perArchiveFile(join(cacheDir, 'briefs'), dir);
}

export function readBriefPack(file: string): BriefPack {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? new Map(Object.entries(value as Record<string, ReportBrief>)) : new Map();
  } catch {
    return new Map();
  }
}

/** Written whole or not at all, on libuv's threads. */
export function writeBriefPack(file: string, pack: BriefPack): Promise<void> {
  return writeWholeSoon(file, JSON.stringify(Object.fromEntries(pack)));
}

/** Whether two packs hold the same keys (a pack's briefs never change under a key). */
export function sameKeys(a: BriefPack, b: BriefPack): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}
