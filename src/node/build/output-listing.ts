/**
 * The output folder's files with their size and modification time, and a fingerprint of them: a
 * page deleted, edited or added by hand since the last build changes it, and the next build is
 * then a full one (scripts/build.ts).
 *
 * The search index's folders of many files (`pagefind/bundle/index/`, each `pagefind/blocks/<shard>/`:
 * 53,000 of the 95,000 files at 10,000 reports) are listed as folders, by their own modification
 * time, which a file added, removed or renamed in them changes: their files are hard links into
 * the index's cache that no build rewrites in place (src/search/build/index-parts.ts), and
 * `stat`ing each of them was half the check's time (0.6 of 1.1 s on its thread at 10,000). A
 * file of theirs edited in place by hand is not seen.
 *
 * The folders' names are taken from the last check when a folder's time has not changed since
 * (./folder-names.ts): every file is still `stat`ed.
 *
 * A partial build reads the listing once, to check the folder, and then brings it up to date
 * with what it changed itself (the staged files it moved in, the files it removed, the search
 * index parts it linked again), instead of walking the whole folder a second time: at 10,000
 * reports that walk is 95,000 files and 0.45 s of every one-report rebuild. The fingerprint is
 * the same either way (tests/unit/build/output-listing.test.ts, tests/build/rebuild.test.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { filesUnder } from '../files-under.ts';
import { readNames, SETTLED_MS, writeFolderMap, type FolderMap, type FolderNames } from './folder-names.ts';

/** The index folders listed by their own time (see above); their entry is their path with a final slash. */
const LISTED_AS_FOLDER = /^pagefind\/(?:blocks\/[^/]+|bundle\/index)$/;

/**
 * What `rel` (a path relative to the output, no final slash; '' for the output itself) holds, as
 * entries relative to the output: its files, and the folders listed as folders. Sorted.
 */
function entriesUnder(root: string, rel: string): string[] {
  if (!rel) return filesUnder(root, { asFolder: (path) => LISTED_AS_FOLDER.test(path) });
  if (LISTED_AS_FOLDER.test(rel)) return existsSync(`${root}${sep}${rel}`) ? [`${rel}/`] : [];
  return filesUnder(`${root}${sep}${rel}`, { asFolder: (path) => LISTED_AS_FOLDER.test(`${rel}/${path}`) }).map((path) => `${rel}/${path}`);
}

/**
 * What the output holds, as entriesUnder(root, '') gives it, each folder's names taken from `kept`
 * when its time is the one kept with them. Also the names to keep for the next check, and how many
 * folders were read.
 */
function walkOutput(root: string, kept: FolderMap | null): { paths: string[]; folders: Map<string, FolderNames>; read: number } {
  const paths: string[] = [];
  const folders = new Map<string, FolderNames>();
  const settled = Date.now() - SETTLED_MS;
  let read = 0;
  const visit = (abs: string, rel: string) => {
    // The folder's time before its names: a change after this gives it a later time, read next time.
    const folder = statSync(abs, { throwIfNoEntry: false });
    if (!folder?.isDirectory()) return;
    const key = rel.slice(0, -1);
    let names = kept?.get(key);
    if (names?.mtimeMs !== folder.mtimeMs) {
      names = readNames(abs, folder.mtimeMs);
      read++;
    }
    if (folder.mtimeMs < settled) folders.set(key, names);
    for (const name of names.files) paths.push(`${rel}${name}`);
    for (const name of names.folders) {
      const path = `${rel}${name}`;
      if (LISTED_AS_FOLDER.test(path)) paths.push(`${path}/`);
      else visit(`${abs}${sep}${name}`, `${path}/`);
    }
  };
  visit(root, '');
  return { paths: paths.sort(), folders, read };
}

/** A listing as plain data. */
export interface ListingParts {
  dir: string;
  paths: string[];
  entries: string[];
}

export interface OutputFingerprint {
  digest: string;
  /** Entries listed: files, and the index folders listed as folders. */
  files: number;
}

/** What the fingerprint holds of a file. */
const entryOf = (size: number, mtimeMs: number) => `${size}\u0000${mtimeMs}`;

export class OutputListing {
  private readonly dir: string;
  /** As read: the paths (relative, / separators, sorted: filesUnder sorts) and their entries, in step. */
  private readonly paths: string[];
  private readonly entries: string[];
  /**
   * What changed since it was read, over the listing as read (which stays as it is: at 50,000
   * reports the folder holds 470,000 files): a path's entry now, or null when it is gone; and the
   * folders listed again, none of whose paths as read count any more (their paths now are in
   * `changed`). The fingerprint then walks the sorted listing once, without copying or sorting it
   * again (that took 45 ms of every one-report rebuild at 10,000 reports, after Astro had ended).
   */
  private readonly changed = new Map<string, string | null>();
  private readonly relisted: string[] = [];

