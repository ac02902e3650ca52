/**
 * The full Reports of the archive, beside Astro's content store.
 *
 * Why not in the collection: Astro keeps its whole content store in memory, writes it as one
 * string and inlines it into the build's bundle. With every Report in it (about 29,000
 * characters each, two thirds of it the checks) a 10,000-report build held 4.4 GiB, and past
 * about 40,000 reports the string exceeds V8's limit and the build fails. So the collection holds
 * only where each report is here (./report-index.ts, ./report-listing.ts), and
 * the pages that show or export a whole report read it from here, one at a time, while they render.
 *
 * Each load of the collection appends the reports it stores (new and changed ones) to one pack
 * file of its own, and the report index says where each report is (`StoredAt`): its CSV data row, then
 * its JSON (exactly the text of /data/reports/<id>.json), so the data downloads are joined from
 * bytes without reading every Report again, then its listing (./report-listing.ts). One file per
 * load, not files per report: creating files is the slow part of writing them on this machine's
 * disk (2,000 of them took 1.5–3 s of a 1,000-report build). A pack is never changed once
 * written; one that the index no longer names is removed, and the live reports of a pack that is
 * mostly dead are stored again (`sparsePacks`).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Report } from '../core/model/report.ts';
import { csvRecord } from '../site/data/csv.ts';
import { readByteRange, readByteRangeInto, type ByteRange } from '../node/byte-range.ts';
import type { ReportListingData, StoredAt } from './report-listing.ts';

const PACK = '.pack';

/** Where the store lives: inside Astro's cache folder, beside the data store whose `reports` entry names its index. */
export function reportStoreDir(astroCacheDir: string): string {
  return join(astroCacheDir, 'xxgk-reports');
}

/**
 * Appends reports to a new pack. The pack gets its name (the one `add` returns) at `close`, so a
 * load that fails leaves no pack the index could name; `discard` removes the unfinished one.
 */
export class ReportStoreWriter {
  private readonly path: string;
  private readonly tmp: string;
  private readonly file: string;
  private fd: number | null = null;
  private offset = 0;

  constructor(storeDir: string, root: string) {
    const name = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    this.path = join(storeDir, `${name}${PACK}`);
    this.tmp = `${this.path}.tmp`;
    this.file = relative(root, this.path).split('\\').join('/');
  }

  add(report: Report, listing: ReportListingData): StoredAt {
    if (this.fd === null) {
      mkdirSync(resolve(this.path, '..'), { recursive: true });
      this.fd = openSync(this.tmp, 'w');
    }
    const csv = Buffer.from(csvRecord(report));
    const json = Buffer.from(JSON.stringify(report));
    const list = Buffer.from(JSON.stringify(listing));
    const at = { pack: this.file, offset: this.offset, csvBytes: csv.length, jsonBytes: json.length, listingBytes: list.length };
    for (const bytes of [csv, json, list]) {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
      this.offset += bytes.length;
    }
    return at;
  }

  /** Names the pack (when anything was added), making what `add` returned readable. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

/** Packs' paths, resolved once: 10,000 reports share a few packs, and path.resolve per range cost 50 ms of a build's pages. */
const packPaths = new Map<string, string>();
const packPath = (root: string, pack: string) => {
  const key = `${root}\u0000${pack}`;
  let path = packPaths.get(key);
  if (path === undefined) packPaths.set(key, (path = resolve(root, pack)));
  return path;
};

/**
 * Where a stored report's JSON is, as a path and bytes. The data downloads read it (and the CSV
 * row, with its line end, see csvRecord) as the UTF-8 bytes stored, not decoded: decoding 10,000
 * reports to text and encoding them back took seconds of a build.
 */
export function storedJsonRange(root: string, at: StoredAt): ByteRange {
  return { file: packPath(root, at.pack), offset: at.offset + at.csvBytes, length: at.jsonBytes };
}

/** Where a stored report's CSV data row is. */
export function storedCsvRange(root: string, at: StoredAt): ByteRange {
  return { file: packPath(root, at.pack), offset: at.offset, length: at.csvBytes };
}

/** Where a stored report's listing is. */
export function storedListingRange(root: string, at: StoredAt): ByteRange {
  return { file: packPath(root, at.pack), offset: at.offset + at.csvBytes + at.jsonBytes, length: at.listingBytes };
}

/** The report as stored (the loader validated it against the Report schema before storing it). */
export function readStoredReport(root: string, at: StoredAt): Report {
  return JSON.parse(readByteRange(storedJsonRange(root, at)).toString('utf8')) as Report;
}

/**
 * The listings of stored reports, in the order given: each pack is opened once, and each listing
 * read with one call into one buffer (10,000 listings: a few tens of milliseconds).
 */
export function readStoredListings(root: string, ats: readonly StoredAt[]): ReportListingData[] {
  const fds = new Map<string, number>();
  let buffer = Buffer.allocUnsafe(1 << 14);
  try {
    return ats.map((at) => {
      const range = storedListingRange(root, at);
      let fd = fds.get(range.file);
      if (fd === undefined) fds.set(range.file, (fd = openSync(range.file, 'r')));
      if (buffer.length < range.length) buffer = Buffer.allocUnsafe(range.length);
      readByteRangeInto(fd, range, buffer);
      return JSON.parse(buffer.toString('utf8', 0, range.length)) as ReportListingData;
    });
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

/** Bytes a report takes in its pack. */
const storedBytes = (at: StoredAt) => at.csvBytes + at.jsonBytes + at.listingBytes;

/** Whether a stored report is still there: its pack holds its bytes (pack sizes are looked up once). */
export function storedIntact(root: string): (at: StoredAt) => boolean {
  const sizes = new Map<string, number>();
  return (at) => {
    let size = sizes.get(at.pack);
    if (size === undefined) {
      size = statSync(resolve(root, at.pack), { throwIfNoEntry: false })?.size ?? -1;
      sizes.set(at.pack, size);
    }
    return size >= at.offset + storedBytes(at);
  };
}

/**
 * The packs of which less than half is still named by the index: their live reports are stored
 * again (into this load's pack) so that the dead part can go, and the store stays within about
 * twice what the archive needs however often reports change.
 */
export function sparsePacks(root: string, live: readonly StoredAt[]): Set<string> {
  const liveBytes = new Map<string, number>();
  for (const at of live) liveBytes.set(at.pack, (liveBytes.get(at.pack) ?? 0) + storedBytes(at));
  const sparse = new Set<string>();
  for (const [pack, bytes] of liveBytes) {
    const size = statSync(resolve(root, pack), { throwIfNoEntry: false })?.size;
    if (size !== undefined && bytes * 2 < size) sparse.add(pack);
  }
  return sparse;
}

/**
 * Removes the packs the index does not name (and anything else in the folder but the files to
 * keep, the index itself: unfinished packs, the one-file-per-report store of earlier versions).
 */
export function pruneReportStore(storeDir: string, root: string, live: readonly StoredAt[], keepFiles: readonly string[] = []): void {
  if (!existsSync(storeDir)) return;
  // One path to resolve per pack, not per report.
  const packs = new Set(live.map((at) => at.pack));
  const keep = new Set([...[...packs].map((pack) => resolve(root, pack)), ...keepFiles.map((f) => resolve(f))]);
  for (const name of readdirSync(storeDir)) {
    const path = join(storeDir, name);
    // Another build may be writing its pack right now: an unfinished one goes only when old.
    if (name.endsWith('.tmp') && Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 24 * 3600_000) continue;
    if (!keep.has(path)) rmSync(path, { recursive: true, force: true });
  }
}
