/**
 * Puts a full build (a staging folder) in place of the output folder: the output's entries move
 * into `trash`, for the caller to delete while the build finishes, and staging's entries move in.
 * Only top-level entries move, each a rename, so the old site stays whole until Astro has
 * rendered the new one and a failed build leaves it as it was (Astro, writing into the output
 * itself, emptied it first). `.git` stays, as Astro's own emptying of the output keeps it (a
 * site published from a git checkout of its output).
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

const KEPT = new Set(['.git']);

export function swapOutput(outDir: string, staging: string, trash: string): void {
  mkdirSync(outDir, { recursive: true });
  const old = readdirSync(outDir).filter((name) => !KEPT.has(name));
  if (old.length) mkdirSync(trash, { recursive: true });
  for (const name of old) renameSync(join(outDir, name), join(trash, name));
  for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
  rmdirSync(staging);
}
