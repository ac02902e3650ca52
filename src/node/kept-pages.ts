/**
 * The report pages' digests as the last build took them (KeptPage, src/loader/page-digests.ts),
 * kept for the next build in one file per archive folder: a one-report rebuild then serialises
 * and hashes that report's summary, not all of them.
 *
 * Tied to the code that took them (the build's code digest, src/node/build-inputs.ts): a summary
 * is made by code outside the parser, which the digest keys do not name. It is a cache: a file
 * that cannot be read, of another version or of other code, is an empty one.
 *
 * The entries a build took afresh go into a second, small file beside it (`.add.v8`), as the
 * briefs' do (src/node/brief-pack.ts): at 50,000 reports the whole file is 26 MB, and making,
 * serialising and writing it after one report changed took 0.15 s of the build's main thread at
 * its end. It is written whole again once the additions pass a twentieth of the archive. An entry
 * names the digest key it was taken for, and digestPages uses it only for that key (and its page's
 * digest only for the same group and problems), so an entry left over is never wrong, only unused.
 *
 * Written with V8's serializer: at 50,000 reports read and deserialised in 40–60 ms.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DigestedPages, KeptPage, KeptPages } from '../loader/page-digests.ts';
import { perArchiveFile } from './archive-paths.ts';
import { additionsFile } from './brief-pack.ts';
import { looseBound } from './loose-bound.ts';
import { writeWholeSoon } from './write-whole.ts';

/** Bumped when KeptPage's shape or what its digests cover changes. */
const VERSION = 3;

interface KeptFile {
  version: number;
  code: string;
  pages: KeptPages;
}

/** The pages as read: every entry, and of them those from the additions' file (null: there was no whole file). */
export interface KeptRead {
  pages: KeptPages;
  added: KeptPages | null;
}

/** Where the kept pages of the archive folder `dir` live under the build's cache folder (the build passes the folder with its output: see scripts/build.ts). */
export function keptPagesFile(cacheDir: string, dir: string): string {
  return perArchiveFile(join(cacheDir, 'kept-pages'), dir, 'v8');
}

/** The file of the entries added since the whole file was written. */
export const keptAdditionsFile = additionsFile;

async function readKept(file: string, code: string): Promise<Map<string, KeptPage> | null> {
  try {
    const kept = deserialize(await readFile(file)) as Partial<KeptFile>;
    return kept.version === VERSION && kept.code === code && kept.pages instanceof Map ? (kept.pages as Map<string, KeptPage>) : null;
  } catch {
    return null;
  }
}

/** The pages kept by a build of the same code (none when there are none), with the additions over the whole file. Read on libuv's threads. */
export async function readKeptPages(file: string, code: string): Promise<KeptRead> {
  const [whole, added] = await Promise.all([readKept(file, code), readKept(keptAdditionsFile(file), code)]);
  if (!whole) return { pages: new Map(), added: null };
  for (const [id, page] of added ?? []) whole.set(id, page);
  return { pages: whole, added: added ?? new Map() };
}

/**
 * Keeps this build's entries (`digested`, taken given `last`): nothing is written when none
 * changed; the entries taken afresh join the additions while they stay within `loose`; otherwise
 * (and when there is no whole file) every entry is written whole and the additions go. Each file
 * is written whole or not at all.
 */
export async function keepPages(file: string, code: string, digested: Pick<DigestedPages, 'changed' | 'size' | 'kept' | 'fresh'>, last: KeptRead, loose = looseBound(digested.size)): Promise<void> {
  if (!digested.changed) return;
  const additions = new Map([...(last.added ?? []), ...digested.fresh()]);
  if (last.added && additions.size <= loose) {
    await writeWholeSoon(keptAdditionsFile(file), serialize({ version: VERSION, code, pages: additions } satisfies KeptFile));
    return;
  }
  // Every entry, made only now: at 50,000 reports a map of 50,000 entries.
  await writeWholeSoon(file, serialize({ version: VERSION, code, pages: digested.kept() } satisfies KeptFile));
  await rm(keptAdditionsFile(file), { force: true });
}
