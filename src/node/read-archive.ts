/**
 * Every file of the archive folder, each as a Report or as an error naming the file: nothing is
 * skipped silently. Sidecar metadata (NAME.meta.yaml) belongs to its report and is not an entry.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { inFolder } from './archive-paths.ts';
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { Report } from '../core/model/report.ts';
import { briefOf, type ReportBrief } from '../core/summary/report-brief.ts';
import { ReportFileError } from '../formats/report-file-error.ts';
import { sidecarName } from '../formats/sidecar-name.ts';
import { briefPackFile, keepBriefPack, readBriefPack, type BriefPack } from './brief-pack.ts';
import { ParseCache, fileExists } from './parse-cache.ts';
import { parseInWorkers } from './parse-in-workers.ts';
import { readFileBytes } from './report-bytes.ts';
import { linkDigest, sha256 } from './sha256.ts';

export interface ArchiveEntry {
  /** Path inside the archive folder, with / separators. */
  file: string;
  /** Absolute path. */
  path: string;
  sha256: string;
  size: number;
  /**
   * The report (with all its checks or only the failing ones, see ChecksRead); null when the file
   * is not a report, or when a read that keeps briefs took its brief from the last read
   * (ArchiveOptions.keepBriefs).
   */
  report: Report | null;
  /** What a build needs of the report (see briefOf); null when the file is not a report. */
  brief: ReportBrief | null;
  /** Why the file is not a report (unreadable, unknown type, nothing recognisable). */
  error: { message: string; line: number | null } | null;
  /** The text the parser read (decoded; converted from .md/.html/.docx), kept for reports with errors (their page shows it). */
  rawText: string | null;
}

export interface FileDigest {
  sha256: string;
  size: number;
}

/** Path inside the archive folder (with / separators) -> the digest of its bytes (./archive-digests.ts). */
export type ArchiveDigests = ReadonlyMap<string, FileDigest>;

type Cached = Pick<ArchiveEntry, 'report' | 'error' | 'rawText'>;
/** The parser, loaded when a file is first parsed (./parse-entry.ts). */
let parserModule: Promise<typeof import('./parse-entry.ts')> | undefined;
const parser = () => (parserModule ??= import('./parse-entry.ts'));
const withBrief = (c: Cached) => ({ ...c, brief: c.report && briefOf(c.report) });
/** A file that could not be read or parsed: its error, named by the reader. */
const notAReport = (err: ReportFileError): Cached => ({ report: null, error: { message: err.reason, line: err.line }, rawText: null });
type Checks = Report['checks'];
/** The cache's entry: the report with its failing checks only, and all its checks as the tail. */
type EntryCache = ParseCache<Cached, Checks>;

/**
 * Which of a report's checks a read needs: all of them (a whole Report, for its page and data),
 * or only the failing ones, which is all a build needs of every report (summaries, the build
 * summary, the archive checks, the search records). Passing checks are four fifths of a cached
 * entry, so the cache keeps all checks in the entry's tail and a 'failing' read skips it.
 */
export type ChecksRead = 'all' | 'failing';

function cacheEntry(cache: EntryCache, key: string, value: Cached): void {
  const checks = value.report?.checks ?? [];
  // Written while the next file is parsed; whoever reads the archive flushes the cache (readArchive does).
  cache.setSoon(key, value.report ? { ...value, report: { ...value.report, checks: checks.filter((c) => !c.ok) } } : value, checks);
}

/** A miss when the entry or, for a whole read, its checks are not there. */
function cachedEntry(cache: EntryCache, key: string, checks: ChecksRead): Cached | undefined {
  if (checks === 'failing') return cache.get(key);
  const whole = cache.getWhole(key);
  return whole && { ...whole.head, report: whole.head.report && { ...whole.head.report, checks: whole.tail } };
}

const IGNORED = /(?:^|\/)\.|\.meta\.ya?ml$|(?:^|\/)(?:README|readme)(?:\.md|\.txt)?$/;

