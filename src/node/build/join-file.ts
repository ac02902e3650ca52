/**
 * One download joined from its recipe (src/site/data/join-recipe.ts) into a file: head, each
 * part's bytes read from its file with the separator between them, tail. Streamed through a
 * buffer, so memory does not grow with the archive.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRangeInto } from '../byte-range.ts';

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

/** Writes the join into `path`; on failure nothing is left there and the error names the download. */
export function writeJoinFile(recipe: JoinRecipe, path: string): void {
  const fd = openSync(path, 'w');
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
    if (!written) rmSync(path, { force: true });
  }
}
