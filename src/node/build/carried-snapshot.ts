/**
 * The snapshot one build handed to Astro (src/loader/snapshot-handoff.ts), kept for the next build
 * with every page's digest it took and the archive folder's file digests it was read from.
 *
 * Why: when only a few reports' bytes changed since, and each one's brief is what it was (a
 * sentence corrected in a chapter: the same id, summary, diagnostics, failing checks and carry-over
 * rows, see briefDigests), nothing archive-wide in the snapshot changed: not the page ids, the
 * archive checks, the build summary, nor any page's digest but those reports' own. The next build
 * then puts those reports' new keys into the kept snapshot, instead of reading every report's
 * brief, checking the archive and taking every page's digest again: passes over all reports that
 * made a one-report rebuild at 50,000 reports cost half as much again as an unchanged rebuild plus
 * that report.
 *
 * Anything else (a file added, removed or renamed; a sidecar, a stray file or the registry changed;
 * a brief that differs; a page id with a suffix; a file that is not a report or whose page shows
 * its text; other code or settings) and patchCarried gives null: the build reads the archive whole.
 *
 * Kept as columns, not as the hand-off's objects: at 50,000 reports the file (32 MB) was read back
 * in 150 ms as objects, 85 ms as columns. A build that patched it writes only what it changed, to
 * a small file beside it (`.add.v8`), as the kept briefs and page digests do (../brief-pack.ts);
 * the whole file is written again once those changes pass a twentieth of the archive.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { Report } from '../../core/model/report.ts';
import { pageDigestKey, type ProblemFile, type SnapshotOverview } from '../../loader/archive-snapshot.ts';
import { briefDigests, reportPageDigest, type DigestedPages, type KeptPage, type KeptPages } from '../../loader/page-digests.ts';
import type { ReportRef, SnapshotHandoff } from '../../loader/snapshot-handoff.ts';
import { additionsFile } from '../brief-pack.ts';
import { looseBound } from '../loose-bound.ts';
import type { ArchiveDigests, ArchiveEntry } from '../read-archive.ts';
import { writeWholeSoon } from '../write-whole.ts';

/** Bumped when what is kept, or what it is made from, changes. */
const VERSION = 2;

/** Beyond this many changed files the archive is read whole: each is read and checked here, one after the other. */
const CHANGED_AT_MOST = 50;

/** The hand-off's reports (ReportRef), a column per field, in step. */
interface ReportColumns {
  pageId: string[];
  digestKey: string[];
  file: string[];
  path: string[];
  sha256: string[];
  year: (number | null)[];
}

interface CarriedFile {
  version: number;
  /** The build's code and settings digest (src/node/build-inputs.ts): the snapshot is made by that code. */
  code: string;
  parserVersion: string;
  registryDigest: string;
  dir: string;
  reports: ReportColumns;
  problemFiles: ProblemFile[];
  overview: SnapshotOverview;
  /** Every page's digest (src/loader/page-digests.ts), keys and digests in step. */
  pageKeys: string[];
  pageDigests: string[];
  /** The archive folder's other files (sidecars, files that are not reports, stray files) and their sha256, in step. */
  otherFiles: string[];
  otherShas: string[];
  /** Names this whole file: its additions name it too, and are taken only with it. */
  token: string;
}

/** A kept snapshot as read: its page digests as a map. */
export interface CarriedSnapshot extends Omit<CarriedFile, 'pageKeys' | 'pageDigests'> {
  pages: Map<string, string>;
}

/** What builds that patched the whole file changed of it since it was written. */
interface Changes {
  /** A report's place in the columns, its digest key and sha256. */
  reports: [at: number, digestKey: string, sha256: string][];
  pages: [key: string, digest: string][];
}

interface AdditionsFile extends Changes {
  version: number;
  token: string;
}

/** A kept snapshot with the changes of its additions, and those changes (to add to). */
export interface CarriedRead {
  carried: CarriedSnapshot;
  added: Changes;
}

/** The file of the changes made since the whole file was written: named as the kept briefs' additions are. */
export const carriedAdditionsFile = additionsFile;