/** The folder's files, sorted; hidden files and folders, sidecars and READMEs are not reports. */
export function listArchiveFiles(dir: string): string[] {
  const paths: string[] = [];
  // Paths put together as strings, each tested by its path inside the folder as it is made: with
  // path.join and inFolder per file the walk took 0.18 s at 50,000 reports.
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      // The folder's own entries as path.join names them (it normalises `dir`); below, the same.
      const path = rel ? `${abs}${sep}${e.name}` : join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) walk(path, `${rel}${e.name}/`);
      } else if (!IGNORED.test(`${rel}${e.name}`)) paths.push(path);
    }
  };
  walk(dir, '');
  return paths.sort();
}

/**
 * The same list from the digests the build took of the folder (./archive-digests.ts), which walked
 * it already: walking it again took 0.15 s of a one-report rebuild at 50,000 reports. They list
 * files and links (what a report can be read from), not other special files.
 */
export function listDigestedFiles(dir: string, digests: ArchiveDigests): string[] {
  // The folder as path.join names it, and its separator: what listArchiveFiles puts before a name.
  const prefix = join(dir, '_').slice(0, -1);
  const paths: string[] = [];
  for (const file of digests.keys()) if (!IGNORED.test(file)) paths.push(prefix + (sep === '/' ? file : file.replaceAll('/', sep)));
  // The digests are taken in name order; a map made otherwise is sorted here.
  for (let i = 1; i < paths.length; i++) if (paths[i - 1]! > paths[i]!) return paths.sort();
  return paths;
}

function sidecarDigest(path: string): string {
  const sidecar = sidecarName(path);
  if (fileExists(sidecar)) return sha256(readFileSync(sidecar));
  // A link by that name to a folder or to nothing (the read makes the report a problem file) counts
  // by where it points, as the build's digests take it (./archive-digests.ts).
  const target = linkTarget(sidecar);
  return target === null ? '' : linkDigest(target);
}

function linkTarget(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null; // no link there
  }
}

/** What a file's cache key is made of (its name, bytes, sidecar and the registry), and its size. */
interface FileKey {
  parts: [string, string, string, string];
  size: number;
  /** The cache key made of `parts`, once a read has asked for it (see cacheKeyOf). */
  cacheKey?: string;
}

/** A file's cache key, computed once. */
function cacheKeyOf(cache: EntryCache, key: FileKey): string {
  return (key.cacheKey ??= cache.key(...key.parts));
}

function fileKey(path: string, dir: string, registryDigest: string, bytes: Uint8Array = readFileSync(path)): FileKey {
  return { parts: [inFolder(path, dir), sha256(bytes), sidecarDigest(path), registryDigest], size: bytes.length };
}

/** Of each folder's digests, whether they hold a sidecar at all (most archives have none). */
const withSidecars = new WeakMap<ArchiveDigests, boolean>();

/**
 * The digest of the sidecar of the file at `path` from the folder's digests ('' when there is
 * none). A folder without any sidecar is told once, not looked up per file: in a profile at
 * 50,000 reports the name and the lookup took 0.05–0.1 s each time a build asks (the cache key,
 * the digest key).
 */
function sidecarFromDigests(path: string, dir: string, digests: ArchiveDigests): string {
  let any = withSidecars.get(digests);
  if (any === undefined) {
    any = false;
    for (const file of digests.keys()) {
      if (!file.endsWith('.meta.yaml')) continue;
      any = true;
      break;
    }
    withSidecars.set(digests, any);
  }
  return any ? (digests.get(inFolder(sidecarName(path), dir))?.sha256 ?? '') : '';
}

/** The key from the digests the build took of the folder (see ArchiveOptions.digests), or undefined when they lack the file. */
function digestedKey(path: string, dir: string, registryDigest: string, digests: ArchiveDigests): FileKey | undefined {
  const file = inFolder(path, dir);
  const own = digests.get(file);
  if (!own) return undefined;
  return { parts: [file, own.sha256, sidecarFromDigests(path, dir, digests), registryDigest], size: own.size };
}

