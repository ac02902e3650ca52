/**
 * A report as the report store keeps it (./report-store.ts): validated against the Report schema,
 * then its CSV data row and its JSON. The loader stores these bytes, and a partial build makes the
 * same bytes for its changed reports to begin the archive-wide downloads before the loader has run
 * (src/node/build/early-joins.ts), so both take them from here.
 */
import * as z from 'zod/mini';
import { Report } from '../core/model/report.ts';
import { csvRecord } from '../site/data/csv.ts';

/** The value as `schema` accepts it; one it rejects stops the build, naming the file. */
export function valid<T>(schema: z.ZodMiniType<T>, name: string, value: unknown, file: string): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(报告)'}: ${i.message}`);
  throw new Error(`${file}: 解析结果不符合 ${name} 模式：${issues.join('；')}`);
}

/** The report as stored: what the Report schema makes of it (`file` names it in the error). */
export function storedReport(report: unknown, file: string): Report {
  return valid(Report, 'Report', report, file);
}

/** The bytes stored for a report: its CSV data row (with its line end) and its JSON. */
export function storedBytes(report: Report): { csv: Buffer; json: Buffer } {
  return { csv: Buffer.from(csvRecord(report)), json: Buffer.from(JSON.stringify(report)) };
}
