/** Parses report text the way the CLI does, without touching the file system. */
import { parseReport } from '../../src/core/parse-report.ts';
import type { Report } from '../../src/core/model/report.ts';

export function parseText(text: string, file = 'test.txt'): Report {
  return parseReport({ text, file, sha256: '0'.repeat(64), encoding: 'utf-8', format: 'txt' });
}

export function failing(report: Report): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => c.id);
}
