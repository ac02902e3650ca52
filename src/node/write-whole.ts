/**
 * Writes a file whole or not at all: to a temporary name, then renamed over. A build killed
 * mid-write, or a reader waiting for the file (src/loader/snapshot-handoff.ts), never sees half
 * of it. Used for the parse cache, the report store and the snapshot hand-off.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeWhole(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
