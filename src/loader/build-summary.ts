/**
 * The summary the build prints: how many files, reports, errors, failing checks and warnings,
 * then the problems themselves as FILE:LINE: message (the first ones; the quality page has all).
 */
import { problemsByFile, type ArchiveProblem } from '../core/archive/archive-checks.ts';
import type { Report } from '../core/model/report.ts';

export interface SummaryFile {
  file: string;
  /** What the summary reads of the report (a whole Report or its brief). */
  report: Pick<Report, 'diagnostics' | 'checks'> | null;
  error: { message: string; line: number | null } | null;
}

export interface BuildSummary {
  files: number;
  reports: number;
  /** Files with at least one error (unreadable, unrecognised, error diagnostics, duplicates). */
  errorFiles: number;
  errors: number;
  failingChecks: number;
  warnings: number;
  /** One line per problem, FILE[:LINE]: level: message, in file order. */
  lines: string[];
}

export function buildSummary(files: SummaryFile[], problems: ArchiveProblem[]): BuildSummary {
  const lines: string[] = [];
  let errors = 0;
  let errorFiles = 0;
  let failingChecks = 0;
  let warnings = 0;
  let reports = 0;
  const byFile = problemsByFile(problems);
  for (const f of files) {
    const at = (line: number | null) => `${f.file}${line ? `:${line}` : ''}`;
    const own = byFile.get(f.file) ?? [];
    let fileErrors = 0;
    if (f.error) {
      fileErrors++;
      lines.push(`${at(f.error.line)}: error: ${f.error.message}`);
    } else if (f.report) reports++;
    // A file that is not a report at all: its own diagnostics (no tables, no title…) say no more.
    for (const d of f.error ? [] : (f.report?.diagnostics ?? [])) {
      if (d.level === 'error') fileErrors++;
      else warnings++;
      lines.push(`${at(d.line)}: ${d.level}: ${d.message}`);
    }
    if (!f.error) {
      for (const c of f.report?.checks ?? []) {
        if (c.ok) continue;
        failingChecks++;
        lines.push(`${at(c.line)}: check ${c.id}: ${c.message}`);
      }
    }
    for (const p of own) {
      if (p.level === 'error') fileErrors++;
      else warnings++;
      lines.push(`${at(p.line)}: ${p.level}: ${p.message}`);
    }
    errors += fileErrors;
    if (fileErrors) errorFiles++;
  }
  return { files: files.length, reports, errorFiles, errors, failingChecks, warnings, lines };
}

/** The closing line, e.g. "5 个文件：5 份报告，0 个文件有错误，0 项校验未通过，0 个警告". */
export function summaryLine(s: BuildSummary): string {
  return `${s.files} 个文件：${s.reports} 份报告，${s.errorFiles} 个文件有错误（共 ${s.errors} 个），${s.failingChecks} 项校验未通过，${s.warnings} 个警告`;
}

/** STRICT=1: any error or failing check fails the build (as `npm run check -- --strict`). */
export function strictFailure(s: BuildSummary): string | null {
  if (s.errors === 0 && s.failingChecks === 0) return null;
  return `STRICT=1：${s.errors} 个错误，${s.failingChecks} 项校验未通过，构建失败`;
}
