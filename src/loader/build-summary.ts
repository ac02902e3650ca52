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

/** One file's part of the summary: its lines and what they count. */
interface FilePart {
  lines: string[];
  errors: number;
  warnings: number;
  failingChecks: number;
  report: boolean;
}

function filePart(f: SummaryFile, own: readonly ArchiveProblem[]): FilePart {
  const part: FilePart = { lines: [], errors: 0, warnings: 0, failingChecks: 0, report: false };
  const at = (line: number | null) => `${f.file}${line ? `:${line}` : ''}`;
  if (f.error) {
    part.errors++;
    part.lines.push(`${at(f.error.line)}: error: ${f.error.message}`);
  } else if (f.report) part.report = true;
  // A file that is not a report at all: its own diagnostics (no tables, no title…) say no more.
  for (const d of f.error ? [] : (f.report?.diagnostics ?? [])) {
    if (d.level === 'error') part.errors++;
    else part.warnings++;
    part.lines.push(`${at(d.line)}: ${d.level}: ${d.message}`);
  }
  if (!f.error) {
    for (const c of f.report?.checks ?? []) {
      if (c.ok) continue;
      part.failingChecks++;
      part.lines.push(`${at(c.line)}: check ${c.id}: ${c.message}`);
    }
  }
  for (const p of own) {
    if (p.level === 'error') part.errors++;
    else part.warnings++;
    part.lines.push(`${at(p.line)}: ${p.level}: ${p.message}`);
  }
  return part;
}

export function buildSummary(files: SummaryFile[], problems: ArchiveProblem[]): BuildSummary {
  const summary: BuildSummary = { files: files.length, reports: 0, errorFiles: 0, errors: 0, failingChecks: 0, warnings: 0, lines: [] };
  const byFile = problemsByFile(problems);
  for (const f of files) {
    const part = filePart(f, byFile.get(f.file) ?? []);
    for (const line of part.lines) summary.lines.push(line);
    add(summary, part, 1);
  }
  return summary;
}

/** Adds a file's part to the counts (sign 1), or takes it away (-1). */
function add(summary: BuildSummary, part: Omit<FilePart, 'lines'>, sign: 1 | -1): void {
  summary.reports += sign * Number(part.report);
  summary.errors += sign * part.errors;
  summary.errorFiles += sign * Number(part.errors > 0);
  summary.failingChecks += sign * part.failingChecks;
  summary.warnings += sign * part.warnings;
}

// What follows a file's name on each of its lines (filePart): its line number, if any, then the level or the check.
const LINE_KIND = /^(?::\d+)?: (?:(error|warning): |(check) )/;

/**
 * The summary with one report's part made again from its brief now (`report` and its archive
 * problems `own`), for a build that carries the last build's snapshot over
 * (src/node/build/carried-snapshot.ts) instead of summing every file again. Its old part is its
 * lines, which all start with its name, counted back by their kind; a part with no lines is put
 * where its name falls among the others' (the lines are in file-name order, as the archive is read).
 * Null when the lines cannot be told apart that way: a file name with a colon, or the report's
 * lines not in one run.
 */
export function withReportPart(summary: BuildSummary, report: Omit<SummaryFile, 'error'>, own: readonly ArchiveProblem[], names: Iterable<string>): BuildSummary | null {
  for (const name of names) if (name.includes(':')) return null;
  const head = `${report.file}:`;
  const fileOf = (line: string) => line.slice(0, line.indexOf(':'));
  let from = -1;
  let to = -1;
  const old: Omit<FilePart, 'lines'> = { errors: 0, warnings: 0, failingChecks: 0, report: true };
  for (let i = 0; i < summary.lines.length; i++) {
    const line = summary.lines[i]!;
    if (!line.startsWith(head)) {
      if (from < 0 && fileOf(line) > report.file) from = to = i;
      continue;
    }
    // A second run of its lines, or lines after where its name falls.
    if (from >= 0 && to !== i) return null;
    const match = LINE_KIND.exec(line.slice(report.file.length));
    const kind = match?.[1] ?? match?.[2];
    if (!kind) return null;
    if (kind === 'error') old.errors++;
    else if (kind === 'check') old.failingChecks++;
    else old.warnings++;
    if (from < 0) from = i;
    to = i + 1;
  }
  if (from < 0) from = to = summary.lines.length;
  const part = filePart({ ...report, error: null }, own);
  const next: BuildSummary = { ...summary, lines: [...summary.lines.slice(0, from), ...part.lines, ...summary.lines.slice(to)] };
  add(next, old, -1);
  add(next, part, 1);
  return next;
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
