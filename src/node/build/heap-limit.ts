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
