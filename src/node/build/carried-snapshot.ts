/**
 * The snapshot one build handed to Astro (src/loader/snapshot-handoff.ts), kept for the next build
 * with every page's digest it took and the archive folder's file digests it was read from.
 *
 * Why: when only a few reports' bytes changed since, each still under its page id, with the same
 * names, agency, district, year, date and carry-over rows (briefDigests' third), the page ids, the
 * archive checks, the groups and the outline pages are what they were. The next build then puts
 * those reports' new keys into the kept snapshot instead of reading every report's brief, checking
 * the archive and taking every page's digest again: passes over all reports that made a one-report
 * rebuild at 50,000 reports cost half as much again as an unchanged rebuild plus that report. A sentence corrected changes
 * that report's page only. A figure corrected changes its summary too: its body's group (every
 * page of that body, its agency page), its year's page and the archive-wide pages are digested
 * again from the kept digests of their reports; a check that now fails, or passes, changes its
 * listing: its lines in the build summary are made again (withReportPart).
 *
 * Anything else (a file added, removed or renamed; a sidecar, a stray file or the registry changed;
 * a report renamed, moved to another year, body or district, given another date or other
 * carry-over rows; a page id with a suffix; a file that is not a report or whose page shows its
 * text; other code or settings) and patchCarried gives null: the build reads the archive whole.
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
import type { ReportBrief } from '../../core/summary/report-brief.ts';
import { pageDigestKey, type ArchiveSnapshot, type ProblemFile, type SnapshotOverview } from '../../loader/archive-snapshot.ts';
import { withReportPart } from '../../loader/build-summary.ts';
import { agencyDigest, archivePagesDigest, briefDigests, reportPageDigest, yearDigest, type DigestedPages, type KeptPage, type KeptPages } from '../../loader/page-digests.ts';
import type { ReportRef, SnapshotHandoff } from '../../loader/snapshot-handoff.ts';
import { additionsFile } from '../brief-pack.ts';
import { agencyPageKey, ARCHIVE_PAGES_KEY, yearPageKey } from '../../site/render-only.ts';
import { looseBound } from '../loose-bound.ts';
import type { ArchiveDigests, ArchiveEntry } from '../read-archive.ts';
import { writeWholeSoon } from '../write-whole.ts';

/** Bumped when what is kept, or what it is made from, changes. */
const VERSION = 3;

/** Beyond this many changed files the archive is read whole: each is read and checked here, one after the other. */
const CHANGED_AT_MOST = 50;

/** The hand-off's reports (ReportRef), a column per field, in step, with what the page digests read of each beyond its digests. */
interface ReportColumns {
  pageId: string[];
  digestKey: string[];
  file: string[];
  path: string[];
  sha256: string[];
  year: (number | null)[];
  /** Its agency group's slug, its original's size and whether its page shows its text (see digestPages). */
  slug: string[];
  size: number[];
  shown: boolean[];
}

