/**
 * Early joins: a partial build begins the archive-wide downloads (/data/reports.json, .csv) as soon
 * as it has handed its snapshot to Astro, instead of when Astro's loader has stored the reports and
 * recorded their recipes (src/site/data/record-downloads.ts). At 50,000 reports reports.json is
 * about 2 GB, and writing it after the recipes was the end of a one-report rebuild.
 *
 * An early join takes every unchanged report's bytes from the download the last build left in the
 * output (where each one is follows from that build's recipes, kept as its "layouts") and the
 * changed reports' bytes from their Reports, made as the loader makes them (src/loader/stored-report.ts).
 * It is only a guess until Astro's recipe comes: `sameJoin` then checks that the recipe names, for
 * every kept report, the same stored bytes as the last build's recipe (the report store's packs
 * are never changed once written, and the output was checked to be as that build left it), and for
 * every changed report bytes equal to the guess. Otherwise the early join is dropped and the
 * recipe joined as before (src/node/build/write-joins.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJoins, type JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRange, type ByteRange } from '../byte-range.ts';
import { writeWhole } from '../write-whole.ts';

const VERSION = 1;
/** Unchanged reports next to each other in the last file are read as one part of at most this many bytes (the join's buffer). */
export const RUN_BYTES = 1 << 20;

export interface EarlyJoin {
  /** What the joins' thread writes: runs of the last build's file and the changed reports' bytes. */
  recipe: JoinRecipe;
  /** The reports joined, in order. */
  ids: string[];
  /** Per report: the stored range Astro's recipe must name (kept from the last build), or the bytes it must hold (changed). */
  expect: (ByteRange | Uint8Array)[];
}

/** The changed and new reports' bytes, per download (its `out`) and report id. */
export type FreshBytes = ReadonlyMap<string, ReadonlyMap<string, Uint8Array>>;

/** Where the layouts of the build recorded in `stampFile` (src/node/build/build-stamp.ts) are kept. */
export function joinLayoutsFile(stampFile: string): string {
  return stampFile.replace(/\.json$/, '') + '.joins.jsonl';
}

/**
 * Keeps this build's recipes (the lines Astro recorded) for the next build, tied to the output's
 * fingerprint: they describe the downloads of that output and no other.
 */
export function keepJoinLayouts(file: string, output: string, recipeLines: string): void {
  writeWhole(file, `${JSON.stringify({ version: VERSION, output })}\n${recipeLines}`);
}

/** The layouts kept for the output whose fingerprint is `output`, or null (none, another output, unreadable). */
export function readJoinLayouts(file: string, output: string): JoinRecipe[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const end = text.indexOf('\n');
  if (end < 0) return null;
  try {
    const head = JSON.parse(text.slice(0, end)) as { version?: unknown; output?: unknown };
    if (head.version !== VERSION || head.output !== output) return null;
    return parseJoins(text.slice(end + 1));
  } catch {
    return null;
  }
}

const byteLength = (text: string) => Buffer.byteLength(text);

/**
 * The early joins of the downloads `layouts` describe, for the reports `ids` (in id order), or null
 * when they cannot be made: a layout without ids, a download in the output whose size is not the
 * layout's, or a report neither in the last file nor among the fresh ones. The fresh bytes are
 * written to `freshFile`, which the joins read.
 */
export function earlyJoins(layouts: readonly JoinRecipe[], outDir: string, ids: readonly string[], fresh: FreshBytes, freshFile: string): EarlyJoin[] | null {
  const freshParts: Uint8Array[] = [];
  let freshAt = 0;
  const joins: EarlyJoin[] = [];
  for (const layout of layouts) {
    const lastIds = layout.ids;
    const freshHere = fresh.get(layout.out);
    if (!lastIds || lastIds.length !== layout.parts.length || !freshHere) return null;
    const lastFile = join(outDir, layout.out);
    const separator = byteLength(layout.separator);
    // Where each report's bytes are in the last file.
    const offsets = new Map<string, number>();
    let at = byteLength(layout.head);
    lastIds.forEach((id, i) => {
      if (i > 0) at += separator;
      offsets.set(id, at);
      at += layout.parts[i]!.length;
    });
    at += byteLength(layout.tail);
    if (statSync(lastFile, { throwIfNoEntry: false })?.size !== at) return null;
    const lastIndex = new Map(lastIds.map((id, i) => [id, i]));

    const parts: ByteRange[] = [];
    const expect: (ByteRange | Uint8Array)[] = [];
    // The last part, when it is a run of the last file ending with report `runEnd` of it.
    let runEnd = -2;
    for (const id of ids) {
      const bytes = freshHere.get(id);
      if (bytes) {
        parts.push({ file: freshFile, offset: freshAt, length: bytes.length });
        freshParts.push(bytes);
        freshAt += bytes.length;
        expect.push(bytes);
        runEnd = -2;
        continue;
      }
      const i = lastIndex.get(id);
      if (i === undefined) return null;
      const length = layout.parts[i]!.length;
      const run = parts[parts.length - 1];
      // Next to the run in the last file, separator included, and the run still fits the join's buffer.
      if (run && runEnd === i - 1 && run.length + separator + length <= RUN_BYTES) run.length += separator + length;
      else parts.push({ file: lastFile, offset: offsets.get(id)!, length });
      runEnd = i;
      expect.push(layout.parts[i]!);
    }
    joins.push({ recipe: { out: layout.out, head: layout.head, separator: layout.separator, tail: layout.tail, parts }, ids: [...ids], expect });
  }
  writeFileSync(freshFile, Buffer.concat(freshParts));
  return joins;
}

/**
 * Whether the early join gives what Astro's recipe gives: the same download and reports, each kept
 * report named at the same stored bytes as in the last build, each fresh one holding the same bytes.
 */
export function sameJoin(early: EarlyJoin, recorded: JoinRecipe, read: (range: ByteRange) => Uint8Array = readByteRange): boolean {
  const guess = early.recipe;
  if (recorded.out !== guess.out || recorded.head !== guess.head || recorded.separator !== guess.separator || recorded.tail !== guess.tail) return false;
  const ids = recorded.ids;
  if (!ids || ids.length !== early.ids.length || recorded.parts.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== early.ids[i]) return false;
    const want = early.expect[i]!;
    const part = recorded.parts[i]!;
    if (want instanceof Uint8Array) {
      if (part.length !== want.length || Buffer.compare(read(part), want) !== 0) return false;
    } else if (part.file !== want.file || part.offset !== want.offset || part.length !== want.length) return false;
  }
  return true;
}
