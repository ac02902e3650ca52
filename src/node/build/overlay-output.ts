/**
 * Puts a partial build (a staging folder) into the output folder: every file of staging moves
 * in (but placeholders of kept pages), and of the rest of the output only the pages kept from the
 * previous build stay (reports, agencies and years not rendered this time and still in the
 * archive; the pages with a script and their bundle). Pages of removed reports,
 * of bodies and years that no longer have a report, the other listings and the data files are
 * thereby all replaced or removed.
 *
 * Only what changes is touched: the folders of kept pages are not even read, folders that staged
 * files go into stay, and `placedLater` (top-level folders the build puts in place itself
 * afterwards: the search index, see search-step.ts) is left alone. At 10,000 reports walking and
 * deleting the whole output (~95,000 files) took 3.5 s.
 *
 * An old file is deleted before the new one is renamed to its name: renaming over an existing file
 * makes ext4 write the new file out first (its auto_da_alloc safeguard), which cost ten times as
 * much (2,500 listing pages: 0.6–0.8 s instead of 0.08 s).
 *
 * Files in `filesPlacedLater` (the joined downloads, which the build writes on a thread of its own
 * while the pages go in, see ./write-joins.ts) are left as they are: their staged placeholders
 * do not move in, and the output's files stay until the build replaces them.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pageOfOutput, type PagesRecord } from '../../loader/page-digests.ts';
import { filesUnder } from '../files-under.ts';

/** Removes `dir` and then its parents, up to `root` or a folder in `keep` (neither removed), while they are empty. */
function removeIfEmpty(root: string, dir: string, keep: ReadonlySet<string>): void {
  for (let d = dir; d !== root && d.startsWith(root) && !keep.has(d) && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
}

/** What an overlay changed in the output folder (paths relative to it): for its listing (./output-listing.ts). */
export interface Overlaid {
  removed: string[];
  placed: string[];
}

/**
 * Stylesheets stay unless a staged one replaces them: kept pages link them, and a build that
 * renders none of the pages that import them (every listing kept, no report page rendered) stages
 * none. Under the same code a stylesheet's name is its content's (astro.config.mjs), so one that
 * is staged again has the same name.
 */
const STYLESHEET = /^_astro\/[^/]+\.css$/;

export function overlayOutput(outDir: string, staging: string, record: PagesRecord, placedLater: readonly string[] = [], filesPlacedLater: ReadonlySet<string> = new Set()): Overlaid {
  const rendered = record.render ? new Set(record.render) : null;
  const kept = (id: string | null) => id !== null && rendered !== null && id in record.pages && !rendered.has(id);
  // A kept page's file that Astro staged anyway (the placeholder of a kept page or endpoint, see
  // src/node/build/vite-keep-pages.ts) does not replace the previous build's.
  const staged = filesUnder(staging).filter((f) => !kept(pageOfOutput(f)) && !filesPlacedLater.has(f));
  // The folders staged files go into (and their parents): kept even while empty.
  const filled = new Set<string>();
  for (const f of staged) for (let d = dirname(join(outDir, f)); d.startsWith(outDir) && !filled.has(d); d = dirname(d)) filled.add(d);
  const emptied = new Set<string>();
  const removed: string[] = [];
  const clear = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!(rel === '' && placedLater.includes(e.name)) && !kept(pageOfOutput(`${r}/`))) clear(path, r);
      } else if (!kept(pageOfOutput(r)) && !STYLESHEET.test(r) && !filesPlacedLater.has(r)) {
        rmSync(path);
        removed.push(r);
        emptied.add(dir);
      }
    }
  };
  if (existsSync(outDir)) clear(outDir, '');
  // Deepest first, so a folder emptied only of folders goes too.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) removeIfEmpty(outDir, dir, filled);
  const made = new Set<string>();
  for (const f of staged) {
    const dir = dirname(join(outDir, f));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    renameSync(join(staging, f), join(outDir, f));
  }
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return { removed, placed: staged };
}
