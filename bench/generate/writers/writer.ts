/**
 * A report writer: one file format (.txt today; .md, .html, .docx to come). It turns a
 * ReportDocument into the file's bytes, laying tables out with the given layout. A new format is
 * a new module implementing this interface, listed in writers/index.ts.
 */
import type { ReportDocument } from '../document.ts';
import type { EncodingName } from '../encodings.ts';
import type { TableLayout } from '../layouts/index.ts';
import type { Random } from '../random.ts';

export interface WriteOptions {
  layout: TableLayout;
  encoding: EncodingName;
  crlf: boolean;
}

export interface ReportWriter {
  /** source.format the parser reports. */
  format: 'txt' | 'md' | 'html' | 'docx';
  extension: string;
  /** Layouts this format can carry (a .docx has its own table structure, for instance). */
  layouts: readonly TableLayout[];
  encodings: readonly EncodingName[];
  /** The file's bytes (a format built by an asynchronous library may return a promise). */
  write(doc: ReportDocument, options: WriteOptions, rng: Random): Uint8Array | Promise<Uint8Array>;
}
