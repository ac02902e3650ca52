/**
 * What a build's output depends on, as one digest, so `npm run build` can tell (with the output
 * folder's fingerprint, ./build/output-listing.ts) that nothing changed since the last build into
 * the same folder and skip Astro and the search index altogether (Astro itself re-renders every
 * page every time).
 *
 * The digest is deliberately coarse: every file of the archive folder (name and the digest of its
 * bytes, sidecars and stray files included), the registry, the project's own code and
 * configuration, the locked dependency versions and the environment settings the site reads.
 * Anything else that changes leads to a full build, never to a stale page.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { archiveDigests, packMemo, unpackMemo, type DigestMemo } from './archive-digests.ts';
import { perArchiveFile, registryFile, reportsDir } from './archive-paths.ts';
import { filesUnder } from './files-under.ts';
import type { ArchiveDigests } from './read-archive.ts';
import { writeWhole } from './write-whole.ts';

/** The environment the site and the loader read (src/site/settings.ts, archive-paths.ts, the loader). */
export const BUILD_ENV = ['SITE_URL', 'BASE_PATH', 'SITE_TITLE', 'PORTAL_NAME', 'PORTAL_URL', 'STRICT', 'REPORTS_DIR', 'AGENCIES_FILE', 'OUT_DIR'] as const;

/** The project's own files that shape the output (relative to the project root; folders are walked). */
export const PROJECT_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.ts'] as const;

/** Names and bytes of a file, or of every file of a folder (a missing one counts as missing). */
function hashPath(h: Hash, label: string, path: string): void {
  h.update(`\u0000${label}\u0000`);
  if (!existsSync(path)) {
    h.update('missing');
    return;
  }
  if (!statSync(path).isDirectory()) {
    h.update(readFileSync(path));
    return;
  }
  for (const file of filesUnder(path)) {
    h.update(`\u0000${file}\u0000`);
    h.update(readFileSync(join(path, file)));
  }
}

export interface BuildInputs {
  digest: string;
  /** The digest of the archive folder and registry alone, and of the code and settings alone. */
  archive: string;
  code: string;
  /** Each file of the archive folder, digested for this (for the archive read to take, not to read again). */
  files: ArchiveDigests;
}

/** The archive folder's digests as the last build took them (kept in `file`, see packMemo), or null. */
function readMemo(file: string): DigestMemo | null {
  try {
    return unpackMemo(deserialize(readFileSync(file)));
  } catch {
    return null;
  }
}

/**
 * `memoDir`: where the archive's digests are kept from one build to the next, so that unchanged
 * files are not read again (./archive-digests.ts); without it every file is read. `keepLater`:
 * given, the digests are kept by the write handed to it, which the caller runs when it has the
 * time (the build starts Astro first: at 50,000 reports the write is 0.1 s), else now.
 */
export function buildInputs(root: string, env: NodeJS.ProcessEnv = process.env, memoDir?: string, keepLater?: (write: () => void) => void): BuildInputs {
  const code = createHash('sha256');
  for (const name of BUILD_ENV) code.update(`${name}=${env[name] ?? ''}\u0000`);
  for (const p of PROJECT_INPUTS) hashPath(code, p, join(root, p));
  const archive = createHash('sha256');
  const dir = reportsDir(env);
  const registry = registryFile(env);
  archive.update(`${dir}\u0000${registry}`);
  archive.update(existsSync(dir) ? 'folder' : 'missing');
  const memoFile = memoDir ? perArchiveFile(memoDir, dir, 'v8') : null;
  const previous = memoFile ? readMemo(memoFile) : null;
  const { files, memo, read } = archiveDigests(dir, previous);
  if (memoFile && (read > 0 || files.size !== Object.keys(previous?.files ?? {}).length)) {
    const write = () => {
      writeWhole(memoFile, serialize(packMemo(memo)));
      // The JSON memo earlier versions kept.
      rmSync(memoFile.replace(/\.v8$/, '.json'), { force: true });
    };
    if (keepLater) keepLater(write);
    else write();
  }
  for (const [file, { sha256 }] of files) archive.update(`\u0000${file}\u0000${sha256}`);
  hashPath(archive, 'registry', registry);
  const a = archive.digest('hex');
  const c = code.digest('hex');
  return { digest: createHash('sha256').update(`${a}\u0000${c}`).digest('hex'), archive: a, code: c, files };
}
