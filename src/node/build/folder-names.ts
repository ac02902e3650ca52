/**
 * The names in each folder of the output, as the last check of the output read them
 * (./output-listing.ts), with the folder's modification time then: kept from one build to the
 * next, so that a folder whose time has not changed is not read again. Adding, removing or
 * renaming an entry changes its folder's time; an edit in place changes only the file's own time,
 * which the check still takes of every file. At 50,000 reports the output has 52,000 folders and
 * reading each took 1.4 s of the check's 3 s.
 *
 * A folder changed within the last seconds is not kept: the clock that stamps folders moves in
 * ticks, and a change in the same tick as the last one would leave its time as it was.
 *
 * A cache: a file that cannot be read is no names at all (every folder is read).
 *
 * Kept as columns (FolderColumns), each folder's names joined by `/`, which no name can hold: as
 * a Map of names per folder, the 62,000 folders of 50,000 reports took 72–160 ms to read, at the
 * start of every check of the output (an unchanged rebuild's chain), and 41–74 ms to serialise;
 * as columns 33–83 ms and 24–31 ms with the write (bench/README.md).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

export interface FolderNames {
  mtimeMs: number;
  /** Its files and its folders (not what they hold), as named in it. */
  files: string[];
  folders: string[];
}

/** Folder (relative to the output, / separators, '' for the output itself) -> its names. */
export type FolderMap = ReadonlyMap<string, FolderNames>;

/** How long after its last change a folder's names are kept: well past a tick of the clock. */
export const SETTLED_MS = 2000;

/** The folder's files and folders, read now (other kinds of entry are not part of the output's listing). */
export function readNames(abs: string, mtimeMs: number): FolderNames {
  const names: FolderNames = { mtimeMs, files: [], folders: [] };
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    if (e.isDirectory()) names.folders.push(e.name);
    else if (e.isFile()) names.files.push(e.name);
  }
  return names;
}

/** Folders a check may read again, and by how many their count may move, before it writes the names again: this many, or a hundredth of them when that is more. */
export const REREAD_AT_MOST = 64;

/**
 * Whether a check writes the names again: when it had none, or it read more folders again (or
 * found their count moved by more) than a few. A one-report rebuild changes a handful of folders
 * (its page's, the downloads', its body's, the index's), and the check after it wrote the names
 * of every folder again (62,000 at 50,000 reports: 51–60 ms in the form they had then, 150 ms in
 * a build's profile); left as they are, those few folders are read again by the next checks,
 * until they are many.
 * `kept`: how many folders the names it had held (null: none); `now`: how many it keeps.
 */
export function writeNamesAgain(kept: number | null, read: number, now: number): boolean {
  if (kept === null) return read > 0;
  const slack = Math.max(REREAD_AT_MOST, Math.floor(now / 100));
  return read > slack || Math.abs(now - kept) > slack;
}

/** The names as their file holds them: one entry per folder in each column, the names joined by `/`. */
interface FolderColumns {
  form: 2;
  folders: string[];
  mtimes: Float64Array;
  fileNames: string[];
  folderNames: string[];
}

const joined = (names: readonly string[]) => names.join('/');
const split = (names: string) => (names ? names.split('/') : []);

export function readFolderMap(file: string): FolderMap | null {
  let value: Partial<FolderColumns> | null;
  try {
    value = deserialize(readFileSync(file)) as Partial<FolderColumns> | null;
  } catch {
    return null;
  }
  // Another form (an earlier version's Map), or columns that do not add up: no names.
  if (value?.form !== 2 || !Array.isArray(value.folders) || !(value.mtimes instanceof Float64Array) || !Array.isArray(value.fileNames) || !Array.isArray(value.folderNames)) return null;
  const { folders, mtimes, fileNames, folderNames } = value as FolderColumns;
  const n = folders.length;
  if (mtimes.length !== n || fileNames.length !== n || folderNames.length !== n) return null;
  const map = new Map<string, FolderNames>();
  for (let i = 0; i < n; i++) map.set(folders[i]!, { mtimeMs: mtimes[i]!, files: split(fileNames[i]!), folders: split(folderNames[i]!) });
  return map;
}

/** Whole or not at all; the temporary name is always the same, so a write cut short by the build's exit leaves nothing new behind. */
export function writeFolderMap(file: string, folders: FolderMap): void {
  const columns: FolderColumns = { form: 2, folders: [], mtimes: new Float64Array(folders.size), fileNames: [], folderNames: [] };
  for (const [folder, names] of folders) {
    columns.mtimes[columns.folders.length] = names.mtimeMs;
    columns.folders.push(folder);
    columns.fileNames.push(joined(names.files));
    columns.folderNames.push(joined(names.folders));
  }
  const tmp = `${file}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(tmp, serialize(columns));
  renameSync(tmp, file);
}
