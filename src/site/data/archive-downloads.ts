/**
 * The archive-wide downloads, joined from every report's stored JSON or CSV row in id order:
 * /data/reports.json (an array of Report objects) and /data/reports.csv (one row per report under
 * the header). Their endpoints (src/pages/data/) and the recipes `npm run build` records before
 * Astro renders (./record-downloads.ts) both take them from here, so both join the same bytes.
 */
import type { ByteRange } from '../../node/byte-range.ts';
import { csvHead } from './csv.ts';
import type { JoinRecipe } from './join-recipe.ts';
import type { Joint } from './joined-bytes.ts';

export interface ArchiveDownload {
  /** Which stored bytes of each report it joins. */
  kind: 'json' | 'csv';
  joint: Joint & { out: string };
  contentType: string;
}

/**
 * Each report's JSON is padded with spaces to a multiple of 4 KiB (and ends with a newline):
 * a rebuild after a report changed writes that report's bytes in place in the 2 GB file of
 * 50,000 reports, instead of writing the whole file again, unless the change moves the report
 * past its slot's end (src/node/build/join-plan.ts). About 2 KB a report, 5% of the file;
 * spaces between values are plain JSON.
 */
export const REPORTS_JSON: ArchiveDownload = { kind: 'json', joint: { out: 'data/reports.json', head: '[', separator: ',', tail: ']', slot: 4096 }, contentType: 'application/json; charset=utf-8' };
export const REPORTS_CSV: ArchiveDownload = { kind: 'csv', joint: { out: 'data/reports.csv', head: csvHead(), separator: '', tail: '' }, contentType: 'text/csv; charset=utf-8' };
export const ARCHIVE_DOWNLOADS: readonly ArchiveDownload[] = [REPORTS_JSON, REPORTS_CSV];

/** Where each report's bytes are in the report store. */
export interface StoredRanges {
  jsonAt: ByteRange;
  csvAt: ByteRange;
}

/** The download joined from these reports (in id order). */
export function downloadRecipe(download: ArchiveDownload, reports: readonly StoredRanges[]): JoinRecipe {
  return { ...download.joint, parts: reports.map((r) => (download.kind === 'json' ? r.jsonAt : r.csvAt)) };
}
