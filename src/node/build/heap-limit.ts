/**
 * V8's default heap limit (about 4 GiB here) is what stops a large archive, not the machine: at
 * 50,000 reports Astro's data store alone is most of a gigabyte of JSON, and `astro build` died
 * with "JavaScript heap out of memory" on a 24 GiB machine. The build's processes get a limit of
 * three quarters of the machine's memory instead (never below V8's own default).
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const MiB = 1024 * 1024;

export function heapLimitMiB(memoryBytes = totalmem()): number {
  const own = Math.floor(getHeapStatistics().heap_size_limit / MiB);
  return Math.max(own, Math.floor((memoryBytes * 0.75) / MiB));
}

/** The flag for a child Node process, unless NODE_OPTIONS already sets one. */
export function heapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return /--max-old-space-size/.test(env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${heapLimitMiB()}`];
}

/**
 * The build process's first old-generation limit (MiB). V8 starts it small and raises it after
 * each full collection by what survived: in a one-report rebuild at 50,000 reports the search
 * index's thread (about 50 MB live, reading chunks and page lists of a few MB each) ran nine full
 * collections in two seconds, the build fourteen in all; starting at 256 MiB it ran seven. The
 * time saved is near this machine's noise: alternating one-report rebuilds took 4.70 against
 * 4.81 s and 8.7 against 8.9 s of CPU (six each; at 512 MiB 4.63 against 4.90 s; bench/README.md).
 * Only a start: V8 still collects as the heap grows past it.
 */
export const INITIAL_OLD_SPACE_MIB = 256;

/** The flags for the build's own process (not Astro's, where no gain was measured). */
export function buildFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...heapFlags(env), `--initial-old-space-size=${INITIAL_OLD_SPACE_MIB}`];
}
