/**
 * Under `npm run build`: the recipes of the archive-wide downloads (./archive-downloads.ts,
 * ./join-recipe.ts), recorded from the report index the loader wrote (src/loader/report-index.ts)
 * as soon as Astro's content sync has ended, before Astro bundles the pages (astro.config.mjs).
 * The build then writes the downloads (about 400 MB at 10,000 reports) while Astro bundles and
 * renders. Recorded by their endpoints, which render near the end, they were still being written
 * 0.2–0.3 s after Astro had ended, in every build.
 */
import { inIdOrder, readReportIndex, reportIndexFile } from '../../loader/report-index.ts';
import { reportStoreDir, storedCsvRange, storedJsonRange } from '../../loader/report-store.ts';
import { ARCHIVE_DOWNLOADS, downloadRecipe } from './archive-downloads.ts';
import { recordJoin } from './join-recipe.ts';

/** From the index file `indexFile` (which the loader always writes, also for an empty archive). */
export function recordArchiveDownloads(recipesFile: string, root: string, indexFile: string): void {
  const indexed = readReportIndex(indexFile);
  // Without it every download would be empty: the loader has not stored the reports.
  if (indexed === null) throw new Error(`${indexFile}: 没有报告索引，无法生成 data/reports.json 和 data/reports.csv，请重新构建`);
  const reports = inIdOrder(indexed).map((r) => ({ jsonAt: storedJsonRange(root, r.stored), csvAt: storedCsvRange(root, r.stored) }));
  for (const download of ARCHIVE_DOWNLOADS) recordJoin(recipesFile, downloadRecipe(download, reports));
}

/** The same for a project whose Astro cache is `astroCacheDir` (absolute). */
export function recordProjectDownloads(recipesFile: string, root: string, astroCacheDir: string): void {
  recordArchiveDownloads(recipesFile, root, reportIndexFile(reportStoreDir(astroCacheDir)));
}
