/**
 * The digest of every file of the archive folder, read once per build: `npm run build` digests the
 * folder to tell whether anything changed (./build-inputs.ts), and the archive read then takes
 * each file's digest from here instead of reading and digesting it again (./read-archive.ts):
 * at 50,000 reports that second pass cost 1.1 s before Astro's loader could start.
 */
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { filesUnder } from './files-under.ts';
import type { FileDigest } from './read-archive.ts';
import { sha256 } from './read-report.ts';

/** Every file under `dir`, sidecars included, by its path inside it (see ArchiveDigests). */
export function archiveDigests(dir: string): Map<string, FileDigest> {
  const out = new Map<string, FileDigest>();
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(`${dir}${sep}${file}`);
    out.set(file, { sha256: sha256(bytes), size: bytes.length });
  }
  return out;
}
