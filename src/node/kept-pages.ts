/**
 * The report pages' digests as the last build took them (KeptPage, src/loader/page-digests.ts),
 * kept for the next build in one file per archive folder: a one-report rebuild then serialises
 * and hashes that report's summary, not all of them.
 *
 * Tied to the code that took them (the build's code digest, src/node/build-inputs.ts): a summary
 * is made by code outside the parser, which the digest keys do not name. It is a cache: a file
 * that cannot be read, of another version or of other code, is an empty one.
 *
 * Written with V8's serializer, as the briefs are (src/node/brief-pack.ts): at 50,000 reports
 * about 25 MB, read and deserialised in 40–60 ms.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { KeptPages } from '../loader/page-digests.ts';
import { perArchiveFile } from './archive-paths.ts';
import { writeWholeSoon } from './write-whole.ts';

/** Bumped when KeptPage's shape or what its digests cover changes. */
const VERSION = 1;

interface KeptFile {
  version: number;
  code: string;
  pages: KeptPages;
}

/** Where the kept pages of the archive folder `dir` live under the build's cache folder. */
export function keptPagesFile(cacheDir: string, dir: string): string {
  return perArchiveFile(join(cacheDir, 'kept-pages'), dir, 'v8');
}

/** The pages kept by a build of the same code, or none. Read on libuv's threads. */
export async function readKeptPages(file: string, code: string): Promise<KeptPages> {
  try {
    const kept = deserialize(await readFile(file)) as Partial<KeptFile>;
    return kept.version === VERSION && kept.code === code && kept.pages instanceof Map ? kept.pages : new Map();
  } catch {
    return new Map();
  }
}

/** Written whole or not at all. */
export async function writeKeptPages(file: string, code: string, pages: KeptPages): Promise<void> {
  await writeWholeSoon(file, serialize({ version: VERSION, code, pages } satisfies KeptFile));
}
