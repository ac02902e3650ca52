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
 *
 * Given the last build's record of the output's pages (`previous`, from its stamp), the report
 * pages' folders (reports/, data/reports/: 30,000 entries at 10,000 reports, all of them a
 * report's) are not even listed: only the pages rendered again or gone are looked up in them.
 * Listing them was most of the 65–80 ms this took after a one-report rebuild, which waits for it.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { kindOfPage, pageOfOutput, type PagesRecord } from '../../loader/page-digests.ts';
import { filesUnder } from '../files-under.ts';

/** Removes `dir` and then its parents, up to `root` or a folder in `keep` (neither removed), while they are empty. */
function removeIfEmpty(root: string, dir: string, keep: ReadonlySet<string>): void {
  for (let d = dir; d !== root && d.startsWith(root) && !keep.has(d) && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
}

/** Of `names`, those in `dir`, as readdir's entries would give them. */
function present(dir: string, names: readonly string[]): { name: string; isDirectory: () => boolean }[] {
  return names.flatMap((name) => {
    const s = lstatSync(join(dir, name), { throwIfNoEntry: false });
    return s ? [{ name, isDirectory: () => s.isDirectory() }] : [];
  });
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

/** The report and file pages whose files go: those rendered again and those of the last build that are gone. */
function reportPagesGoing(record: PagesRecord, rendered: ReadonlySet<string>, previous: Readonly<Record<string, string>>): string[] {
  const going = [...rendered, ...Object.keys(previous).filter((id) => !(id in record.pages))];
  return [...new Set(going)].filter((id) => kindOfPage(id) === 'report');
}

/** Where a report page's files are, by folder: its own folder, and its data files. */
const REPORT_FOLDERS = new Map<string, (id: string) => string[]>([
  ['reports', (id) => [id]],
  ['data/reports', (id) => [`${id}.json`, `${id}.csv`]],
]);

export function overlayOutput(outDir: string, staging: string, record: PagesRecord, placedLater: readonly string[] = [], filesPlacedLater: ReadonlySet<string> = new Set(), previous: Readonly<Record<string, string>> | null = null): Overlaid {
  const rendered = record.render ? new Set(record.render) : null;
  const kept = (id: string | null) => id !== null && rendered !== null && id in record.pages && !rendered.has(id);
  const going = rendered && previous ? reportPagesGoing(record, rendered, previous) : null;
  // A kept page's file that Astro staged anyway (the placeholder of a kept page or endpoint, see
  // src/node/build/vite-keep-pages.ts) does not replace the previous build's.
  const staged = filesUnder(staging).filter((f) => !kept(pageOfOutput(f)) && !filesPlacedLater.has(f));
  // The folders staged files go into (and their parents): kept even while empty.
  const filled = new Set<string>();
  for (const f of staged) for (let d = dirname(join(outDir, f)); d.startsWith(outDir) && !filled.has(d); d = dirname(d)) filled.add(d);
  const emptied = new Set<string>();
  const removed: string[] = [];
  const clear = (dir: string, rel: string) => {
    const ofPages = going && REPORT_FOLDERS.get(rel);
    const names = ofPages ? going.flatMap(ofPages) : null;
    for (const e of names ? present(dir, names) : readdirSync(dir, { withFileTypes: true })) {
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
