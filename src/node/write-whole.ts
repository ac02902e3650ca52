/**
 * Writes a file whole or not at all: to a temporary name, then renamed over. A build killed
 * mid-write, or a reader waiting for the file (src/loader/snapshot-handoff.ts), never sees half
 * of it. Used for the snapshot hand-off and (on libuv's threads) the parse cache.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function writeWhole(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
  } catch (err) {
    // The folder is made only when missing: a mkdir before each of 10,000 writes costs a system call each.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
  }
  renameSync(tmp, path);
}

/** Tells apart the temporary names of writes under way at once. */
let soon = 0;

/** The same on libuv's threads, beside whatever this thread does meanwhile. */
export async function writeWholeSoon(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${++soon}.tmp`;
  try {
    await writeFile(tmp, data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
  }
  await rename(tmp, path);
}
