/**
 * A file that could not be turned into a Report at all; names the file and line. In a module of
 * its own so that code which only tells such files apart (the archive read, src/node) need not
 * load the parser.
 */
export class ReportFileError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
