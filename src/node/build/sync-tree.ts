/**
 * Makes a folder hold exactly the files of another, touching only what differs. Built for the
 * search index: its files are hard links into the index cache (src/search/build/), so after one
 * report changed nearly all of the ~50,000 files in the new index are the very files (same inode)
 * already in the output, and replacing them all cost seconds.
 */
import { existsSync, lstatSync, readdirSync, renameSync, rmSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface SyncCounts {
  /** Files (or whole folders) moved from `from` into `to`. */
  moved: number;
  /** Files of `to` left as they were: the same file as in `from`. */
  kept: number;
  /** Files or folders of `to` that `from` does not have, deleted. */
  removed: number;
}

function sameFile(a: string, b: string): boolean {
  const x = lstatSync(a);
  const y = lstatSync(b);
  return x.ino === y.ino && x.dev === y.dev;
}

/**
 * Afterwards `to` has the files of `from`, path for path and byte for byte: a file that already is
 * the same file (same inode, e.g. a hard link to the same cache entry) stays; any other, and any
 * folder `to` does not have, is moved in (so `from` is left with only the files `to` already had);
 * what `to` has beyond `from` is deleted. `to` must exist.
 */
export function syncTree(from: string, to: string): SyncCounts {
  const counts: SyncCounts = { moved: 0, kept: 0, removed: 0 };
  const visit = (src: string, dst: string) => {
    const there = new Map<string, Dirent>(readdirSync(dst, { withFileTypes: true }).map((e) => [e.name, e]));
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const s = join(src, e.name);
      const d = join(dst, e.name);
      const old = there.get(e.name);
      there.delete(e.name);
      if (old && old.isDirectory() !== e.isDirectory()) {
        rmSync(d, { recursive: true, force: true });
        counts.removed++;
      } else if (old && e.isDirectory()) {
        visit(s, d);
        continue;
      } else if (old && sameFile(s, d)) {
        counts.kept++;
        continue;
      }
      // A new folder moves in whole; a file replaces the old one in one step.
      renameSync(s, d);
      counts.moved++;
    }
    for (const name of there.keys()) {
      rmSync(join(dst, name), { recursive: true, force: true });
      counts.removed++;
    }
  };
  if (!existsSync(to)) throw new Error(`syncTree: ${to} does not exist`);
  visit(from, to);
  return counts;
}
