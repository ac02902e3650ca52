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
 *
 * Written with V8's serializer, not as JSON: at 10,000 reports (8 MB) it reads in 110–160 ms
 * instead of 160–210 ms and writes in 60 ms instead of 140 ms, and a one-report rebuild does both.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { perArchiveFile } from './archive-paths.ts';
import { writeWholeSoon } from './write-whole.ts';

export type BriefPack = ReadonlyMap<string, ReportBrief>;

/** Where the pack of the archive folder `dir` lives under the parse cache's folder. */
export function briefPackFile(cacheDir: string, dir: string): string {
  return perArchiveFile(join(cacheDir, 'briefs'), dir, 'v8');
}

export function readBriefPack(file: string): BriefPack {
  try {
    const value: unknown = deserialize(readFileSync(file));
    return value instanceof Map ? (value as BriefPack) : new Map();
  } catch {
    return new Map();
  }
}

/** Written whole or not at all, on libuv's threads; the JSON pack earlier versions kept beside it goes. */
export async function writeBriefPack(file: string, pack: BriefPack): Promise<void> {
  await writeWholeSoon(file, serialize(pack));
  if (file.endsWith('.v8')) await rm(`${file.slice(0, -'.v8'.length)}.json`, { force: true });
}

/** Whether two packs hold the same keys (a pack's briefs never change under a key). */
export function sameKeys(a: BriefPack, b: BriefPack): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}
