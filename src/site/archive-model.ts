/**
 * The archive as the listing pages see it: one small summary per report, reports grouped by
 * agency and by year, sorted views. Pure functions over summaries, computed once per build.
 */
import { KEY_FIGURES, type KeyFigure, type KeyFigures } from '../core/summary/key-figures.ts';
import type { ReportBrief } from '../core/summary/report-brief.ts';

export interface ReportSummary {
  id: string;
  title: string;
  agency: string;
  canonicalAgency: string;
  agencySlug: string;
  district: string | null;
  year: number | null;
  publishedOn: string | null;
  template: '2021' | '2019';
  figures: KeyFigures;
  failingChecks: number;
  errors: number;
  warnings: number;
}

/**
 * A report's summary, from its brief (briefOf(report) when the whole report is at hand): the
 * brief's listed fields and key figures as they are, its problems counted.
 */
export function summarize(r: ReportBrief): ReportSummary {
  const { source: _source, requests: _requests, diagnostics, checks, ...listed } = r;
  return {
    ...listed,
    failingChecks: checks.filter((c) => !c.ok).length,
    errors: diagnostics.filter((d) => d.level === 'error').length,
    warnings: diagnostics.filter((d) => d.level === 'warning').length,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Chinese names in pinyin order (the collation of zh); ties broken by a code-point comparison. */
const collator = new Intl.Collator('zh-CN');
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || cmp(a, b);
}

/** What a body is called on its page: its registry name, or the name its reports use. */
export const displayName = (s: Pick<ReportSummary, 'canonicalAgency' | 'agency'>) => s.canonicalAgency || s.agency || '（未署名机关）';

export interface AgencyGroup {
  slug: string;
  name: string;
  district: string | null;
  /** Oldest year first; reports without a year last. */
  reports: ReportSummary[];
}

const byYearThenId = (a: ReportSummary, b: ReportSummary) => (a.year ?? Infinity) - (b.year ?? Infinity) || cmp(a.id, b.id);

export function groupByAgency(list: readonly ReportSummary[]): AgencyGroup[] {
  return [...Map.groupBy(list, (s) => s.agencySlug)]
    .map(([slug, reports]) => {
      const sorted = reports.slice().sort(byYearThenId);
      const latest = sorted[sorted.length - 1]!;
      return { slug, name: displayName(latest), district: sorted.findLast((r) => r.district)?.district ?? null, reports: sorted };
    })
    .sort((a, b) => compareNames(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

export interface YearGroup {
  year: number;
  reports: ReportSummary[];
}

/** Newest year first; reports without a year are not in any group. */
export function groupByYear(list: readonly ReportSummary[]): YearGroup[] {
  // Map.groupBy, not a copy of the group per report: that was quadratic (50,000 reports in 6 years).
  const groups = Map.groupBy(
    list.filter((s): s is ReportSummary & { year: number } => s.year !== null),
    (s) => s.year,
  );
  return [...groups].map(([year, reports]) => ({ year, reports: sortReports(reports, 'agency') })).sort((a, b) => b.year - a.year);
}

/** Districts with their agency groups, districts in pinyin order, "未注明区县" last. */
export function groupByDistrict(agencies: readonly AgencyGroup[]): { district: string | null; agencies: AgencyGroup[] }[] {
  return [...Map.groupBy(agencies, (a) => a.district)]
    .map(([district, list]) => ({ district, agencies: list }))
    .sort((a, b) => (a.district === null ? 1 : b.district === null ? -1 : compareNames(a.district, b.district)));
}

/** Sort keys of the year views: by agency name, or by a key figure (largest first). */
export const SORT_KEYS = ['agency', ...KEY_FIGURES.map((f) => f.key)] as const;
export type SortKey = 'agency' | KeyFigure;

export function sortReports(list: readonly ReportSummary[], key: SortKey): ReportSummary[] {
  const byAgency = (a: ReportSummary, b: ReportSummary) => compareNames(displayName(a), displayName(b)) || cmp(a.id, b.id);
  if (key === 'agency') return list.slice().sort(byAgency);
  return list.slice().sort((a, b) => {
    const x = a.figures[key];
    const y = b.figures[key];
    // Largest first; an empty figure sorts after every number.
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return byAgency(a, b);
  });
}

/** Newest publications first (by publication date, then year, then id); at most n. */
export function newestReports(list: readonly ReportSummary[], n: number): ReportSummary[] {
  return list
    .slice()
    .sort((a, b) => cmp(b.publishedOn ?? '', a.publishedOn ?? '') || (b.year ?? 0) - (a.year ?? 0) || cmp(a.id, b.id))
    .slice(0, n);
}
