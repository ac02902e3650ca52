/**
 * CSV downloads, written with csv-stringify (quoting is the library's job): UTF-8 with a BOM so
 * spreadsheet software opens the Chinese text correctly, CRLF line ends, one header row of the
 * stable dotted column names, empty cells empty.
 */
import { stringify } from 'csv-stringify/sync';
import { REPORT_COLUMNS, reportRow } from '../../core/export/report-row.ts';
import type { Report } from '../../core/model/report.ts';

export const BOM = '\ufeff';

const OPTIONS = { record_delimiter: 'windows' } as const;

/**
 * One report's data row with its line end. Quoting is decided per field, so rows written one at a
 * time join into the same text as the whole table written at once (the archive's table is then
 * joined from rows kept beside each stored report, without reading the reports again).
 */
export function csvRecord(report: Report): string {
  return stringify([reportRow(report)], OPTIONS);
}

/** What comes before the data rows: the BOM and the header row. */
export function csvHead(): string {
  return BOM + stringify([REPORT_COLUMNS.map((c) => c.name)], OPTIONS);
}

/** A CSV file from data rows made by csvRecord: BOM, the header row, the rows. */
export function csvDocument(records: Iterable<string>): string {
  let text = csvHead();
  for (const record of records) text += record;
  return text;
}

export function reportsCsv(reports: readonly Report[]): string {
  return csvDocument(reports.map(csvRecord));
}
