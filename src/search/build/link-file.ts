/**
 * Puts a cached file at another path without copying its bytes: a hard link where the file
 * system allows (the index is thousands of small files), a copy where it does not (another
 * device, no hard links). A missing source fails either way.
 */
import { copyFileSync, linkSync } from 'node:fs';

export function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