/**
 * `known`: the file's key when the caller has read it already (see parsesAtLeast). A file parsed
 * here goes into the cache on libuv's threads: the caller flushes the cache before anything else
 * may read it (readArchive does).
 */
export async function readEntry(path: string, dir: string, registry: AgencyRegistry | undefined, registryDigest: string, cache?: EntryCache, checks: ChecksRead = 'all', known?: FileKey): Promise<ArchiveEntry> {
  const knownKey = known && cache ? cacheKeyOf(cache, known) : undefined;
  if (knownKey) {
    const hit = cachedEntry(cache!, knownKey, checks);
    if (hit) return { file: known!.parts[0], path, sha256: known!.parts[1], size: known!.size, ...withBrief(hit) };
  }
  let bytes: Buffer;
  try {
    bytes = readFileBytes(path, dir);
  } catch (err) {
    // A link to a folder or to nothing, a file the build may not read: a problem file, named, not a stopped build.
    if (!(err instanceof ReportFileError)) throw err;
    return { file: inFolder(path, dir), path, sha256: '', size: 0, ...withBrief(notAReport(err)) };
  }
  const { parts, size } = fileKey(path, dir, registryDigest, bytes);
  const [file, digest] = parts;
  const key = cache?.key(...parts);
  const base = { file, path, sha256: digest, size };
  // Not asked again for the key that just missed (the file may have changed since it was known).
  const hit = key && key !== knownKey ? cachedEntry(cache!, key, checks) : undefined;
  if (hit) return { ...base, ...withBrief(hit) };
  let result: Cached;
  try {
    result = await (await parser()).parseEntry(path, bytes, dir, registry);
  } catch (err) {
    if (!(err instanceof ReportFileError)) throw err;
    result = notAReport(err);
  }
  if (key) cacheEntry(cache!, key, result);
  return { ...base, ...withBrief(result) };
}

export interface ArchiveOptions {
  registry?: AgencyRegistry;
  /** Digest of the registry file, part of the cache key. */
  registryDigest?: string;
  cache?: EntryCache | null;
  /** Of cached reports, all checks (the default) or only the failing ones (see ChecksRead). */
  checks?: ChecksRead;
  /**
   * Worker threads to parse on when many files are not in the cache (a cold build); 1 parses
   * here. Each worker costs a start-up of about 0.3 s, so a warm or small read stays here.
   */
  workers?: number;
  /** Files to parse from which workers are used (default WORKERS_FROM). */
  workersFrom?: number;
  /**
   * The digests of the folder's files as the caller read them (`npm run build`, see
   * ../node/archive-digests.ts): a file's cache key is taken from them instead of from reading the
   * file again. A file whose entry is not in the cache is read (and digested) when it is parsed.
   * The files read are the ones they list (listDigestedFiles): the folder is not walked again.
   */
  digests?: ArchiveDigests;
  /**
   * Keep the reports' briefs for the next read (./brief-pack.ts), and take from the last read's
   * those of the files whose cache key is there: their entries carry the brief and no report
   * (`report: null`). Needs the cache; a file's key must be known without reading it (`digests`).
   */
  keepBriefs?: boolean;
  /**
   * Given, the briefs are kept by the write handed to it, which the caller runs when it has the
   * time (the build: once the index is done, while Astro renders); else the read writes them
   * before it returns. Writing 50,000 briefs took 0.2 s of the read that Astro's loader waits for.
   */
  keepLater?: (write: () => Promise<void>) => void;
}

/**
 * Below this many files to parse, workers cost more than they save: each loads the parser anew
 * (about 1 s of CPU), and the build parses while Astro starts on the other core. 1,000 cold
 * reports here: 4.0 s and 7.1 s of CPU on two workers, 4.3 s and 5.1 s on this thread alone;
 * 10,000: 26.5 s on two workers, 40.8 s alone.
 */
const WORKERS_FROM = 2000;

