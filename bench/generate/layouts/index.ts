/** Every table layout the parser reads, by name. Add a layout: write its module, list it here. */
import { cellPerLine } from './cell-per-line.ts';
import type { TableLayout } from './layout.ts';
import { markdownTable } from './markdown-table.ts';
import { pipeRows } from './pipe-rows.ts';
import { singleSpaceRows } from './single-space-rows.ts';
import { spaceColumns } from './space-columns.ts';
import { tabQuirks } from './tab-quirks.ts';
import { tabRows } from './tab-rows.ts';

export type { TableLayout } from './layout.ts';

export const LAYOUTS: readonly TableLayout[] = [tabRows, tabQuirks, cellPerLine, pipeRows, markdownTable, spaceColumns, singleSpaceRows];
