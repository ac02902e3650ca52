/**
 * What the `reports` collection holds per report: the Report schema's identifying fields (picked
 * from it, so they cannot drift), its source, its diagnostics and failing checks (the quality page
 * lists them), its key figures, and where the report store holds the whole Report, which the
 * loader validated against the Report schema (see ./report-store.ts for why it is not stored in
 * the collection). About 1 KB a report where the whole Report is about 29 KB.
 */
import * as z from 'zod/mini';
import { Check, Report } from '../core/model/report.ts';
import { KEY_FIGURES } from '../core/summary/key-figures.ts';
import { summarize, type ReportSummary } from '../site/archive-model.ts';

const figure = z.nullable(z.number());

/** Where the report store holds a Report: its pack (relative to the project root), where in it, and the lengths of its CSV row and JSON. */
export const StoredAt = z.object({ pack: z.string(), offset: z.number(), csvBytes: z.number(), jsonBytes: z.number() });
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
    /** Where the whole Report is stored (./report-store.ts). */
    stored: StoredAt,
  },
);

export type ReportListingData = z.infer<typeof ReportListing> & ReportSummary;

export function reportListing(report: Report, stored: StoredAt): ReportListingData {
  return {
    ...summarize(report),
    source: report.source,
    diagnostics: report.diagnostics,
    failing: report.checks.filter((c) => !c.ok),
    stored,
  };
}
