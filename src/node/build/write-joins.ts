/**
 * Writes the downloads whose endpoints left a recipe (src/site/data/join-recipe.ts) into the
 * folder Astro built: head, each part's bytes read from its file with the separator between
 * them, tail. Streamed a part at a time, so memory does not grow with the archive; written to a
 * temporary name and renamed over the placeholder Astro wrote.
 */
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseJoins, type JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRange, readByteRangeInto } from '../byte-range.ts';

const utf8 = new TextEncoder();

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * Bytes gathered in a buffer and written a megabyte at a time: reports.json is one write per part
 * and separator otherwise (30,000 calls into the kernel at 10,000 reports, in every build).
 */
class BufferedOut {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(fd: number) {
    this.fd = fd;
  }

  /** Room for `length` more bytes, written out first when the buffer is too full; returns where they go. */
  reserve(length: number): Uint8Array {
    if (this.used + length > this.buffer.length) this.flush();
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
    const room = this.buffer.subarray(this.used, this.used + length);
    this.used += length;
    return room;
  }

  add(bytes: Uint8Array): void {
    this.reserve(bytes.length).set(bytes);
  }

  flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** The join, beside the file it replaces; returns where it is written. */
function writeJoinBeside(outDir: string, recipe: JoinRecipe): { tmp: string; path: string; out: string } {
  const path = join(outDir, recipe.out);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  const sources = new Map<string, number>();
  let written = false;
  try {
    const out = new BufferedOut(fd);
    const separator = utf8.encode(recipe.separator);
    out.add(utf8.encode(recipe.head));
    recipe.parts.forEach((part, i) => {
      if (i > 0) out.add(separator);
      let source = sources.get(part.file);
      if (source === undefined) sources.set(part.file, (source = openSync(part.file, 'r')));
      readByteRangeInto(source, part, out.reserve(part.length));
    });
    out.add(utf8.encode(recipe.tail));
    out.flush();
    written = true;
  } catch (err) {
    throw new Error(`无法生成 ${recipe.out}：${(err as Error).message}`);
  } finally {
    closeSync(fd);
    for (const source of sources.values()) closeSync(source);
    if (!written) rmSync(tmp, { force: true });
  }
  return { tmp, path, out: recipe.out };
}

/**
 * The joins written while Astro still renders: an endpoint records its recipe when it renders,
 * early in Astro's render, and `poll` writes each join recorded since the last call beside its
 * place. Astro writes the endpoint's placeholder only after the endpoint returns, so the joins
 * are renamed over the placeholders by `finish`, once Astro has ended. At 10,000 reports the
 * joins (about 400 MB) took 0.45 s after Astro in every build, also when one report changed.
 */
export class JoinsAlongside {
  private readonly written: { tmp: string; path: string; out: string }[] = [];
  /** Bytes of the recipes file taken (whole lines only: a line being appended is taken next time). */
  private taken = 0;
  /** Why a join failed: kept, not thrown from a timer while Astro runs, and thrown by `finish`. */
  private failed: unknown = null;
  /** Milliseconds spent on the joins. */
  ms = 0;
  /** The files put in place by `finish` (relative to the output folder). */
  readonly placed: string[] = [];

  private readonly recipesFile: string;
  private readonly outDir: string;

  constructor(recipesFile: string, outDir: string) {
    this.recipesFile = recipesFile;
    this.outDir = outDir;
  }

  /** Writes the joins recorded since the last call. */
  poll(): void {
    if (this.failed) return;
    const started = performance.now();
    try {
      for (const recipe of this.newRecipes()) this.written.push(writeJoinBeside(this.outDir, recipe));
    } catch (err) {
      this.failed = err;
    }
    this.ms += performance.now() - started;
  }

  /** After Astro ended well: the rest written, and every join renamed over its placeholder (or, when one failed, none and why). */
  finish(): void {
    this.poll();
    if (this.failed) {
      this.discard();
      throw this.failed;
    }
    const started = performance.now();
    // The placeholder goes first: renaming over an existing file makes ext4 write the new one out
    // before the rename returns (auto_da_alloc), 0.28 s for the 390 MB reports.json at 10,000.
    for (const { tmp, path, out } of this.written.splice(0)) {
      rmSync(path, { force: true });
      renameSync(tmp, path);
      this.placed.push(out);
    }
    this.ms += performance.now() - started;
  }

  /** After Astro failed: nothing is left behind. */
  discard(): void {
    for (const { tmp } of this.written.splice(0)) rmSync(tmp, { force: true });
  }

  /**
   * Only what was appended since the last call is read: the recipes of 50,000 reports are about
   * 6 MB, and a clean build renders for minutes, polled 20 times a second.
   */
  private newRecipes(): JoinRecipe[] {
    const size = statSync(this.recipesFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size <= this.taken) return [];
    const fresh = readByteRange({ file: this.recipesFile, offset: this.taken, length: size - this.taken });
    const end = fresh.lastIndexOf(0x0a) + 1;
    this.taken += end;
    return parseJoins(fresh.toString('utf8', 0, end));
  }
}
