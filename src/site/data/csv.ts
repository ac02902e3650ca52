/**
 * CSV downloads, written with csv-stringify (quoting is the library's job): UTF-8 with a BOM so
 * spreadsheet software opens the Chinese text correctly, CRLF line ends, one header row of the
 * stable dotted column names, empty cells empty.
 */
import { stringify } from 'csv-stringify/sync';
import { REPORT_COLUMNS, reportRow } from '../../core/export/report-row.ts';
import type { Report } from '../../core/model/report.ts';

export const BOM = '\ufeff';

export function reportsCsv(reports: readonly Report[]): string {
  return BOM + stringify([REPORT_COLUMNS.map((c) => c.name), ...reports.map(reportRow)], { record_delimiter: 'windows' });
}
