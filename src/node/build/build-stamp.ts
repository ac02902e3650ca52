/**
 * The record of the last complete build into an output folder: what it was built from and what
 * it left there. Kept in node_modules/.cache/xxgk/build-stamps/, one file per output folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BuildStamp {
  inputs: string;
  /** Digest of the code and settings alone: with the same, unchanged report pages can be kept. */
  code: string;
  output: string;
  files: number;
  /** Page id -> digest of what the page is made from (src/loader/page-digests.ts). */
  pages: Record<string, string>;
  /** Part of the search index -> digest (src/search/build/index-parts.ts); absent in stamps of older builds. */
  search?: Record<string, string>;
  /** Digest of the downloads' recipes kept for the next build (./kept-joins.ts); absent in stamps of older builds. */
  joins?: string;
}

export function stampFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'build-stamps', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

export function readStamp(file: string): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

export function writeStamp(file: string, stamp: BuildStamp): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(stamp));
}

/** A build that starts forgets the old stamp first: an interrupted build must not look complete. */
export function clearStamp(file: string): void {
  rmSync(file, { force: true });
}
