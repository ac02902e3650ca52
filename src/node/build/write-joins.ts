/**
 * Writes the downloads whose endpoints left a recipe (src/site/data/join-recipe.ts) into the
 * folder Astro built: head, each part's bytes read from its file with the separator between
 * them, tail. Streamed a part at a time, so memory does not grow with the archive; written to a
 * temporary name and renamed over the placeholder Astro wrote.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRangeInto } from '../byte-range.ts';

const utf8 = new TextEncoder();

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export function writeJoin(outDir: string, recipe: JoinRecipe): void {
  const path = join(outDir, recipe.out);
  const tmp = `${path}.${process.pid}.tmp`;
  const out = openSync(tmp, 'w');
  const sources = new Map<string, number>();
  let written = false;
  try {
    const separator = utf8.encode(recipe.separator);
    writeAll(out, utf8.encode(recipe.head));
    let buffer = Buffer.allocUnsafe(1 << 16);
    recipe.parts.forEach((part, i) => {
      if (i > 0) writeAll(out, separator);
      let fd = sources.get(part.file);
      if (fd === undefined) sources.set(part.file, (fd = openSync(part.file, 'r')));
      if (buffer.length < part.length) buffer = Buffer.allocUnsafe(part.length);
      readByteRangeInto(fd, part, buffer);
      writeAll(out, buffer.subarray(0, part.length));
    });
    writeAll(out, utf8.encode(recipe.tail));
    written = true;
  } catch (err) {
    throw new Error(`无法生成 ${recipe.out}：${(err as Error).message}`);
  } finally {
    closeSync(out);
    for (const fd of sources.values()) closeSync(fd);
    if (!written) rmSync(tmp, { force: true });
  }
  renameSync(tmp, path);
}

export function writeJoins(outDir: string, recipes: readonly JoinRecipe[]): void {
  for (const recipe of recipes) writeJoin(outDir, recipe);
}
