/**
 * One download joined from its recipe (src/site/data/join-recipe.ts) into a file: head, each
 * part's bytes read from its file with the separator between them, tail. Streamed through a few
 * buffers, so memory does not grow with the archive, and past the page cache (./direct-out.ts).
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { DirectOut } from './direct-out.ts';

const utf8 = new TextEncoder();

/** Writes the join into `path`; on failure nothing is left there and the error names the download. */
export async function writeJoinFile(recipe: JoinRecipe, path: string): Promise<void> {
  const sources = new Map<string, number>();
  let out: DirectOut | null = null;
  let written = false;
  try {
    // Inside the try: a failure to create the file names the download too.
    const file = (out = new DirectOut(path));
    const separator = utf8.encode(recipe.separator);
    await file.add(utf8.encode(recipe.head));
    for (const [i, part] of recipe.parts.entries()) {
      if (i > 0) await file.add(separator);
      let source = sources.get(part.file);
      if (source === undefined) sources.set(part.file, (source = openSync(part.file, 'r')));
      await file.copy(source, part);
    }
    await file.add(utf8.encode(recipe.tail));
    await file.close();
    written = true;
  } catch (err) {
    throw new Error(`无法生成 ${recipe.out}：${(err as Error).message}`);
  } finally {
    await out?.discard();
    for (const source of sources.values()) closeSync(source);
    if (!written) rmSync(path, { force: true });
  }
}
