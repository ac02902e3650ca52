/**
 * The archive's report index: per report, where the report store keeps it, which file it came
 * from, and the raw text of a report with errors. One file in the report store, written by
 * the `reports` loader and read by the downloads' recipes (src/site/data/record-downloads.ts) and
 * the pages (src/site/archive-index.ts), in the same process: see keepReportIndex.
 *
 * Why not one collection entry per report: Astro loads its whole data store, checks every entry
 * and writes the store back, one value at a time (devalue), in every build, also when one
 * report changed. With 10,000 entries that was about 0.9 s of each build's content sync (the
 * store's write alone 0.6–0.9 s in a profile); one read and, when it changed, one write of this
 * file take a few tens of milliseconds. The collection holds one entry that names this file
 * and its digest, so Astro still sees the collection change when a report does (astro dev reloads).
 *
 * The whole file is written with V8's serialiser, as columns (one array per field, the stored
 * report's four numbers in one array): at 50,000 reports, reading it as JSON (19 MB) and making
 * its entries took 0.29–0.54 s in a script on a busy machine, as columns (14 MB) 0.05–0.28 s.
 *
 * The entries changed since the index was written whole go into a second, small file beside it
 * (`index.changes.json`, JSON), which names the whole file it applies to (its stamp): at 50,000
 * reports the index is 14 MB, and serialising, writing and digesting it after one report changed took
 * 0.4 s of Astro's content sync, which the archive-wide downloads wait for. The index is written
 * whole again once the changes pass a twentieth of the archive (see writeReportIndex).
 */
import { hash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import * as z from 'zod/mini';
import { looseBound } from '../node/loose-bound.ts';
import { writeWhole } from '../node/write-whole.ts';
import { StoredAt } from './report-listing.ts';

export const ReportIndexEntry = z.object({
  /** The page id. */
  id: z.string(),
  /** Its body's slug and its year: a page lists its body's or its year's reports, found without every listing (src/site/archive-index.ts). */
  agencySlug: z.string(),
  year: z.nullable(z.number()),
  /** What the stored report was made from (its file, the parser's code, the listing's code): when it is the same, the report is not read or stored again. */
  digest: z.string(),
  stored: StoredAt,
  /** The original file, relative to the project root. */
  filePath: z.string(),
  /** The text the parser read, kept for reports with errors (shown on their page). */
  rawText: z.nullable(z.string()),
});
export type ReportIndexEntry = z.infer<typeof ReportIndexEntry>;

/** Bumped when the index's shape changes: an index of another version is read as none. */
const VERSION = 3;

/**
 * The whole file (see the module comment). `stamp`: the digest of its columns' bytes, which a
 * file of changes names. `stored`: each entry's offset, csvBytes, jsonBytes and listingBytes.
 */
interface IndexColumns {
  version: typeof VERSION;
  stamp: string;
  id: string[];
  agencySlug: string[];
  year: (number | null)[];
  digest: string[];
  pack: string[];
  stored: Float64Array;
  filePath: string[];
  rawText: (string | null)[];
}

type Columns = Omit<IndexColumns, 'version' | 'stamp'>;

function toColumns(reports: readonly ReportIndexEntry[]): Columns {
  const c: Columns = { id: [], agencySlug: [], year: [], digest: [], pack: [], stored: new Float64Array(reports.length * 4), filePath: [], rawText: [] };
  reports.forEach((r, i) => {
    c.id.push(r.id);
    c.agencySlug.push(r.agencySlug);
    c.year.push(r.year);
    c.digest.push(r.digest);
    c.pack.push(r.stored.pack);
    c.stored.set([r.stored.offset, r.stored.csvBytes, r.stored.jsonBytes, r.stored.listingBytes], i * 4);
    c.filePath.push(r.filePath);
    c.rawText.push(r.rawText);
  });
  return c;
}

/** The entries of a whole file as read, or null when it is not one of this version (its columns of one length). */
function fromColumns(value: unknown): { stamp: string; reports: ReportIndexEntry[] } | null {
  const c = value as Partial<IndexColumns> | null;
  if (c?.version !== VERSION || typeof c.stamp !== 'string' || !Array.isArray(c.id) || !(c.stored instanceof Float64Array)) return null;
  const n = c.id.length;
  const columns = [c.agencySlug, c.year, c.digest, c.pack, c.filePath, c.rawText];
  if (c.stored.length !== n * 4 || !columns.every((col) => Array.isArray(col) && col.length === n)) return null;
  const { id, agencySlug, year, digest, pack, stored, filePath, rawText } = c as IndexColumns;
  const reports: ReportIndexEntry[] = [];
  for (let i = 0; i < n; i++) {
    reports.push({
      id: id[i]!,
      agencySlug: agencySlug[i]!,
      year: year[i] ?? null,
      digest: digest[i]!,
      stored: { pack: pack[i]!, offset: stored[i * 4]!, csvBytes: stored[i * 4 + 1]!, jsonBytes: stored[i * 4 + 2]!, listingBytes: stored[i * 4 + 3]! },
      filePath: filePath[i]!,
      rawText: rawText[i] ?? null,
    });
  }
  return { stamp: c.stamp, reports };
}

/** The entries changed (or added) and the ids removed since the whole file stamped `base` was written. */
export const ReportIndexChanges = z.object({ version: z.literal(VERSION), base: z.string(), reports: z.array(ReportIndexEntry), removed: z.array(z.string()) });
export type ReportIndexChanges = z.infer<typeof ReportIndexChanges>;

/** The `reports` collection's one entry: where the index is (relative to the project root) and its digest. */
export const ReportIndexRef = z.object({ index: z.string(), digest: z.string(), reports: z.number() });
export type ReportIndexRef = z.infer<typeof ReportIndexRef>;

/** The id of that entry. */
export const REPORT_INDEX_ENTRY = 'index';

/** Where the index lives in the report store. */
export function reportIndexFile(storeDir: string): string {
  return join(storeDir, 'index.v8');
}

/** The file of the changes beside the index file `file`. */
export const changesFile = (file: string) => `${file.replace(/\.(?:json|v8)$/, '')}.changes.json`;

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The whole file's entries and stamp, or null when it is missing, unreadable or of another version. */
function readWhole(file: string): { stamp: string; reports: ReportIndexEntry[] } | null {
  try {
    return fromColumns(deserialize(readFileSync(file)));
  } catch {
    return null;
  }
}

/** A file's JSON, or null when it is not JSON or not of this version. */
function parseVersioned<T extends { version: number }>(text: string | null): Partial<T> | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<T> | null;
    return value?.version === VERSION ? value : null;
  } catch {
    return null;
  }
}

