/**
 * A file of the archive folder that is not a structured report: unreadable (unknown type,
 * undecodable), or decodable but with nothing recognisable in it. Such files are listed on the
 * quality page and in the build summary; a decodable one also gets a page with its raw text
 * (kept as the entry's body, not in the data, so the data stays small).
 */
import * as z from 'zod/mini';
import { Diagnostic } from '../core/model/report.ts';

export const ArchiveFile = z.object({
  file: z.string().check(z.describe('Path inside the archive folder')),
  sha256: z.string(),
  size: z.number(),
  error: z.object({ message: z.string(), line: z.nullable(z.number()) }),
  /** Id of its page (reports/<id>/), or null when the file could not be decoded at all. */
  pageId: z.nullable(z.string()),
  /** Format of the original when known (txt, md, html, docx): decides the download's extension. */
  format: z.nullable(z.enum(['txt', 'md', 'html', 'docx'])),
  diagnostics: z.array(Diagnostic),
});

export type ArchiveFileEntry = z.infer<typeof ArchiveFile>;
