/**
 * The full Reports of the archive, one JSON file each, beside Astro's content store.
 *
 * Why not in the collection: Astro keeps its whole content store in memory, writes it as one
 * string and inlines it into the build's bundle. With every Report in it (about 29,000
 * characters each, two thirds of it the checks) a 10,000-report build held 4.4 GiB, and past
 * about 40,000 reports the string exceeds V8's limit and the build fails. So the collection holds
 * a small listing per report (./report-listing.ts) and the pages that show or export a whole
 * report read it from here, one at a time, while they render.
 *
 * Files are named by the entry's digest (everything the data depends on), so an unchanged report
 * is neither written nor read again, and a file is never changed in place. Beside each report's
 * JSON (exactly the text of /data/reports/<id>.json) lies its CSV data row, so the data downloads
 * are joined from text without reading every Report again.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Report } from '../core/model/report.ts';
import { writeWhole } from '../node/write-whole.ts';
import { csvRecord } from '../site/data/csv.ts';

/** Where the store lives: inside Astro's cache folder, which holds the entries that name its files. */
export function reportStoreDir(astroCacheDir: string): string {
  return join(astroCacheDir, 'xxgk-reports');
}

/** The store's file for an entry digest, relative to the project root (what the entry records). */
export function reportStoreFile(storeDir: string, root: string, digest: string): string {
  return relative(root, join(storeDir, `${digest}.json`)).split('\\').join('/');
}

export function hasStoredReport(root: string, file: string): boolean {
  return existsSync(resolve(root, file));
}

const csvFile = (path: string) => path.replace(/\.json$/, '.csv');

export function writeStoredReport(root: string, file: string, report: Report): void {
  const path = resolve(root, file);
  // The CSV row first: the JSON file is what tells that the entry is stored (hasStoredReport).
  writeWhole(csvFile(path), csvRecord(report));
  writeWhole(path, JSON.stringify(report));
}

/** The report as stored (the loader validated it against the Report schema before writing it). */
export function readStoredReport(root: string, file: string): Report {
  return JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Report;
}

/**
 * The report's JSON and its CSV data row (with its line end, see csvRecord) as the UTF-8 bytes
 * stored, not decoded: the data downloads pass them on as they are (decoding 10,000 reports to
 * text and encoding them back took seconds of a build).
 */
export function readStoredJsonBytes(root: string, file: string): Uint8Array {
  return readFileSync(resolve(root, file));
}

export function readStoredCsvBytes(root: string, file: string): Uint8Array {
  return readFileSync(csvFile(resolve(root, file)));
}

/** Removes the files no entry names any more (removed or changed reports). */
export function pruneReportStore(storeDir: string, root: string, keep: ReadonlySet<string>): void {
  if (!existsSync(storeDir)) return;
  for (const name of readdirSync(storeDir)) {
    const file = reportStoreFile(storeDir, root, name.replace(/\.(?:json|csv)$/, ''));
    if (!keep.has(file)) rmSync(join(storeDir, name), { force: true });
  }
}
