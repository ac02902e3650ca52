/**
 * The search index of a build. A full build builds it into a folder beside the output (so it can
 * run while Astro writes the pages, and Astro's clean-up of the output cannot touch it) and then
 * moves that in as <out>/pagefind/. A partial build leaves <out>/pagefind/ where it is and only
 * links again the parts of the index whose digest changed (src/search/build/index-parts.ts). The
 * search page then gets preload links for it.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndexOfReports, planSearchIndex, type IndexedReport, type SearchIndexOptions, type SearchIndexResult, type SearchPlan } from '../../search/build/build-search-index.ts';
import { updateIndex } from '../../search/build/index-parts.ts';
import { withSearchPreloads } from '../../search/build/preloads.ts';
import { searchTuning } from '../../search/build/tuning.ts';
import type { SearchRecord } from '../../search/records.ts';

/** The index's plan, and the ids of the reports whose search record the build must make: those of shards not in the cache, of a patched shard only its changed ones (see planSearchIndex). */
export function planSearch(reports: readonly IndexedReport[], env: NodeJS.ProcessEnv = process.env): { plan: SearchPlan; needed: Set<string> } {
  return planSearchIndex(reports, searchTuning(env));
}

/**
 * `reports`: every report as the index is planned (`plan`: planSearch's plan of them, when made); `records`: the records of those
 * planSearch named. `staging`: the folder to build into, or null: into the cache only
 * (placed later by placeSearchIndex). `cpus`: the cores the index may use. Beside Astro (which
 * renders on one thread) that is one fewer than the machine's, so the index does not slow the
 * pages down; XXGK_SEARCH_WORKERS decides instead.
 */
export function buildSearchStaged(reports: readonly IndexedReport[], records: ReadonlyMap<string, SearchRecord>, staging: string | null, env: NodeJS.ProcessEnv = process.env, cpus?: number, plan?: SearchPlan): Promise<SearchIndexResult> {
  if (staging) rmSync(staging, { recursive: true, force: true });
  const options: SearchIndexOptions = { ...(staging ? { outDir: staging } : {}), ...(cpus ? { workers: Math.max(1, cpus) } : {}), ...searchTuning(env), pruneLater: true, ...(plan ? { plan } : {}) };
  return buildSearchIndexOfReports(reports, records, options);
}

/** How the index gets into the output: a staged folder moves in, or the output's index is updated from the previous build's part digests. */
export type Placement = { staging: string } | { update: SearchIndexResult; previous: Readonly<Record<string, string>> };

/** What placing the index changed in the output folder (relative paths): for its listing (./output-listing.ts). */
export interface Placed {
  folders: string[];
  files: string[];
}

/**
 * The index's files into <out>/pagefind/. An update may run while Astro still renders a partial
 * build (into staging: the overlay leaves pagefind/ alone), as soon as the index is ready.
 */
export function placeIndexFiles(placement: Placement, outDir: string): Placed {
  const target = join(outDir, 'pagefind');
  const placed: Placed = { folders: [], files: [] };
  if ('staging' in placement) {
    rmSync(target, { recursive: true, force: true });
    renameSync(placement.staging, target);
    placed.folders.push('pagefind');
  } else {
    const { relinked, removed } = updateIndex(placement.update.index, target, placement.previous);
    placed.folders.push(...[...relinked, ...removed].map((part) => `pagefind/${part}`));
    placed.files.push('pagefind/manifest.dat');
  }
  return placed;
}

/** The search page's preload links for the index in <out>/pagefind/ (after the pages are in place); the files it changed. */
export function preloadSearchPage(outDir: string, basePath: string): string[] {
  const searchPage = join(outDir, 'search', 'index.html');
  if (!existsSync(searchPage)) return [];
  writeFileSync(searchPage, withSearchPreloads(readFileSync(searchPage, 'utf8'), join(outDir, 'pagefind'), basePath));
  return ['search/index.html'];
}