/** The index as its files hold it. */
export interface IndexRead {
  /** Its reports: the whole file's, with the changes applied; and the same by id. */
  reports: ReportIndexEntry[];
  byId: ReadonlyMap<string, ReportIndexEntry>;
  /** The whole file's reports by id, its stamp (null: none, or a file without one), and the changes' text ('' when none apply). */
  whole: ReadonlyMap<string, ReportIndexEntry>;
  stamp: string | null;
  changes: string;
}

/**
 * The index of the files at `file` and beside it. The loader wrote them from validated reports;
 * an index that is unreadable or of another version counts as empty (the loader then stores every
 * report again), changes that do not name the whole file as it is count as none.
 */
export function readIndexFiles(file: string): IndexRead {
  const index = readWhole(file);
  const reports = index?.reports ?? [];
  const whole = new Map(reports.map((r) => [r.id, r]));
  const stamp = index?.stamp ?? null;
  const text = stamp === null ? null : readText(changesFile(file));
  const changes = parseVersioned<ReportIndexChanges>(text);
  if (stamp === null || changes?.base !== stamp || !Array.isArray(changes.reports) || !Array.isArray(changes.removed)) return { reports, byId: whole, whole, stamp, changes: '' };
  const merged = new Map(whole);
  for (const id of changes.removed) merged.delete(id);
  for (const r of changes.reports) merged.set(r.id, r);
  return { reports: [...merged.values()], byId: merged, whole, stamp, changes: text! };
}

/** What names the index's content: the collection entry's digest is taken of it (a change of a report changes it). */
export const indexIdentity = (read: Pick<IndexRead, 'stamp' | 'changes'>) => `${read.stamp ?? ''}\u0000${read.changes}`;

