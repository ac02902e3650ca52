/**
 * The archive's report index: per report, where the report store keeps it, which file it came
 * from, and the raw text of a report with errors. One JSON file in the report store, written by
 * the `reports` loader and read by the downloads' recipes (src/site/data/record-downloads.ts) and
 * the pages (src/site/archive-index.ts), in the same process: see keepReportIndex.
 *
 * Why not one collection entry per report: Astro loads its whole data store, checks every entry
 * and writes the store back, one value at a time (devalue), in every build, also when one
 * report changed. With 10,000 entries that was about 0.9 s of each build's content sync (the
 * store's write alone 0.6–0.9 s in a profile); one JSON.parse and, when it changed, one write of
 * this file take a few tens of milliseconds. The collection holds one entry that names this file
 * and its digest, so Astro still sees the collection change when a report does (astro dev reloads).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
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
const VERSION = 2;

export const ReportIndex = z.object({ version: z.literal(VERSION), reports: z.array(ReportIndexEntry) });
export type ReportIndex = z.infer<typeof ReportIndex>;

/** The `reports` collection's one entry: where the index is (relative to the project root) and its digest. */
export const ReportIndexRef = z.object({ index: z.string(), digest: z.string(), reports: z.number() });
export type ReportIndexRef = z.infer<typeof ReportIndexRef>;

/** The id of that entry. */
export const REPORT_INDEX_ENTRY = 'index';

/** Where the index lives in the report store. */
export function reportIndexFile(storeDir: string): string {
  return join(storeDir, 'index.json');
}

/** The index's text as written, or null when there is none (first build, or a store cleared by hand). */
export function readReportIndexText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The reports of an index's text. The loader wrote it from validated reports; an index that is
 * unreadable or of another version counts as empty (the loader then stores every report again).
 */
export function parseReportIndex(text: string | null): ReportIndexEntry[] {
  if (text === null) return [];
  try {
    const index = JSON.parse(text) as Partial<ReportIndex>;
    return index.version === VERSION && Array.isArray(index.reports) ? index.reports : [];
  } catch {
    return [];
  }
}

/** Reports in the order of their ids (code units): the order of every archive-wide list and download. */
export function inIdOrder<T extends { id: string }>(reports: readonly T[]): T[] {
  return reports.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The index as text (the loader compares it with the last one and writes it only when it changed). */
export function reportIndexText(reports: ReportIndexEntry[]): string {
  return JSON.stringify({ version: VERSION, reports } satisfies ReportIndex);
}

/** Writes the index whole or not at all: a build stopped midway leaves the last one readable. */
export function writeReportIndex(file: string, text: string): void {
  writeWhole(file, text);
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

function statusOf(file: string): string | null {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : null;
}

/** Called by the loader once the index file holds `reports` (written now, or as the last build left it). */
export function keepReportIndex(file: string, reports: readonly ReportIndexEntry[]): void {
  const status = statusOf(file);
  (globalThis as Record<symbol, unknown>)[KEPT] = status === null ? undefined : ({ file, status, reports } satisfies KeptIndex);
}

/** The reports of the index file, or null when there is none: as the loader kept them when the file is as it left it, else read. */
export function readReportIndex(file: string): readonly ReportIndexEntry[] | null {
  const kept = (globalThis as Record<symbol, unknown>)[KEPT] as KeptIndex | undefined;
  if (kept && kept.file === file && kept.status === statusOf(file)) return kept.reports;
  const text = readReportIndexText(file);
  return text === null ? null : parseReportIndex(text);
}
