/**
 * What a measured build starts without (the last build's output and caches) is moved aside, not
 * deleted, and deleted when the bench has measured everything.
 *
 * Why: this machine's disk is ext4 without a journal, and there the kernel, to give each new
 * file an inode, first passes over every inode of the folder's block group that was freed in the
 * last minute (five when its table is not yet written out: `recently_deleted` in
 * fs/ext4/ialloc.c). A clean build of 1,000 reports right after the last one was deleted (17,700
 * files and folders) spent 20 % of the two cores' time there (`perf record -a`: recently_deleted,
 * find_get_block_common, find_inode_bit), 9–12 s of system time instead of 3–4.5 s, and took
 * 14–16.6 s instead of 12–13 s. A build that makes more files than the floor's (17,700 here
 * against 3,200) pays it more: the ratio measured the bench's own clean-up.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things are set aside: beside the bench's other work, on the same disk as the repository. */
export const ASIDE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'work', '.aside');

let count = 0;

/** Moves `path` (if it exists) into the folder `aside`, which must be on the same disk. */
export function setAside(path: string, aside = ASIDE): void {
  if (!existsSync(path)) return;
  mkdirSync(aside, { recursive: true });
  renameSync(path, join(aside, `${process.pid}-${++count}-${basename(path)}`));
}

/** Deletes what was set aside (also what an interrupted bench left there). */
export function emptyAside(aside = ASIDE): void {
  rmSync(aside, { recursive: true, force: true });
}
