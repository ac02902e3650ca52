/**
 * The search index of a build: built into a folder beside the output (so it can run while Astro
 * writes the pages, and Astro's clean-up of the output cannot touch it), then moved into
 * <out>/pagefind/ with preload links added to the search page.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndexOfRecords, type SearchIndexResult } from '../../search/build/build-search-index.ts';
import { searchPreloads } from '../../search/build/preloads.ts';
import { searchTuning } from '../../search/build/tuning.ts';
import type { SearchRecord } from '../../search/records.ts';
import { syncTree } from './sync-tree.ts';

/**
 * `cpus`: the cores the index may use. Beside Astro (which renders on one thread) that is one
 * fewer than the machine's, so the index does not slow the pages down; XXGK_SEARCH_WORKERS decides instead.
 */
export function buildSearchStaged(records: SearchRecord[], staging: string, env: NodeJS.ProcessEnv = process.env, cpus?: number): Promise<SearchIndexResult> {
  rmSync(staging, { recursive: true, force: true });
  return buildSearchIndexOfRecords(records, { outDir: staging, ...(cpus ? { workers: Math.max(1, cpus) } : {}), ...searchTuning(env) });
}

/**
 * The staged index into <out>/pagefind/. When the output holds an index already (a partial build
 * leaves it there, see overlay-output.ts) it is synced (./sync-tree.ts): most of its files are
 * the same cache files as the staged ones, or have the same bytes, and stay; only the changed ones
 * move in and the stale ones go. Otherwise the staged folder moves in whole.
 */
export function placeSearchIndex(staging: string, outDir: string, basePath: string): void {
  const target = join(outDir, 'pagefind');
  if (existsSync(target) && statSync(target).isDirectory()) {
    syncTree(staging, target);
    // What is left are files the output already has (the same file or the same bytes).
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  const searchPage = join(outDir, 'search', 'index.html');
  if (existsSync(searchPage)) {
    const html = readFileSync(searchPage, 'utf8');
    writeFileSync(searchPage, html.replace('</head>', `${searchPreloads(target, basePath)}</head>`));
  }
}

/**
 * Index while Astro renders when the machine has the cores and memory for both at once (Astro
 * renders on one thread, the index on the others): the build then takes about the longer of the
 * two instead of their sum. Memory: at 10,000 reports Astro peaks near 2.3 GiB and the index
 * near 0.8 GiB (bench/README.md), so 6 GiB leaves room. XXGK_SEARCH_CONCURRENT=0 or 1 decides instead.
 */
export function searchAlongsideAstro(env: NodeJS.ProcessEnv, cpus: number, memoryBytes: number): boolean {
  if (env.XXGK_SEARCH_CONCURRENT === '0') return false;
  if (env.XXGK_SEARCH_CONCURRENT === '1') return true;
  return cpus >= 2 && memoryBytes >= 6 * 1024 ** 3;
}
