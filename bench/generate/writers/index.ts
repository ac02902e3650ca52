/** The file formats the generator writes. Add one: write its module, list it here with a weight. */
import { txtWriter } from './txt.ts';
import type { ReportWriter } from './writer.ts';

export type { ReportWriter, WriteOptions } from './writer.ts';

export const WRITERS: readonly (readonly [ReportWriter, number])[] = [[txtWriter, 1]];
