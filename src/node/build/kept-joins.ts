/**
 * The recipes of the last build's downloads into an output folder (src/site/data/join-recipe.ts),
 * kept so that the next partial build writes only what changed in them (./join-plan.ts). They are
 * trusted only under the build's stamp, which names their digest: a build that stopped before its
 * stamp leaves none to trust, and one that wrote other recipes since leaves another digest.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { perArchiveFile } from '../archive-paths.ts';
import { sha256 } from '../sha256.ts';
import { parseJoins, type JoinRecipe } from '../../site/data/join-recipe.ts';

/** What the stamp names: the kept file and its digest. */
export interface KeptJoins {
  file: string;
  digest: string;
}

export function keptJoinsFile(cacheDir: string, outDir: string): string {
  return perArchiveFile(join(cacheDir, 'output-joins'), outDir, 'jsonl');
}

/** Moves this build's recipes file to `kept`, and gives the digest its stamp names (undefined: there was none). */
export function keepJoins(recipesFile: string, kept: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(recipesFile);
  } catch {
    return undefined;
  }
  const digest = sha256(bytes);
  mkdirSync(dirname(kept), { recursive: true });
  renameSync(recipesFile, kept);
  return digest;
}

/** Each download's last recipe (the last line for it), or null when the file is gone or not the one the stamp names. */
export function readKeptJoins(kept: KeptJoins): Map<string, JoinRecipe> | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(kept.file);
  } catch {
    return null;
  }
  if (sha256(bytes) !== kept.digest) return null;
  try {
    return new Map(parseJoins(bytes.toString('utf8')).map((recipe) => [recipe.out, recipe]));
  } catch {
    return null;
  }
}