interface CarriedFile {
  version: number;
  /** The build's code and settings digest (src/node/build-inputs.ts): the snapshot is made by that code. */
  code: string;
  parserVersion: string;
  registryDigest: string;
  dir: string;
  reports: ReportColumns;
  /** The reports' places in the columns in page-id order (as digestPages takes them): their page ids never change in a patch. */
  byPageId: number[];
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
  /** A report's place in the columns, its digest key, sha256 and size. */
  reports: [at: number, digestKey: string, sha256: string, size: number][];
  pages: [key: string, digest: string][];
  /** The overview now, when a report's listing changed it. */
  overview: SnapshotOverview | null;
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

const noChanges = (): Changes => ({ reports: [], pages: [], overview: null });

/** The file of the changes made since the whole file was written: named as the kept briefs' additions are. */
export const carriedAdditionsFile = additionsFile;

/** What a build that read the archive whole keeps, given its file digests, the snapshot it handed over and its page digests (its token is given when it is written whole). */
export function carriedOf(code: string, parserVersion: string, snapshot: ArchiveSnapshot<Report | null>, pages: ReadonlyMap<string, string>, digests: ArchiveDigests): CarriedSnapshot {
  const reports: ReportColumns = { pageId: [], digestKey: [], file: [], path: [], sha256: [], year: [], slug: [], size: [], shown: [] };
  for (const { pageId, digestKey, entry, brief } of snapshot.reports) {
    reports.pageId.push(pageId);
    reports.digestKey.push(digestKey);
    reports.file.push(entry.file);
    reports.path.push(entry.path);
    reports.sha256.push(entry.sha256);
    reports.year.push(brief.year);
    reports.slug.push(brief.agencySlug);
    reports.size.push(entry.size);
    reports.shown.push(entry.rawText !== null);
  }
  const ofReports = new Set(reports.file);
  const otherFiles: string[] = [];
  const otherShas: string[] = [];
  for (const [file, { sha256 }] of digests) {
    if (ofReports.has(file)) continue;
    otherFiles.push(file);
    otherShas.push(sha256);
  }
  const { dir, problemFiles, overview, registryDigest } = snapshot;
  const ids = reports.pageId;
  const byPageId = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return { version: VERSION, code, parserVersion, registryDigest, dir, reports, byPageId, problemFiles, overview, pages: new Map(pages), otherFiles, otherShas, token: '' };
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
  if (changes.reports.length === 0 && changes.pages.length === 0 && !changes.overview) return;
  const reports = new Map(read.added.reports.map((c) => [c[0], c]));
  for (const c of changes.reports) reports.set(c[0], c);
  const pages = new Map([...read.added.pages, ...changes.pages]);
  if (reports.size + pages.size > loose) return keepCarried(file, read.carried);
  const added: AdditionsFile = { version: VERSION, token: read.carried.token, reports: [...reports.values()], pages: [...pages], overview: changes.overview ?? read.added.overview };
  await writeWholeSoon(carriedAdditionsFile(file), serialize(added));
}

const isCarriedFile = (value: Partial<CarriedFile>, code: string): value is CarriedFile => {
  const r = value.reports;
  if (value.version !== VERSION || value.code !== code || !r || typeof value.token !== 'string') return false;
  const columns = [r.pageId, r.digestKey, r.file, r.path, r.sha256, r.year, r.slug, r.size, r.shown];
  return columns.every((c) => Array.isArray(c) && c.length === r.file.length) && value.byPageId?.length === r.file.length && value.pageKeys?.length === value.pageDigests?.length && value.otherFiles?.length === value.otherShas?.length;
};

function readAdditions(file: string, token: string): Changes {
  try {
    const added = deserialize(readFileSync(carriedAdditionsFile(file))) as Partial<AdditionsFile>;
    if (added.version === VERSION && added.token === token && Array.isArray(added.reports) && Array.isArray(added.pages)) return { reports: added.reports, pages: added.pages, overview: added.overview ?? null };
  } catch {
    // None, or unreadable: the whole file alone.
  }
  return noChanges();
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
  for (const [at, digestKey, sha256, size] of changes.reports) {
    r.digestKey[at] = digestKey;
    r.sha256[at] = sha256;
    r.size[at] = size;
    // patchCarried takes only reports whose page shows no text.
    r.shown[at] = false;
  }
  for (const [key, digest] of changes.pages) carried.pages.set(key, digest);
  if (changes.overview) carried.overview = changes.overview;
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

  const changes = noChanges();
  // The page digests' entries taken afresh (a changed report's, its group's when its summary changed), by page id.
  const fresh = new Map<string, KeptPage>();
  const reports = new Map<number, Report>();
  // The agency groups and years whose lists show a changed summary, and the reports whose listing changed.
  const groups = new Set<string>();
  const years = new Set<number>();
  const relisted: { file: string; brief: ReportBrief }[] = [];
  for (const at of changed) {
    const ref = refAt(r, at);
    const kept = o.kept.get(ref.pageId);
    // The kept digests must be this page's as the kept snapshot took them.
    if (!kept || kept[0] !== ref.digestKey || kept[5] !== carried.pages.get(ref.pageId)) return null;
    const entry = await o.read(ref);
    // Not a report now, or one whose page shows its text, or one whose id would take another page id.
    if (entry.error || !entry.brief || entry.rawText !== null || entry.brief.id !== ref.pageId || entry.sha256 !== o.digests.get(ref.file)!.sha256) return null;
    const [summary, listed, facts] = briefDigests(entry.brief);
    // Its archive problems, its agency and year groups and its body's name are what they were.
    if (facts !== kept[6]) return null;
    const digestKey = pageDigestKey(o.parserVersion, o.registryDigest, ref.path, entry.sha256, o.sidecarDigest(ref.path), ref.pageId);
    // Its page's digest is taken below, with its group's.
    fresh.set(ref.pageId, [digestKey, summary, listed, kept[3], kept[4], '', facts]);
    changes.reports.push([at, digestKey, entry.sha256, entry.size]);
    if (summary !== kept[1]) {
      groups.add(r.slug[at]!);
      if (ref.year !== null) years.add(ref.year);
    }
    if (listed !== kept[2]) relisted.push({ file: ref.file, brief: entry.brief });
    if (entry.report) reports.set(at, entry.report);
  }
  const size = new Map(changes.reports.map(([at, , , bytes]) => [at, bytes]));
  // A changed report's page shows no text now (taken only so), whatever it showed before.
  const shown = (i: number) => !size.has(i) && r.shown[i]!;
  /** A page's digests as this build takes them: afresh, or the kept ones when they are the kept snapshot's. */
  const entryAt = (i: number): KeptPage | null => {
    const id = r.pageId[i]!;
    const taken = fresh.get(id);
    if (taken) return taken;
    const kept = o.kept.get(id);
    return kept && kept[0] === r.digestKey[i] && kept[5] === carried.pages.get(id) ? kept : null;
  };
  /** The reports of a group or year, in page-id order (as digestPages takes them), with their entries; null when one cannot be vouched for. */
  const members = (of: (i: number) => boolean) => {
    const at = carried.byPageId.filter(of);
    const entries = at.map(entryAt);
    return entries.every((e) => e !== null) ? { at, entries: entries as KeptPage[] } : null;
  };

  // A changed summary: its group's digest, every page of that group, and its year's page.
  for (const slug of groups) {
    const group = members((i) => r.slug[i] === slug);
    if (!group) return null;
    const digest = agencyDigest(slug, group.entries.map((e) => e[1]));
    changes.pages.push([agencyPageKey(slug), digest]);
    group.at.forEach((i, k) => {
      const [key, summary, listed, , problems, , facts] = group.entries[k]!;
      fresh.set(r.pageId[i]!, [key, summary, listed, digest, problems, reportPageDigest(key, size.get(i) ?? r.size[i]!, shown(i), digest, problems), facts]);
    });
  }
  for (const year of years) {
    const ofYear = members((i) => r.year[i] === year);
    if (!ofYear) return null;
    changes.pages.push([yearPageKey(year), yearDigest(year, ofYear.entries.map((e) => e[1]))]);
  }
  // The other changed reports' pages: their group and problems as they were.
  for (const [at] of changes.reports) {
    const id = r.pageId[at]!;
    const [key, summary, listed, group, problems, page, facts] = fresh.get(id)!;
    if (!page) fresh.set(id, [key, summary, listed, group, problems, reportPageDigest(key, size.get(at)!, false, group, problems), facts]);
  }
  for (const [id, entry] of fresh) changes.pages.push([id, entry[5]]);

  // A changed summary or listing: the archive-wide pages (and a changed listing's lines in the build summary).
  if (groups.size > 0 || relisted.length > 0) {
    let summary = carried.overview.summary;
    const names = relisted.length ? [...r.file, ...carried.problemFiles.map((f) => f.entry.file)] : [];
    // Under its file's name as the archive read lists it (the summary's and the archive problems' name).
    for (const { file, brief } of relisted) {
      const next = withReportPart(summary, { file, report: brief }, carried.overview.problems.filter((p) => p.file === file), names);
      if (!next) return null;
      summary = next;
    }
    const overview = summary === carried.overview.summary ? carried.overview : { ...carried.overview, summary };
    if (overview !== carried.overview) changes.overview = overview;
    const all = members(() => true);
    if (!all) return null;
    const groupOf = new Map<string, string>();
    all.at.forEach((i, k) => groupOf.set(r.slug[i]!, all.entries[k]![3]));
    const slugs = [...groupOf.keys()].sort();
    const archive = archivePagesDigest(
      slugs.map((slug) => groupOf.get(slug)!),
      all.at.map((i) => r.pageId[i]!),
      all.entries.map((e) => e[2]),
      overview,
      carried.problemFiles,
    );
    changes.pages.push([ARCHIVE_PAGES_KEY, archive]);
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