/** What a build that read the archive whole keeps, given its file digests, what it handed over and its page digests (its token is given when it is written whole). */
export function carriedOf(code: string, parserVersion: string, registryDigest: string, handoff: SnapshotHandoff, pages: ReadonlyMap<string, string>, digests: ArchiveDigests): CarriedSnapshot {
  const reports: ReportColumns = { pageId: [], digestKey: [], file: [], path: [], sha256: [], year: [] };
  for (const r of handoff.reports) {
    reports.pageId.push(r.pageId);
    reports.digestKey.push(r.digestKey);
    reports.file.push(r.file);
    reports.path.push(r.path);
    reports.sha256.push(r.sha256);
    reports.year.push(r.year);
  }
  const ofReports = new Set(reports.file);
  const otherFiles: string[] = [];
  const otherShas: string[] = [];
  for (const [file, { sha256 }] of digests) {
    if (ofReports.has(file)) continue;
    otherFiles.push(file);
    otherShas.push(sha256);
  }
  return { version: VERSION, code, parserVersion, registryDigest, dir: handoff.dir, reports, problemFiles: handoff.problemFiles, overview: handoff.overview, pages: new Map(pages), otherFiles, otherShas, token: '' };
}

/** Written whole (or not at all), on libuv's threads; the additions to the last one go. */
export async function keepCarried(file: string, carried: CarriedSnapshot): Promise<void> {
  const { pages, ...rest } = carried;
  const whole: CarriedFile = { ...rest, token: randomUUID(), pageKeys: [...pages.keys()], pageDigests: [...pages.values()] };
  await writeWholeSoon(file, serialize(whole));
  await rm(carriedAdditionsFile(file), { force: true });
}

/**
 * Keeps what a build changed of the snapshot it read (`read`, patched in place by patchCarried):
 * nothing when it changed nothing; beside the whole file while all changes since it was written
 * stay within `loose`; else the whole file again.
 */
export async function keepCarriedChanges(file: string, read: CarriedRead, changes: Changes, loose = looseBound(read.carried.reports.file.length)): Promise<void> {
  if (changes.reports.length === 0 && changes.pages.length === 0) return;
  const reports = new Map(read.added.reports.map((c) => [c[0], c]));
  for (const c of changes.reports) reports.set(c[0], c);
  const pages = new Map([...read.added.pages, ...changes.pages]);
  if (reports.size + pages.size > loose) return keepCarried(file, read.carried);
  const added: AdditionsFile = { version: VERSION, token: read.carried.token, reports: [...reports.values()], pages: [...pages] };
  await writeWholeSoon(carriedAdditionsFile(file), serialize(added));
}

const isCarriedFile = (value: Partial<CarriedFile>, code: string): value is CarriedFile => {
  const r = value.reports;
  if (value.version !== VERSION || value.code !== code || !r || typeof value.token !== 'string') return false;
  const columns = [r.pageId, r.digestKey, r.file, r.path, r.sha256, r.year];
  return columns.every((c) => Array.isArray(c) && c.length === r.file.length) && value.pageKeys?.length === value.pageDigests?.length && value.otherFiles?.length === value.otherShas?.length;
};

function readAdditions(file: string, token: string): Changes {
  try {
    const added = deserialize(readFileSync(carriedAdditionsFile(file))) as Partial<AdditionsFile>;
    if (added.version === VERSION && added.token === token && Array.isArray(added.reports) && Array.isArray(added.pages)) return { reports: added.reports, pages: added.pages };
  } catch {
    // None, or unreadable: the whole file alone.
  }
  return { reports: [], pages: [] };
}

/** The snapshot a build of the same code kept, with the changes written beside it, or null (none, another version's, unreadable: it is a cache). */
export function readCarried(file: string, code: string): CarriedRead | null {
  let whole: Partial<CarriedFile>;
  try {
    whole = deserialize(readFileSync(file)) as Partial<CarriedFile>;
  } catch {
    return null;
  }
  if (!isCarriedFile(whole, code)) return null;
  const { pageKeys, pageDigests, ...rest } = whole;
  const pages = new Map<string, string>();
  for (let i = 0; i < pageKeys.length; i++) pages.set(pageKeys[i]!, pageDigests[i]!);
  const carried: CarriedSnapshot = { ...rest, pages };
  const added = readAdditions(file, whole.token);
  applyChanges(carried, added);
  return { carried, added };
}

function applyChanges(carried: CarriedSnapshot, changes: Changes): void {
  const r = carried.reports;
  for (const [at, digestKey, sha256] of changes.reports) {
    r.digestKey[at] = digestKey;
    r.sha256[at] = sha256;
  }
  for (const [key, digest] of changes.pages) carried.pages.set(key, digest);
}

/** The hand-off the kept snapshot stands for. */
export function carriedHandoff(carried: CarriedSnapshot): SnapshotHandoff {
  const r = carried.reports;
  return { dir: carried.dir, reports: r.file.map((file, i) => refAt(r, i)), problemFiles: carried.problemFiles, overview: carried.overview };
}

