/**
 * What a build needs of every report besides the pages it renders: the fields the listings show,
 * its key figures, its diagnostics and failing checks (the build summary, the quality page), and
 * the two rows the archive checks compare across years. About a seventh of a report without its
 * passing checks. A build keeps the briefs of one read for the next (src/node/brief-pack.ts), so
 * that an unchanged report is not read again for them.
 */
import type { Report } from '../model/report.ts';
import { keyFigures, type KeyFigures } from './key-figures.ts';

export interface ReportBrief extends Pick<Report, 'id' | 'title' | 'agency' | 'canonicalAgency' | 'agencySlug' | 'district' | 'year' | 'publishedOn' | 'template' | 'diagnostics' | 'checks'> {
  source: Pick<Report['source'], 'file'>;
  /** 上年结转 and 结转下年度, which the archive checks compare between an agency's years. */
  requests: Pick<Report['requests'], 'carriedOver' | 'carriedForward'>;
  figures: KeyFigures;
}

/** The brief of a report; of its checks only the failing ones. */
export function briefOf(r: Report): ReportBrief {
  return {
    id: r.id,
    title: r.title,
    agency: r.agency,
    canonicalAgency: r.canonicalAgency,
    agencySlug: r.agencySlug,
    district: r.district,
    year: r.year,
    publishedOn: r.publishedOn,
    template: r.template,
    source: { file: r.source.file },
    requests: { carriedOver: r.requests.carriedOver, carriedForward: r.requests.carriedForward },
    figures: keyFigures(r),
    diagnostics: r.diagnostics,
    checks: r.checks.filter((c) => !c.ok),
  };
}
