/**
 * The search index of a build: built into a folder beside the output (so it can run while Astro
 * writes the pages, and Astro's clean-up of the output cannot touch it), then moved into
 * <out>/pagefind/ with preload links added to the search page.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSearchIndexOfRecords, type SearchIndexResult } from '../../search/build/build-search-index.ts';
import { searchPreloads } from '../../search/build/preloads.ts';
import type { SearchRecord } from '../../search/records.ts';

/**
 * Where the search cache lives and how the index is cut; the tests set tiny shards and chunks
 * so a five-report archive goes through the merge as a large one does.
 */
function searchTuning(env: NodeJS.ProcessEnv): { cacheDir?: string; maxShardPages?: number; chunkSize?: number; workers?: number } {
  const count = (name: string) => (env[name] && Number(env[name]) > 0 ? Number(env[name]) : undefined);
  return {
    ...(env.XXGK_SEARCH_CACHE_DIR ? { cacheDir: resolve(env.XXGK_SEARCH_CACHE_DIR) } : {}),
    ...(count('XXGK_SEARCH_SHARD_PAGES') ? { maxShardPages: count('XXGK_SEARCH_SHARD_PAGES') } : {}),
    ...(count('XXGK_SEARCH_CHUNK_SIZE') ? { chunkSize: count('XXGK_SEARCH_CHUNK_SIZE') } : {}),
    ...(count('XXGK_SEARCH_WORKERS') ? { workers: count('XXGK_SEARCH_WORKERS') } : {}),
  };
}

/**
 * `cpus`: the cores the index may use. Beside Astro (which renders on one thread) that is one
 * fewer than the machine's, so the index does not slow the pages down; XXGK_SEARCH_WORKERS decides instead.
 */
export function buildSearchStaged(records: SearchRecord[], staging: string, env: NodeJS.ProcessEnv = process.env, cpus?: number): Promise<SearchIndexResult> {
  rmSync(staging, { recursive: true, force: true });
  return buildSearchIndexOfRecords(records, { outDir: staging, ...(cpus ? { workers: Math.max(1, cpus) } : {}), ...searchTuning(env) });
}

export function placeSearchIndex(staging: string, outDir: string, basePath: string): void {
  const target = join(outDir, 'pagefind');
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  const searchPage = join(outDir, 'search', 'index.html');
  if (existsSync(searchPage)) {
    const html = readFileSync(searchPage, 'utf8');
    writeFileSync(searchPage, html.replace('</head>', `${searchPreloads(target, basePath)}</head>`));
  }
}

/**
 * Index while Astro renders when the machine has the cores and memory for both at once (Astro
 * renders on one thread, the index on the others): the build then takes about the longer of the
 * two instead of their sum. XXGK_SEARCH_CONCURRENT=0 or 1 decides instead.
 */
export function searchAlongsideAstro(env: NodeJS.ProcessEnv, cpus: number, memoryBytes: number): boolean {
  if (env.XXGK_SEARCH_CONCURRENT === '0') return false;
  if (env.XXGK_SEARCH_CONCURRENT === '1') return true;
  return cpus >= 2 && memoryBytes >= 12 * 1024 ** 3;
}
