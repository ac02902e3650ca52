/**
 * A report file's bytes and the name it is known by, without the parser (./read-report.ts parses
 * them): the archive read (./read-archive.ts) reads every file it does not find in the parse cache
 * this way, and loads the parser only for those (./parse-entry.ts).
 */
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { ReportFileError } from '../formats/report-file-error.ts';

/** The name a report's source is known by: its path inside the archive folder, else its base name. */
export function sourceName(file: string, root?: string): string {
  if (root) {
    const rel = relative(root, file);
    if (!rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
  }
  return basename(file);
}

/** A file's bytes; one that cannot be read (gone, a folder, not permitted) is a ReportFileError naming it. */
export function readFileBytes(file: string, root?: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ReportFileError(sourceName(file, root), null, `无法读取文件：${(err as Error).message}`);
  }
}