  private constructor(dir: string, paths: string[] = [], entries: string[] = []) {
    this.dir = dir;
    this.paths = paths;
    this.entries = entries;
  }

  /** Every file of `dir`, or null when the folder does not exist. */
  static read(dir: string): OutputListing | null {
    return OutputListing.readKeeping(dir, null)?.listing ?? null;
  }

  /**
   * The same, with the folders' names from the last check (./folder-names.ts); also the names to
   * keep for the next one, and how many folders had to be read.
   */
  static readKeeping(dir: string, kept: FolderMap | null): { listing: OutputListing; folders: FolderMap; read: number } | null {
    if (!existsSync(dir)) return null;
    const listing = new OutputListing(dir);
    const walked = walkOutput(dir, kept);
    for (const path of walked.paths) {
      const entry = listing.entryAt(path);
      // Gone since the folder was walked: not in the folder.
      if (entry === null) continue;
      listing.paths.push(path);
      listing.entries.push(entry);
    }
    return { listing, folders: walked.folders, read: walked.read };
  }

  /**
   * Every file of `dir`, its folders' names kept in the file `keep` for the next check, as the
   * check's thread keeps them (./list-output-worker.ts); null when the folder does not exist.
   * For the output a full build made: otherwise the next build's check read every folder of it
   * (62,000 at 50,000 reports: the first rebuild after a full build used 0.8 s more system CPU
   * than the next ones; 0.35 s more once the names were kept).
   */
  static readAndKeep(dir: string, keep: string): OutputListing | null {
    const read = OutputListing.readKeeping(dir, null);
    if (read) writeFolderMap(keep, read.folders);
    return read?.listing ?? null;
  }

  /** The folder as read, as plain data (changes recorded since with restat or relist are not in it). */
  parts(): ListingParts {
    return { dir: this.dir, paths: this.paths, entries: this.entries };
  }

  /** The entry of the file at `path` (of the folder, for a path with a final slash) as it is now, or null when there is none. */
  private entryAt(path: string): string | null {
    const s = statSync(`${this.dir}${sep}${path}`, { throwIfNoEntry: false });
    if (path.endsWith('/')) return s?.isDirectory() ? entryOf(-1, s.mtimeMs) : null;
    return s?.isFile() ? entryOf(s.size, s.mtimeMs) : null;
  }

  /** Files (relative paths) this build wrote or removed: each is listed as it is now, or dropped when gone. */
  restat(paths: Iterable<string>): void {
    for (const path of paths) this.changed.set(path, this.entryAt(path));
  }

  /** Folders (relative paths) this build replaced or removed: everything under each is listed again. */
  relist(folders: Iterable<string>): void {
    for (const folder of folders) {
      const rel = folder.replace(/\/+$/, '');
      // The folder's own entry too, when it is listed as a folder.
      const under = `${rel}/`;
      this.relisted.push(under);
      for (const path of [...this.changed.keys()]) if (path.startsWith(under)) this.changed.delete(path);
      for (const path of entriesUnder(this.dir, rel)) this.changed.set(path, this.entryAt(path));
    }
  }

  fingerprint(): OutputFingerprint {
    const h = createHash('sha256');
    let files = 0;
    const add = (path: string, entry: string | null) => {
      if (entry === null) return;
      h.update(`${path}\u0000${entry}\n`);
      files++;
    };
    // Paths changed that the listing as read does not have, in order, merged into it as it is walked.
    const added = [...this.changed.keys()].filter((path) => !this.has(path)).sort();
    let next = 0;
    const addUpTo = (path: string | null) => {
      for (; next < added.length && (path === null || added[next]! < path); next++) add(added[next]!, this.changed.get(added[next]!)!);
    };
    this.paths.forEach((path, i) => {
      addUpTo(path);
      if (this.changed.has(path)) add(path, this.changed.get(path)!);
      else if (!this.relisted.some((under) => path.startsWith(under))) add(path, this.entries[i]!);
    });
    addUpTo(null);
    return { digest: h.digest('hex'), files };
  }

  /** Whether the listing as read has `path` (its paths are sorted). */
  private has(path: string): boolean {
    let lo = 0;
    let hi = this.paths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paths[mid]! < path) lo = mid + 1;
      else hi = mid;
    }
    return this.paths[lo] === path;
  }
}

/** The fingerprint of the folder as it is now (null when it does not exist). */
export function outputFingerprint(dir: string): OutputFingerprint | null {
  return OutputListing.read(dir)?.fingerprint() ?? null;
}
