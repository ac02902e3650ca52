/**
 * A report file's bytes and the name it is known by, without the parser (./read-report.ts parses
 * them): the archive read (./read-archive.ts) reads every file it does not find in the parse cache
 * this way, and loads the parser only for those (./parse-entry.ts).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
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

/**
 * A file's bytes; one that cannot be read (gone, a folder, not permitted) is a ReportFileError
 * naming it. So is a pipe, socket or device: opened without waiting (a pipe with nobody writing
 * would hold the build for ever) and refused.
 */
export function readFileBytes(file: string, root?: string): Buffer {
  let fd: number | null = null;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const s = fstatSync(fd);
    if (!s.isFile() && !s.isDirectory()) throw new ReportFileError(sourceName(file, root), null, '不是普通文件（管道、套接字或设备），不能作为报告读取');
    // A folder fails here, as reading it does (EISDIR).
    return readFileSync(fd);
  } catch (err) {
    if (err instanceof ReportFileError) throw err;
    throw new ReportFileError(sourceName(file, root), null, `无法读取文件：${(err as Error).message}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