const refAt = (r: ReportColumns, i: number): ReportRef => ({ pageId: r.pageId[i]!, digestKey: r.digestKey[i]!, file: r.file[i]!, path: r.path[i]!, sha256: r.sha256[i]!, year: r.year[i]! });

export interface CarriedPatch {
  /** This build's snapshot for Astro: the kept one with the changed reports' keys. */
  handoff: SnapshotHandoff;
  /** This build's page digests, as digestPages gives them, and what to keep of them. */
  digested: DigestedPages;
  /** The changed reports as read, by their place in handoff.reports. */
  reports: ReadonlyMap<number, Report>;
  /** What changed (for keepCarriedChanges). */
  changes: Changes;
  /** How many reports were read again. */
  reread: number;
}

export interface PatchOptions {
  /** This build's archive folder, its file digests, registry digest and parser version. */
  dir: string;
  digests: ArchiveDigests;
  registryDigest: string;
  parserVersion: string;
  /** The kept page digests (src/node/kept-pages.ts). */
  kept: KeptPages;
  /** Reads a changed file (through the parse cache), as the archive read would. */
  read: (ref: ReportRef) => Promise<ArchiveEntry>;
  /** The digest of the sidecar of the file at `path` ('' for none). */
  sidecarDigest: (path: string) => string;
  /** Beyond this many changed files the archive is read whole (CHANGED_AT_MOST). */
  limit?: number;
}

/**
 * The kept snapshot brought up to this build's archive folder, or null when only a whole read can
 * (see above). `carried` is changed in place, and only when the patch succeeds.
 */
export async function patchCarried(carried: CarriedSnapshot, o: PatchOptions): Promise<CarriedPatch | null> {
  if (carried.dir !== o.dir || carried.registryDigest !== o.registryDigest || carried.parserVersion !== o.parserVersion) return null;
  const r = carried.reports;
  if (o.digests.size !== r.file.length + carried.otherFiles.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < r.file.length; i++) {
    const now = o.digests.get(r.file[i]!);
    if (!now) return null;
    if (now.sha256 !== r.sha256[i] && changed.push(i) > (o.limit ?? CHANGED_AT_MOST)) return null;
  }
  for (let i = 0; i < carried.otherFiles.length; i++) if (o.digests.get(carried.otherFiles[i]!)?.sha256 !== carried.otherShas[i]) return null;

  const changes: Changes = { reports: [], pages: [] };
  const fresh = new Map<string, KeptPage>();
  const reports = new Map<number, Report>();
  for (const at of changed) {
    const ref = refAt(r, at);
    const kept = o.kept.get(ref.pageId);
    // The kept digests must be this page's as the kept snapshot took them.
    if (!kept || kept[0] !== ref.digestKey || kept[5] !== carried.pages.get(ref.pageId)) return null;
    const entry = await o.read(ref);
    // Not a report now, or one whose page shows its text, or one whose id would take another page id.
    if (entry.error || !entry.brief || entry.rawText !== null || entry.brief.id !== ref.pageId || entry.sha256 !== o.digests.get(ref.file)!.sha256) return null;
    const [summary, listed, facts] = briefDigests(entry.brief);
    if (summary !== kept[1] || listed !== kept[2] || facts !== kept[6]) return null;
    const digestKey = pageDigestKey(o.parserVersion, o.registryDigest, ref.path, entry.sha256, o.sidecarDigest(ref.path), ref.pageId);
    // Its group and the problems that name it are as they were (the briefs are).
    const page = reportPageDigest(digestKey, entry.size, false, kept[3], kept[4]);
    fresh.set(ref.pageId, [digestKey, summary, listed, kept[3], kept[4], page, facts]);
    changes.reports.push([at, digestKey, entry.sha256]);
    changes.pages.push([ref.pageId, page]);
    if (entry.report) reports.set(at, entry.report);
  }
  // Every changed report checked: they go in.
  applyChanges(carried, changes);
  const digested: DigestedPages = {
    digests: carried.pages,
    changed: fresh.size > 0,
    size: r.file.length,
    // An entry kept of a page no longer there is never wrong, only unused (src/node/kept-pages.ts).
    kept: () => new Map([...o.kept, ...fresh]),
    fresh: () => fresh,
  };
  return { handoff: carriedHandoff(carried), digested, reports, changes, reread: changed.length };
}
