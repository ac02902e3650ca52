/**
 * A file of the archive parsed into what the archive read (./read-archive.ts) caches of it: the
 * report with the text it was read from, or why the file holds no report. The read loads this
 * module, and with it the parser, only for a file the parse cache lacks: Astro's loader under
 * `npm run build` reads only reports the build has just parsed, and then loads no parser at all.
 * A file that cannot be turned into a Report throws a ReportFileError naming it.
 */
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { Report } from '../core/model/report.ts';
import { isRecognised } from '../core/parse-report.ts';
import { parseBytes } from './read-report.ts';

export interface ParsedEntry {
  report: Report;
  error: { message: string; line: number | null } | null;
  /** The text the parser read, kept when its page shows it (errors, nothing recognised). */
  rawText: string | null;
}

export async function parseEntry(path: string, bytes: Uint8Array, dir: string, registry: AgencyRegistry | undefined): Promise<ParsedEntry> {
  const { report, text } = await parseBytes(path, bytes, { root: dir, registry });
  const recognised = isRecognised(report);
  const rawText = !recognised || report.diagnostics.some((d) => d.level === 'error') ? text : null;
  return recognised
    ? { report, error: null, rawText }
    : { report, error: { message: '没有可识别的年度报告：既没有找到六个章节的标题，也没有找到表二、表三、表四', line: null }, rawText };
}
