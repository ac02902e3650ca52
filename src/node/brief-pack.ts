/**
 * The briefs of an archive's reports (src/core/summary/report-brief.ts) as one read took them,
 * kept for the next read in one file per archive folder beside the parse cache. A build takes an
 * unchanged report's brief from here instead of reading the report's own cache entry: at 10,000
 * reports opening and parsing those entries (6.8 KB of JSON each) was 1 s of a one-report
 * rebuild; the pack is one file of about 1 KB a report.
 *
 * Keyed by the parse cache's keys, which name the file's bytes, its sidecar, the registry and the
 * parser code: a key found here is the brief of that very file, so a brief never changes under
 * its key. It is a cache: a pack that cannot be read is an empty one.
 *
 * Written with V8's serializer, not as JSON: at 10,000 reports (8 MB) it reads in 110–160 ms
 * instead of 160–210 ms and writes in 60 ms instead of 140 ms; and as columns, not as a Map of
 * briefs (./brief-columns.ts): at 50,000 reports 0.11–0.19 s instead of 0.32–0.49 s (a busy machine).
 *
 * The briefs a read adds go into a second, small file beside the pack (`.add.v8`), not into the
 * pack written whole again: at 50,000 reports the pack is 41 MB, and writing it after one report
 * changed took 0.3 s of the build's main thread at its end. The pack is written whole (and the
 * additions go) once the additions, or the briefs kept of files no longer read, pass a twentieth
 * of the archive (see keepBriefPack).
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { perArchiveFile } from './archive-paths.ts';
import { fromColumns, toColumns } from './brief-columns.ts';
import { looseBound } from './loose-bound.ts';
import { writeWholeSoon } from './write-whole.ts';

export type BriefPack = ReadonlyMap<string, ReportBrief>;

/** Where the pack of the archive folder `dir` lives under the parse cache's folder. */
export function briefPackFile(cacheDir: string, dir: string): string {
  return perArchiveFile(join(cacheDir, 'briefs'), dir, 'v8');
}

/** The file of the briefs added since the pack was written whole. */
export const additionsFile = (file: string) => file.replace(/(?:\.v8)?$/, '.add.v8');

/** Of each pack read, how many briefs its file written whole held, and the keys that came from its additions (see keepBriefPack). */
const parts = new WeakMap<BriefPack, { whole: number; added: ReadonlySet<string> }>();

function readMap(file: string): Map<string, ReportBrief> {
  try {
    return fromColumns(deserialize(readFileSync(file))) ?? new Map();
  } catch {
    return new Map();
  }
}

/** The pack with the briefs added since it was written whole. */
export function readBriefPack(file: string): BriefPack {
  const pack = readMap(file);
  const whole = pack.size;
  const additions = readMap(additionsFile(file));
  for (const [key, brief] of additions) pack.set(key, brief);
  parts.set(pack, { whole, added: new Set(additions.keys()) });
  return pack;
}

/** Written whole or not at all, on libuv's threads; the additions and the JSON pack earlier versions kept beside it go. */
export async function writeBriefPack(file: string, pack: BriefPack): Promise<void> {
  await writeWholeSoon(file, serialize(toColumns(pack)));
  await rm(additionsFile(file), { force: true });
  if (file.endsWith('.v8')) await rm(`${file.slice(0, -'.v8'.length)}.json`, { force: true });
}

/**
 * Keeps `next` (this read's briefs) for the next read, given `last` as read (readBriefPack):
 * nothing is written when every brief of `next` is kept already; its new briefs go beside the
 * pack while the additions and the briefs of files no longer read stay within `loose`; otherwise
 * (and when there is no pack written whole yet) the pack is written whole.
 */
export async function keepBriefPack(file: string, next: BriefPack, last: BriefPack, loose = looseBound(next.size)): Promise<void> {
  const fresh = [...next.keys()].filter((key) => !last.has(key));
  // Briefs kept of files this read did not find (or found changed).
  const stale = last.size - (next.size - fresh.length);
  if (fresh.length === 0 && stale <= loose) return;
  const read = parts.get(last);
  const additions = new Map<string, ReportBrief>();
  for (const key of read?.added ?? []) if (next.has(key)) additions.set(key, next.get(key)!);
  for (const key of fresh) additions.set(key, next.get(key)!);
  if (read && read.whole > 0 && additions.size <= loose && stale <= loose) await writeWholeSoon(additionsFile(file), serialize(toColumns(additions)));
  else await writeBriefPack(file, next);
}
