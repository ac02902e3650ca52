/**
 * What the listing pages know of each report: the Report schema's identifying fields (picked from
 * it, so they cannot drift), its source, its diagnostics and failing checks (the quality page
 * lists them) and its key figures. About 1 KB a report where the whole Report is about 29 KB.
 *
 * The report index (./report-index.ts) holds, per report, only where the report store keeps it
 * (`StoredAt`): its CSV row, its whole Report (validated by the loader against the Report schema)
 * and this listing (validated against `ReportListing`). Why not the listing itself: what names
 * the reports is read whole by every build; when it was Astro's data store, 10,000 listings in it
 * took 0.5–0.9 s of writing and 0.1–0.2 s of each read, also when one report changed. A listing
 * read from the store is one JSON.parse of its bytes (see ./report-store.ts).
 */
import * as z from 'zod/mini';
import { Check, Report } from '../core/model/report.ts';
import { KEY_FIGURES } from '../core/summary/key-figures.ts';
import { briefOf } from '../core/summary/report-brief.ts';
import { summarize, type ReportSummary } from '../site/archive-model.ts';

const figure = z.nullable(z.number());

/**
 * Where the report store holds a report: its pack (relative to the project root), where in it,
 * and the lengths of its CSV row, its JSON and its listing, which follow one another there.
 */
export const StoredAt = z.object({ pack: z.string(), offset: z.number(), csvBytes: z.number(), jsonBytes: z.number(), listingBytes: z.number() });
export type StoredAt = z.infer<typeof StoredAt>;

export const ReportListing = z.extend(
  z.pick(Report, { id: true, title: true, agency: true, canonicalAgency: true, agencySlug: true, district: true, year: true, publishedOn: true, template: true, source: true, diagnostics: true }),
  {
    figures: z.object(Object.fromEntries(KEY_FIGURES.map((f) => [f.key, figure])) as Record<(typeof KEY_FIGURES)[number]['key'], typeof figure>),
    failingChecks: z.number(),
    errors: z.number(),
    warnings: z.number(),
    /** The checks that fail, whole (usually none). */
    failing: z.array(Check),
  },
);

export type ReportListingData = z.infer<typeof ReportListing> & ReportSummary;

export function reportListing(report: Report): ReportListingData {
  return {
    ...summarize(briefOf(report)),
    source: report.source,
    diagnostics: report.diagnostics,
    failing: report.checks.filter((c) => !c.ok),
  };
}
