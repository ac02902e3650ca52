/**
 * The files beside each report's page: /data/reports/<id>.json and .csv (its stored bytes) and
 * its original (reports/<id>/<name>, the archive file byte for byte). Each is a route of its own
 * in Astro, and at 1,000 reports they took more than a third of Astro's rendering (summing its
 * per-route times: JSON and CSV 28 %, originals 9 %). Under `npm run build` their endpoints
 * leave recipes instead (./join-recipe.ts), and the build writes the files from the same bytes
 * while Astro renders the pages (src/node/build/write-joins.ts). `astro dev` and `astro build` on
 * their own render them as before, from the same description.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportPaths } from '../../core/export/paths.ts';
import type { Report } from '../../core/model/report.ts';
import type { ByteRange } from '../../node/byte-range.ts';
import type { ArchiveIndex, ReportEntry } from '../archive-index.ts';
import { rendersPage } from '../render-only.ts';
import { csvHead } from './csv.ts';
import type { JoinRecipe } from './join-recipe.ts';
import type { Joint } from './joined-bytes.ts';

/** What a report's JSON and CSV file are: its stored bytes between a head and a tail. */
export function dataFileJoint(format: 'json' | 'csv'): Joint {
  return format === 'json' ? { head: '', separator: '', tail: '\n' } : { head: csvHead(), separator: '', tail: '' };
}

export const dataFileRange = (entry: ReportEntry, format: 'json' | 'csv'): ByteRange => (format === 'json' ? entry.jsonAt : entry.csvAt);

/** Each original to publish in this build: its page id, its file name beside the page, where the archive holds it. */
export function originals(index: ArchiveIndex): { id: string; name: string; filePath: string }[] {
  const out: { id: string; name: string; filePath: string }[] = [];
  const add = (id: string, format: Report['source']['format'], file: string, filePath: string) => {
    if (!rendersPage(id)) return;
    const original = reportPaths({ id, source: { file, format } as Report['source'] }).original;
    out.push({ id, name: original.split('/').pop()!, filePath });
  };
  for (const e of index.entries) add(e.id, e.listing.source.format, e.listing.source.file, e.filePath);
  for (const f of index.files) if (f.data.pageId && f.data.format) add(f.data.pageId, f.data.format, f.data.file, f.filePath);
  return out;
}

/** The recipes of this build's report data files (the pages rendered in it). */
export function dataFileRecipes(index: ArchiveIndex): JoinRecipe[] {
  return index.entries
    .filter((e) => rendersPage(e.id))
    .flatMap((e) => (['json', 'csv'] as const).map((format) => ({ out: `data/reports/${e.id}.${format}`, ...dataFileJoint(format), parts: [dataFileRange(e, format)], inPlace: true as const })));
}

/** The recipes of this build's originals. Paths in the index are relative to the project root, where the build runs. */
export function originalRecipes(index: ArchiveIndex): JoinRecipe[] {
  return originals(index).map(({ id, name, filePath }) => {
    const file = resolve(filePath);
    return { out: `reports/${id}/${name}`, head: '', separator: '', tail: '', parts: [{ file, offset: 0, length: statSync(file).size }], inPlace: true as const };
  });
}