/**
 * Whether at least `count` of the files are neither in the cache nor in the pack of briefs (stops
 * counting there). The keys it reads go into `keys`, by the file's place in `paths`, so that each
 * file is read and digested once (twice cost 0.4 s at 10,000).
 */
function parsesAtLeast(count: number, paths: readonly string[], dir: string, registryDigest: string, cache: EntryCache | undefined, pack: BriefPack, keys: FileKey[], digests?: ArchiveDigests): boolean {
  if (!cache) return paths.length >= count;
  let misses = 0;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    const key = (digests && digestedKey(p, dir, registryDigest, digests)) ?? fileKey(p, dir, registryDigest);
    keys[i] = key;
    const cacheKey = cacheKeyOf(cache, key);
    // A brief in the pack is as good as the entry: its report is not read (and not parsed) unless asked for.
    if (!pack.has(cacheKey) && !cache.has(cacheKey) && ++misses >= count) return true;
  }
  return false;
}

/** Every file of the folder, in name order. Async because .docx files are unzipped asynchronously. */
export async function readArchive(dir: string, options: ArchiveOptions = {}): Promise<ArchiveEntry[]> {
  const cache = options.cache === null ? undefined : (options.cache ?? new ParseCache<Cached, Checks>());
  const registryDigest = options.registryDigest ?? '';
  const paths = options.digests ? listDigestedFiles(dir, options.digests) : listArchiveFiles(dir);
  const workers = options.workers ?? 1;
  // By the file's place in `paths` (a Map by path hashed each long path twice).
  const keys: FileKey[] = [];
  const packFile = options.keepBriefs && cache ? briefPackFile(cache.dir, dir) : null;
  const pack = packFile ? readBriefPack(packFile) : new Map();
  // The cache keys of the entries taken from the pack.
  const packed = new Map<ArchiveEntry, string>();
  let entries: ArchiveEntry[];
  if (workers > 1 && parsesAtLeast(options.workersFrom ?? WORKERS_FROM, paths, dir, registryDigest, cache, pack, keys, options.digests)) {
    entries = await parseInWorkers(paths, workers, { dir, registry: options.registry, registryDigest, cacheDir: cache?.dir ?? null });
  } else {
    entries = [];
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]!;
      const key = keys[i] ?? (options.digests && digestedKey(p, dir, registryDigest, options.digests));
      const cacheKey = key && pack.size ? cacheKeyOf(cache!, key) : undefined;
      const brief = cacheKey && pack.get(cacheKey);
      if (key && brief) {
        const entry: ArchiveEntry = { file: key.parts[0], path: p, sha256: key.parts[1], size: key.size, report: null, brief, error: null, rawText: null };
        packed.set(entry, cacheKey);
        entries.push(entry);
      } else entries.push(await readEntry(p, dir, options.registry, registryDigest, cache, options.checks, key));
    }
    await cache?.flush();
  }
  if (packFile) {
    const write = () => keepBriefs(packFile, pack, entries, (e) => packed.get(e) ?? cache!.key(e.file, e.sha256, sidecarDigestOf(e.path, dir, options.digests), registryDigest));
    if (options.keepLater) options.keepLater(write);
    else await write();
  }
  return entries;
}

/** The digest of a file's sidecar from the folder's digests when the caller took them, else from the sidecar itself ('' when there is none). */
export function sidecarDigestOf(path: string, dir: string, digests: ArchiveDigests | undefined): string {
  return digests ? sidecarFromDigests(path, dir, digests) : sidecarDigest(path);
}

/**
 * The briefs of this read's reports for the next one (what is written, and when: keepBriefPack).
 * Reports whose page shows their text (those with errors) are left out: their entries must be
 * read whole.
 */
async function keepBriefs(file: string, last: BriefPack, entries: readonly ArchiveEntry[], keyOf: (e: ArchiveEntry) => string): Promise<void> {
  const next = new Map(entries.flatMap((e) => (e.brief && !e.error && e.rawText === null ? [[keyOf(e), e.brief] as const] : [])));
  await keepBriefPack(file, next, last);
}
