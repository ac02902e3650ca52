/**
 * A built search index is a set of parts in the index cache (the merged Pagefind bundle, each
 * shard's display blocks) plus the manifest; an output's pagefind/ folder holds hard links to
 * them. Each part carries the digest of what went into it, so a folder that holds an earlier
 * build's index is brought up to date by linking again only the parts whose digest changed:
 * after one report changed, its shard's blocks and the bundle, a few thousand of the 53,000
 * files at 10,000 reports, instead of unlinking and linking all of them.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkFile } from './link-file.ts';

export interface IndexPart {
  /** Where the part goes in the index folder: "bundle", "blocks/<shard>". */
  path: string;
  /** The cache folder it is linked from. */
  from: string;
  /** Of what went into it: the same digest, the same files. */
  digest: string;
}

export interface BuiltIndex {
  parts: IndexPart[];
  /** manifest.dat (gzip JSON), written as a file of its own: it changes with every part. */
  manifest: Uint8Array;
}

/** Puts a cached folder's files in the output (./link-file.ts). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else linkFile(source, target);
  }
}

/**
 * Pagefind's index chunks and meta file are named by a digest of their bytes (./pagefind-format.ts):
 * one of the same name in a folder the caller vouches for is the same bytes.
 */
const NAMED_BY_CONTENT = /\.pf_(?:index|meta)$/;

/**
 * Makes `to` hold what `from` holds: a file that is already the same file (a link to the same
 * inode: a merged chunk that a new merge linked from the last one, see ./merge-index.ts) or one
 * named by its content with the same name stays, every other file is linked again, and what
 * `from` lacks is removed. Not comparing the chunks' inodes saves two `stat`s per chunk: at
 * 50,000 reports the bundle holds 4,100 chunks, and after one report changed a few hundred of
 * them are new (0.36 s of a one-report rebuild's end went to this folder).
 */
function syncTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const wanted = new Set<string>();
  const present = new Set(readdirSync(to));
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    wanted.add(entry.name);
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!entry.isDirectory() && NAMED_BY_CONTENT.test(entry.name) && present.has(entry.name)) continue;
    const there = present.has(entry.name) ? lstatSync(target, { throwIfNoEntry: false }) : undefined;
    if (entry.isDirectory()) {
      if (there && !there.isDirectory()) rmSync(target, { force: true });
      syncTree(source, target);
      continue;
    }
    if (there) {
      const own = statSync(source);
      if (there.isFile() && there.ino === own.ino && there.dev === own.dev) continue;
      rmSync(target, { recursive: true, force: true });
    }
    linkFile(source, target);
  }
  // A chunk is a file: unlinked, not removed as a tree (rmSync's checks took 0.13 s for 200 chunks).
  for (const name of present) {
    if (wanted.has(name)) continue;
    if (NAMED_BY_CONTENT.test(name)) unlinkSync(join(to, name));
    else rmSync(join(to, name), { recursive: true, force: true });
  }
}

/** The index into an empty (or emptied) folder. */
export function writeIndex(index: BuiltIndex, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'blocks'), { recursive: true });
  for (const part of index.parts) linkTree(part.from, join(outDir, part.path));
  writeFileSync(join(outDir, 'manifest.dat'), index.manifest);
}

/** Each part's digest by its path: what a later updateIndex compares with. */
export function partDigests(index: BuiltIndex): Record<string, string> {
  return Object.fromEntries(index.parts.map((p) => [p.path, p.digest]));
}

/**
 * Brings `outDir`, which holds as it was written the index whose part digests are `previous`, up
 * to `index`: parts gone are removed, parts whose digest changed are synced (syncTree), the
 * others are left alone. The caller vouches that the folder is untouched since (scripts/build.ts
 * checks the output's fingerprint); a part that is missing is linked again all the same.
 */
export function updateIndex(index: BuiltIndex, outDir: string, previous: Readonly<Record<string, string>>): { relinked: string[]; removed: string[] } {
  const current = new Set(index.parts.map((p) => p.path));
  const removed = Object.keys(previous).filter((path) => !current.has(path));
  for (const path of removed) rmSync(join(outDir, path), { recursive: true, force: true });
  const relinked: string[] = [];
  mkdirSync(join(outDir, 'blocks'), { recursive: true });
  for (const part of index.parts) {
    const target = join(outDir, part.path);
    if (previous[part.path] === part.digest && existsSync(target)) continue;
    syncTree(part.from, target);
    relinked.push(part.path);
  }
  writeFileSync(join(outDir, 'manifest.dat'), index.manifest);
  return { relinked, removed };
}
