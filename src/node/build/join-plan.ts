/**
 * How a download is written when the last build's file of it is in the output as that build left
 * it (a partial build): its recipe is compared part by part with the last build's
 * (src/site/data/join-recipe.ts). A part with the same range in the report store holds the same
 * bytes: a pack is never changed once written, and a new pack never takes an old one's name
 * (src/loader/report-store.ts).
 *  - patch: no part came or went, and every changed part takes as many bytes with its padding as
 *    before. Only those parts are written, in place in the last file. The 4 KiB slots of
 *    reports.json make this the rule for it: 40 KB written instead of 2 GB at 50,000 reports.
 *  - pieces: the file is made again, its unchanged runs copied from the last file in a few long
 *    reads. For reports.csv, whose 50,000 rows read one by one from the store took 0.4 s of
 *    calls into the kernel.
 *  - whole: part by part from the store (no last recipe, another joint, nothing in common).
 * A last file whose size is not what its recipe gives is not taken from (whole). Pure: the
 * caller says what it found of the last file (LastJoin) and reads the bytes.
 */
import type { ByteRange } from '../byte-range.ts';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { slotLength, slotPadding } from '../../site/data/joined-bytes.ts';

/** Bytes given as they are, or a range of a file (the last build's join, or a part in the store). */
export type JoinPiece = { bytes: Uint8Array } | { range: ByteRange };

/** A part written at `at` in the last file, followed by its padding. */
export interface JoinWrite {
  at: number;
  part: ByteRange;
}

export type JoinPlan = { how: 'whole' } | { how: 'patch'; writes: JoinWrite[] } | { how: 'pieces'; pieces: JoinPiece[]; fresh: number };

/** Where each part's bytes start in the joined file, how many bytes it takes with its padding, and the file's size. */
export interface JoinLayout {
  starts: number[];
  slots: number[];
  size: number;
}

const utf8 = new TextEncoder();

export function joinLayout(recipe: JoinRecipe): JoinLayout {
  const separator = utf8.encode(recipe.separator).length;
  const starts: number[] = [];
  const slots: number[] = [];
  let at = utf8.encode(recipe.head).length;
  recipe.parts.forEach((part, k) => {
    if (k > 0) at += separator;
    starts.push(at);
    slots.push(slotLength(part.length, recipe.slot));
    at += slots[k]!;
  });
  return { starts, slots, size: at + utf8.encode(recipe.tail).length };
}

const sameRange = (a: ByteRange, b: ByteRange) => a.offset === b.offset && a.length === b.length && a.file === b.file;
const sameJoint = (a: JoinRecipe, b: JoinRecipe) => a.out === b.out && a.head === b.head && a.separator === b.separator && a.tail === b.tail && (a.slot ?? 0) === (b.slot ?? 0);
const rangeKey = (r: ByteRange) => `${r.file}\u0000${r.offset}\u0000${r.length}`;

/** The last build's join of a download as it is now: its path, its size, and whether it may be written in place (no other name shares its bytes). */
export interface LastJoin {
  path: string;
  size: number;
  inPlace: boolean;
}

/** How to write `recipe` given the last build's recipe of the same download and its file as found. */
export function planJoin(recipe: JoinRecipe, last: JoinRecipe | undefined, file: LastJoin): JoinPlan {
  if (!last || !sameJoint(recipe, last)) return { how: 'whole' };
  const layout = joinLayout(last);
  // Not the file its recipe gives (changed since): nothing is taken from it.
  if (layout.size !== file.size) return { how: 'whole' };
  if (file.inPlace && recipe.parts.length === last.parts.length) {
    const writes: JoinWrite[] = [];
    const fits = recipe.parts.every((part, k) => {
      if (sameRange(part, last.parts[k]!)) return true;
      writes.push({ at: layout.starts[k]!, part });
      return slotLength(part.length, recipe.slot) === layout.slots[k];
    });
    if (fits) return { how: 'patch', writes };
  }
  const lastAt = new Map(last.parts.map((part, j) => [rangeKey(part), j]));
  const separator = utf8.encode(recipe.separator);
  const pieces: JoinPiece[] = [{ bytes: utf8.encode(recipe.head) }];
  let fresh = 0;
  // The last build's part that the piece before ended with, to run on from it.
  let before = -2;
  recipe.parts.forEach((part, k) => {
    const j = lastAt.get(rangeKey(part));
    if (j !== undefined && k > 0 && j === before + 1) {
      // The separator and the part follow the last piece in the last file as they do here.
      const run = pieces.at(-1) as { range: ByteRange };
      run.range = { ...run.range, length: layout.starts[j]! + layout.slots[j]! - run.range.offset };
    } else {
      if (k > 0) pieces.push({ bytes: separator });
      if (j !== undefined) pieces.push({ range: { file: file.path, offset: layout.starts[j]!, length: layout.slots[j]! } });
      else {
        pieces.push({ range: part });
        if (recipe.slot) pieces.push({ bytes: slotPadding(part.length, recipe.slot) });
        fresh++;
      }
    }
    before = j ?? -2;
  });
  if (fresh === recipe.parts.length) return { how: 'whole' };
  pieces.push({ bytes: utf8.encode(recipe.tail) });
  return { how: 'pieces', pieces, fresh };
}
