/**
 * Compares a parsed Report with its manifest entry: metadata, every cell, and the checks (all
 * pass but the deliberately broken ones, which fail exactly as listed). Returns the differences
 * in words, empty when the parser read the file as generated.
 */
import type { Report } from '../../src/core/model/report.ts';
import { getPath } from '../../src/core/tables/assemble.ts';
import { identitiesFor } from '../../src/core/checks/index.ts';
import type { ManifestEntry } from './corpus.ts';

export function differences(entry: ManifestEntry, report: Report, paths: string[]): string[] {
  const out: string[] = [];
  const same = (what: string, want: unknown, got: unknown) => {
    if (want !== got) out.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  same('title', entry.title, report.title);
  same('agency', entry.agency, report.agency);
  same('district', entry.district, report.district);
  same('year', entry.year, report.year);
  same('publishedOn', entry.publishedOn, report.publishedOn);
  same('template', entry.template, report.template);
  same('source.layout', entry.layout, report.source.layout);
  same('source.encoding', entry.encoding, report.source.encoding);
  same('source.format', entry.format, report.source.format);
  same('sections', '1,2,3,4,5,6', report.sections.map((s) => s.no).join(','));
  paths.forEach((p, i) => same(p, entry.values[i], getPath(report, p)));

  const failing = report.checks.filter((c) => !c.ok).map((c) => c.id).sort();
  same('failing checks', (entry.broken?.failing ?? []).join(' '), failing.join(' '));
  // Every identity is evaluated (no table cell is left empty in a whole identity), and the text check.
  const evaluated = new Set(report.checks.map((c) => c.id));
  const missing = [...identitiesFor(entry.template).map((i) => i.id), 'text.requestsReceived'].filter((id) => !evaluated.has(id));
  if (missing.length) out.push(`checks not evaluated: ${missing.join(' ')}`);
  const errors = report.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) out.push(`errors: ${errors.map((d) => `${d.line}: ${d.message}`).join(' | ')}`);
  return out;
}
