/**
 * The digest of every file of the archive folder, read once per build: `npm run build` digests the
 * folder to tell whether anything changed (./build-inputs.ts), and the archive read then takes
 * each file's digest from here instead of reading and digesting it again (./read-archive.ts):
 * at 50,000 reports that second pass cost 1.1 s before Astro's loader could start.
 *
 * Given the digests the last build took (`DigestMemo`), a file whose status is as it was then is
 * not read at all: reading and digesting the folder took 0.3 s of every build at 10,000 reports
 * (124 MB) and 1.6 s at 50,000 (6 s when the files were not in memory). Its status is its size,
 * inode, and modification and change times. The change time is set by the system on every write
 * (`cp -p`, `touch -d` and unpacking set only the modification time), so an edited file always
 * shows. A file changed less than a second before the digests were taken is read again next
 * time: timestamps are coarser than the clock (git's "racily clean" entries).
 */
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { filesUnder } from './files-under.ts';
import type { FileDigest } from './read-archive.ts';
import { linkDigest, sha256 } from './sha256.ts';

/** A file's digest with the status it had when read: [size, inode, mtimeMs, ctimeMs, sha256]. */
type Known = [number, number, number, number, string];

/** The digests of a folder as a build took them, kept for the next (see above). */
export interface DigestMemo {
  /** When they were taken (ms since the epoch). */
  takenAt: number;
  files: Record<string, Known>;
}

/**
 * A memo as kept in its file: columns, the four numbers of each file's status in one array. As
 * JSON, reading a memo of 50,000 files took 41–92 ms at the start of every build and writing it
 * 65–101 ms at the end of every build that read a file; so, 14–48 ms and 8–12 ms (a made-up
 * memo of that size, a busy machine).
 */
interface MemoColumns {
  form: 1;
  takenAt: number;
  files: string[];
  status: Float64Array;
  sha256: string[];
}

/** The memo in the form its file holds (see MemoColumns). */
export function packMemo(memo: DigestMemo): MemoColumns {
  const files = Object.keys(memo.files);
  const status = new Float64Array(files.length * 4);
  const sha256: string[] = [];
  files.forEach((file, i) => {
    const known = memo.files[file]!;
    status.set(known.slice(0, 4) as number[], i * 4);
    sha256.push(known[4]);
  });
  return { form: 1, takenAt: memo.takenAt, files, status, sha256 };
}

/** The memo from its file's form, or null for anything else (another version's file): every file is then read again. */
export function unpackMemo(value: unknown): DigestMemo | null {
  const c = value as Partial<MemoColumns> | null;
  if (c?.form !== 1 || typeof c.takenAt !== 'number' || !Array.isArray(c.files) || !Array.isArray(c.sha256) || !(c.status instanceof Float64Array)) return null;
  const { files, status, sha256 } = c as MemoColumns;
  if (status.length !== files.length * 4 || sha256.length !== files.length) return null;
  const memo: DigestMemo = { takenAt: c.takenAt, files: {} };
  for (let i = 0; i < files.length; i++) memo.files[files[i]!] = [status[i * 4]!, status[i * 4 + 1]!, status[i * 4 + 2]!, status[i * 4 + 3]!, sha256[i]!];
  return memo;
}

/** How near the time the digests were taken a file's change may be and its digest still be trusted. */
const RACY_MS = 1000;

export interface FolderDigests {
  files: Map<string, FileDigest>;
  /** What to keep for the next build. */
  memo: DigestMemo;
  /** Files read this time (the rest came from the memo). */
  read: number;
}

/**
 * One file's digest and its status for the memo, or null when the file is gone: deleted after the
 * folder was listed, it is not part of this build (the archive read, which lists the folder
 * afterwards, does not see it either), rather than an error that names nothing.
 */
export function digestFile(path: string, file: string, previous: DigestMemo | null): { digest: FileDigest; known: Known | null; read: boolean } | null {
  // Before the read: a file written after it then shows a status other than the one kept.
  // A link's: the file it points to.
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s?.isFile()) {
    // A pipe, socket or device itself (not a link to one), a problem file of the archive read: its kind.
    if (s && !s.isDirectory() && !isLink(path)) return { digest: { sha256: sha256(Buffer.from(`special\u0000${s.mode}`)), size: -1 }, known: null, read: false };
    // A link to a folder or to nothing, a problem file of the archive read: where it points is what changes.
    // Null: neither a file nor a link any more (the listing did not take a folder as a file).
    const target = unlessGone(() => readlinkSync(path));
    if (target === null) return null;
    return { digest: { sha256: linkDigest(target), size: -1 }, known: null, read: false };
  }
  const known = previous?.files[file];
  const same = known !== undefined && known[0] === s.size && known[1] === s.ino && known[2] === s.mtimeMs && known[3] === s.ctimeMs && s.ctimeMs < previous!.takenAt - RACY_MS;
  let digest: FileDigest;
  if (same) digest = { sha256: known[4], size: s.size };
  else {
    const bytes = unlessGone(() => readFileSync(path));
    if (bytes === null) return null;
    digest = { sha256: sha256(bytes), size: bytes.length };
  }
  return { digest, known: [s.size, s.ino, s.mtimeMs, s.ctimeMs, digest.sha256], read: !same };
}

function isLink(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}

/** What `read` gives, or null when the file it reads is no longer there (ENOENT); other errors stand. */
function unlessGone<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Every file under `dir`, sidecars included, by its path inside it (see ArchiveDigests). */
export function archiveDigests(dir: string, previous: DigestMemo | null = null): FolderDigests {
  const memo: DigestMemo = { takenAt: Date.now(), files: {} };
  const files = new Map<string, FileDigest>();
  let read = 0;
  // Links too: the archive read publishes a report reached through a symbolic link
  // (./read-archive.ts, listArchiveFiles), so an edit of the file it points to is a change.
  // And pipes, sockets, devices: the read names each as a problem file (./report-bytes.ts).
  for (const file of filesUnder(dir, { links: true, others: true })) {
    const found = digestFile(`${dir}${sep}${file}`, file, previous);
    if (!found) continue;
    files.set(file, found.digest);
    if (found.read) read++;
    // A link not to a file is digested by where it points, every time (nothing to read or keep).
    if (found.known) memo.files[file] = found.known;
  }
  return { files, memo, read };
}
