/** The file formats the generator writes, with their share of the corpus. Add one: write its module, list it here. */
import { docxWriter } from './docx.ts';
import { htmlWriter } from './html.ts';
import { markdownWriter } from './markdown.ts';
import { txtWriter } from './txt.ts';
import type { ReportWriter } from './writer.ts';

export type { ReportWriter, WriteOptions } from './writer.ts';

export const WRITERS: readonly (readonly [ReportWriter, number])[] = [
  [txtWriter, 8],
  [markdownWriter, 1],
  [htmlWriter, 1],
  [docxWriter, 0.5],
];
