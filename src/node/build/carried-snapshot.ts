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
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Report } from '../../core/model/report.ts';
import { pageDigestKey } from '../../loader/archive-snapshot.ts';
import { briefDigests, reportPageDigest, type DigestedPages, type KeptPage, type KeptPages } from '../../loader/page-digests.ts';
import type { ReportRef, SnapshotHandoff } from '../../loader/snapshot-handoff.ts';
import type { ArchiveDigests, ArchiveEntry } from '../read-archive.ts';
import { writeWholeSoon } from '../write-whole.ts';

/** Bumped when what is kept, or what it is made from, changes. */
const VERSION = 1;

export interface CarriedSnapshot {
  version: number;
  /** The build's code and settings digest (src/node/build-inputs.ts): the snapshot is made by that code. */
  code: string;
  parserVersion: string;
  registryDigest: string;
  handoff: SnapshotHandoff;
  /** Every page's digest (src/loader/page-digests.ts). */
  pages: Record<string, string>;
  /** Every file of the archive folder (relative, as the build's digests name them) and its sha256, in step. */
  files: string[];
  shas: string[];
}

/** What a build kept, given its file digests and what it handed over. */
export function carriedOf(code: string, parserVersion: string, registryDigest: string, handoff: SnapshotHandoff, pages: Record<string, string>, digests: ArchiveDigests): CarriedSnapshot {
  const files: string[] = [];
  const shas: string[] = [];
  for (const [file, { sha256 }] of digests) {
    files.push(file);
    shas.push(sha256);
  }
  return { version: VERSION, code, parserVersion, registryDigest, handoff, pages, files, shas };
}

/** Written whole or not at all, on libuv's threads. */
export async function keepCarried(file: string, carried: CarriedSnapshot): Promise<void> {
  await writeWholeSoon(file, serialize(carried));
}

/** The snapshot a build of the same code kept, or null (none, another version's, unreadable: it is a cache). */
export function readCarried(file: string, code: string): CarriedSnapshot | null {
  try {
    const carried = deserialize(readFileSync(file)) as Partial<CarriedSnapshot>;
    const whole = carried.version === VERSION && carried.code === code && Array.isArray(carried.files) && Array.isArray(carried.shas) && carried.files.length === carried.shas.length && carried.handoff;
    return whole ? (carried as CarriedSnapshot) : null;
  } catch {
    return null;
  }
}

export interface CarriedPatch {
  /** This build's snapshot for Astro: the kept one with the changed reports' keys. */
  handoff: SnapshotHandoff;
  /** This build's page digests, as digestPages gives them, and what to keep of them. */
  digested: DigestedPages;
  /** The changed reports as read, by their place in handoff.reports. */
  reports: ReadonlyMap<number, Report>;
  /** What to keep for the next build (null: the kept one holds). */
  carried: CarriedSnapshot | null;
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
  /** Beyond this many changed files the archive is read whole. */
  limit?: number;
}

/** The kept snapshot brought up to this build's archive folder, or null when only a whole read can (see above). */
export async function patchCarried(carried: CarriedSnapshot, o: PatchOptions): Promise<CarriedPatch | null> {
  if (carried.handoff.dir !== o.dir || carried.registryDigest !== o.registryDigest || carried.parserVersion !== o.parserVersion) return null;
  if (o.digests.size !== carried.files.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < carried.files.length; i++) {
    const now = o.digests.get(carried.files[i]!);
    if (!now) return null;
    if (now.sha256 !== carried.shas[i] && changed.push(i) > (o.limit ?? 50)) return null;
  }
  const refs = carried.handoff.reports;
  if (changed.length === 0) return { handoff: carried.handoff, digested: digestedFrom(carried.pages, refs.length, new Map(), o.kept), reports: new Map(), carried: null, reread: 0 };

  const nextRefs = refs.slice();
  const pages = { ...carried.pages };
  const shas = carried.shas.slice();
  const fresh = new Map<string, KeptPage>();
  const reports = new Map<number, Report>();
  for (const i of changed) {
    const file = carried.files[i]!;
    const at = refs.findIndex((r) => r.file === file);
    const ref = refs[at];
    // A sidecar, a stray file or a file that is not a report.
    if (!ref) return null;
    const kept = o.kept.get(ref.pageId);
    // The kept digests must be this page's as the kept snapshot took them.
    if (!kept || kept[0] !== ref.digestKey || kept[5] !== carried.pages[ref.pageId]) return null;
    const entry = await o.read(ref);
    // Not a report now, or one whose page shows its text, or one whose id would take another page id.
    if (entry.error || !entry.brief || entry.rawText !== null || entry.brief.id !== ref.pageId || entry.sha256 !== o.digests.get(file)!.sha256) return null;
    const [summary, listed, facts] = briefDigests(entry.brief);
    if (summary !== kept[1] || listed !== kept[2] || facts !== kept[6]) return null;
    const digestKey = pageDigestKey(o.parserVersion, o.registryDigest, ref.path, entry.sha256, o.sidecarDigest(ref.path), ref.pageId);
    // Its group and the problems that name it are as they were (the briefs are).
    const page = reportPageDigest(digestKey, entry.size, false, kept[3], kept[4]);
    fresh.set(ref.pageId, [digestKey, summary, listed, kept[3], kept[4], page, facts]);
    nextRefs[at] = { ...ref, digestKey, sha256: entry.sha256 };
    pages[ref.pageId] = page;
    shas[i] = entry.sha256;
    if (entry.report) reports.set(at, entry.report);
  }
  const handoff = { ...carried.handoff, reports: nextRefs };
  return { handoff, digested: digestedFrom(pages, refs.length, fresh, o.kept), reports, carried: { ...carried, handoff, pages, shas }, reread: changed.length };
}

/** The page digests as DigestedPages: `fresh` over the kept entries. */
function digestedFrom(pages: Record<string, string>, size: number, fresh: ReadonlyMap<string, KeptPage>, kept: KeptPages): DigestedPages {
  return {
    digests: new Map(Object.entries(pages)),
    changed: fresh.size > 0,
    size,
    // An entry kept of a page no longer there is never wrong, only unused (src/node/kept-pages.ts).
    kept: () => new Map([...kept, ...fresh]),
    fresh: () => fresh,
  };
}
