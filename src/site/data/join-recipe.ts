/**
 * The archive-wide downloads (/data/reports.json, /data/reports.csv) are joined from the report
 * store's bytes. Astro holds an endpoint's whole body in memory before writing it: at 10,000
 * reports reports.json is ~390 MB and cost 3 s of every build, at 50,000 ~2 GB. So under
 * `npm run build` (which sets XXGK_JOINS_FILE) each download's recipe, where each part's bytes
 * are, is recorded once Astro's content sync has stored the reports (./record-downloads.ts), the
 * endpoints answer with a placeholder, and the build streams the files into the output while
 * Astro bundles and renders and puts them in place after (src/node/build/write-joins.ts).
 * `astro dev` and `astro build` on their own join in the endpoints as before.
 */
import { appendFileSync } from 'node:fs';
import type { ByteRange } from '../../node/byte-range.ts';
import type { Joint } from './joined-bytes.ts';

export interface JoinRecipe extends Joint {
  /** The file in the output folder, e.g. data/reports.json. */
  out: string;
  parts: ByteRange[];
}

/** Where this build's endpoints leave their recipes, or null: they join the bytes themselves. */
export function joinsFile(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.XXGK_JOINS_FILE || null;
}

/**
 * A recipe as one line: each file named once, the parts as numbers (file, offset, length, …).
 * Written out whole, the 10,000 parts of reports.json named their pack's path each time (1.2 MB
 * a recipe to write in Astro and to read in the build).
 */
interface RecipeLine extends Joint {
  out: string;
  files: string[];
  parts: number[];
}

/** One recipe per line, appended (the build takes whole lines as they come). */
export function recordJoin(file: string, recipe: JoinRecipe): void {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const parts: number[] = [];
  for (const part of recipe.parts) {
    let i = fileIndex.get(part.file);
    if (i === undefined) fileIndex.set(part.file, (i = files.push(part.file) - 1));
    parts.push(i, part.offset, part.length);
  }
  const line: RecipeLine = { out: recipe.out, head: recipe.head, separator: recipe.separator, tail: recipe.tail, ...(recipe.slot ? { slot: recipe.slot } : {}), files, parts };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** The recipes of whole lines of that file (src/node/build/write-joins.ts reads them as they are appended). */
export function parseJoins(lines: string): JoinRecipe[] {
  return lines
    .split('\n')
    .filter((line) => line !== '')
    .map((text) => {
      const { files, parts, ...joint } = JSON.parse(text) as RecipeLine;
      const ranges: ByteRange[] = [];
      for (let k = 0; k < parts.length; k += 3) ranges.push({ file: files[parts[k]!]!, offset: parts[k + 1]!, length: parts[k + 2]! });
      return { ...joint, parts: ranges };
    });
}
