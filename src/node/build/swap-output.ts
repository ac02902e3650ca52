/**
 * Puts a full build (a staging folder) in place of the output folder: the output's entries move
 * into `trash`, for the caller to delete while the build finishes, and staging's entries move in.
 * Only top-level entries move, each a rename, so the old site stays whole until Astro has
 * rendered the new one and a failed build leaves it as it was (Astro, writing into the output
 * itself, emptied it first). `.git` stays, as Astro's own emptying of the output keeps it (a
 * site published from a git checkout of its output).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const KEPT = new Set(['.git']);

/**
 * Whether what is staged beside `outDir` can be renamed into it: not when the output is on
 * another file system than the folder it is in (a mount point, or a link to another disk).
 */
export function stagesBeside(outDir: string): boolean {
  return !existsSync(outDir) || statSync(outDir).dev === statSync(dirname(outDir)).dev;
}

export function swapOutput(outDir: string, staging: string, trash: string): void {
  mkdirSync(outDir, { recursive: true });
  const old = readdirSync(outDir).filter((name) => !KEPT.has(name));
  if (old.length) mkdirSync(trash, { recursive: true });
  for (const name of old) renameSync(join(outDir, name), join(trash, name));
  for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
  rmdirSync(staging);
}
