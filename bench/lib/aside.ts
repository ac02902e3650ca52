/**
 * What a measured build starts without (the last build's output and caches) is moved aside, not
 * deleted, and deleted when the bench has measured everything.
 *
 * Why: this machine's disk is ext4 without a journal, and there the kernel, to give a new file an
 * inode, passes one by one over the free inodes of the folder's block group that were freed in
 * the last 60 s (360 s while their table is not yet written out: `recently_deleted` in
 * fs/ext4/ialloc.c). `perf record -a` over a clean build of 1,000 reports made right after the
 * last one was deleted (17,700 files and folders) put about a fifth of the two cores' samples
 * there. Built after a deletion (right after it, or 75 s after it and `sync`: waiting did not
 * help, for reasons not found), such builds took 12.8–18.5 s with 3.5–12.4 s of system time;
 * into new folders with nothing deleted just before, 13.1–13.3 s with 3.2–4.5 s. A build that
 * makes more files than the floor's (17,700 here against 3,200) pays it more: the ratio measured
 * the bench's own clean-up.
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

/** What a build leaves per report (output and caches), with a margin: 270 KB at 10,000 reports (2.7 GB). */
const BYTES_PER_REPORT = 300_000;

/**
 * Whether a build of `count` reports fits on a disk with `freeBytes` free while the last one is
 * kept aside: room for twice its size and 4 GiB more (the floor's project, the machine's own use).
 */
export function roomToSetAside(freeBytes: number, count: number): boolean {
  return freeBytes >= 2 * count * BYTES_PER_REPORT + 4 * 2 ** 30;
}
