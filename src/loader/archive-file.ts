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

/** A problem across reports (archiveProblems()), with the pages of the files involved. */
export const ArchiveProblemEntry = z.object({
  kind: z.enum(['duplicate-id', 'duplicate-agency-year', 'carry-over']),
  level: z.enum(['error', 'warning']),
  message: z.string(),
  file: z.string(),
  other: z.nullable(z.string()),
  /** Page of the file the problem is reported against, and of the other file. */
  pageId: z.nullable(z.string()),
  otherPageId: z.nullable(z.string()),
  cells: z.array(z.string()),
});

export type ArchiveProblemData = z.infer<typeof ArchiveProblemEntry>;

/** The archive as a whole: the build summary's counts and the problems across reports. */
export const ArchiveOverview = z.object({
  files: z.number(),
  reports: z.number(),
  /** Files that are not reports (the archiveFiles collection). */
  problemFiles: z.number(),
  errorFiles: z.number(),
  errors: z.number(),
  failingChecks: z.number(),
  warnings: z.number(),
  problems: z.array(ArchiveProblemEntry),
});

export type ArchiveOverviewData = z.infer<typeof ArchiveOverview>;