/** Reports in the order of their ids (code units): the order of every archive-wide list and download. */
export function inIdOrder<T extends { id: string }>(reports: readonly T[]): T[] {
  return reports.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// An entry the loader kept is the very object it read; another is compared by value.
const sameEntry = (a: ReportIndexEntry | undefined, b: ReportIndexEntry) => a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));

/**
 * Keeps `reports` in the index files, given `last` as read (readIndexFiles): nothing is written
 * when they are the same reports; the entries that differ from the whole file's go beside it while
 * they (with the ids removed) stay within `loose`; otherwise the index is written whole, with a
 * new stamp, and the changes go. Each file is written whole or not at all; changes left beside a
 * whole file written since name another stamp and are not read. Returns the index as now written.
 */
export function writeReportIndex(file: string, reports: ReportIndexEntry[], last: IndexRead, loose = looseBound(reports.length)): Pick<IndexRead, 'stamp' | 'changes'> {
  if (reports.length === last.byId.size && reports.every((r) => sameEntry(last.byId.get(r.id), r))) return last;
  const changed = reports.filter((r) => !sameEntry(last.whole.get(r.id), r));
  // The whole index's reports that are gone: looked for only when some are (the others are all in `reports`).
  const kept = reports.length - changed.filter((r) => !last.whole.has(r.id)).length;
  const ids = kept === last.whole.size ? null : new Set(reports.map((r) => r.id));
  const removed = ids ? [...last.whole.keys()].filter((id) => !ids.has(id)) : [];
  const beside = changesFile(file);
  if (last.stamp !== null && changed.length + removed.length <= loose) {
    if (changed.length + removed.length === 0) {
      rmSync(beside, { force: true });
      return { stamp: last.stamp, changes: '' };
    }
    const changes = JSON.stringify({ version: VERSION, base: last.stamp, reports: changed, removed } satisfies ReportIndexChanges);
    writeWhole(beside, changes);
    return { stamp: last.stamp, changes };
  }
  const columns = toColumns(reports);
  const stamp = hash('sha256', serialize(columns), 'hex').slice(0, 32);
  writeWhole(file, serialize({ version: VERSION, stamp, ...columns } satisfies IndexColumns));
  rmSync(beside, { force: true });
  return { stamp, changes: '' };
}

/**
 * The index this process's loader stored last, with the file's status then. Astro runs the loader,
 * then the downloads' recipes (astro:build:start) and then the pages in one process, but the
 * loader as a module of its own and the pages from Astro's bundle (two instances of this module),
 * so it is handed over on globalThis: the recipes and the pages take it from here instead of
 * reading and parsing the file again (4 MB at 10,000 reports, 25–40 ms each time, in Astro's
 * process, which a one-report rebuild waits for). A file whose status differs (written since by
 * another process) is read as ever.
 */
const KEPT = Symbol.for('xxgk.report-index');

interface KeptIndex {
  file: string;
  status: string;
  reports: readonly ReportIndexEntry[];
}

/** The index file's status, with its changes' (or null when there is no index file). */
function statusOf(file: string): string | null {
  const s = statSync(file, { throwIfNoEntry: false });
  const c = statSync(changesFile(file), { throwIfNoEntry: false });
  return s ? `${s.ino}:${s.size}:${s.mtimeMs}/${c ? `${c.ino}:${c.size}:${c.mtimeMs}` : ''}` : null;
}

/** Called by the loader once the index files hold `reports` (written now, or as the last build left them). */
export function keepReportIndex(file: string, reports: readonly ReportIndexEntry[]): void {
  const status = statusOf(file);
  (globalThis as Record<symbol, unknown>)[KEPT] = status === null ? undefined : ({ file, status, reports } satisfies KeptIndex);
}

/** The reports of the index, or null when there is no index file: as the loader kept them when the files are as it left them, else read. */
export function readReportIndex(file: string): readonly ReportIndexEntry[] | null {
  const kept = (globalThis as Record<symbol, unknown>)[KEPT] as KeptIndex | undefined;
  if (kept && kept.file === file && kept.status === statusOf(file)) return kept.reports;
  return statSync(file, { throwIfNoEntry: false }) ? readIndexFiles(file).reports : null;
}
