/**
 * A digest per report page of everything that page and the files beside it (its original, its
 * JSON and CSV) are made from, so a rebuild after some reports changed can render only the pages
 * whose digest changed (scripts/build.ts). Everything else a page shows comes from the code and
 * the settings, which are digested as a whole: when they change, every page is built again.
 *
 * What a report page reads (src/pages/reports/[id]/index.astro): its own entry (the Report with
 * its page id, the raw text, the original's size and format), the archive problems that name the
 * page, and its body's group on the agency pages (name and every report's summary). A file page
 * reads its own entry only. Keep this list in step with those pages.
 */
import { createHash } from 'node:crypto';
import { groupByAgency, summarize, type AgencyGroup } from '../site/archive-model.ts';
import type { ArchiveSnapshot, PagedProblem } from './archive-snapshot.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export function pageDigests(snapshot: ArchiveSnapshot): Map<string, string> {
  const summaries = snapshot.reports.map((p) => summarize(p.report)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const agencies = new Map<string, AgencyGroup>(groupByAgency(summaries).map((g) => [g.slug, g]));
  const problems = new Map<string, PagedProblem[]>();
  for (const p of snapshot.overview.problems) {
    for (const page of new Set([p.pageId, p.otherPageId])) if (page) problems.set(page, [...(problems.get(page) ?? []), p]);
  }
  const out = new Map<string, string>();
  for (const page of snapshot.reports) {
    // digestKey: bytes, sidecar, registry, parser code, page id; the rest is what the page shows of other reports.
    out.set(page.pageId, sha(JSON.stringify(['report', page.digestKey, page.entry.size, page.entry.rawText !== null, agencies.get(page.report.agencySlug) ?? null, problems.get(page.pageId) ?? []])));
  }
  for (const file of snapshot.problemFiles) {
    if (file.pageId) out.set(file.pageId, sha(JSON.stringify(['file', file.digestKey, file.entry.size, file.entry.error, problems.get(file.pageId) ?? []])));
  }
  return out;
}

/** The page id a file of the output belongs to (reports/<id>/…, data/reports/<id>.json|.csv), or null. */
export function pageOfOutput(file: string): string | null {
  const page = /^reports\/([^/]+)\//.exec(file);
  if (page) return page[1]!;
  const data = /^data\/reports\/([^/]+)\.(?:json|csv)$/.exec(file);
  return data ? data[1]! : null;
}

export interface PagesRecord {
  /** Page id -> digest, for every page of this build. */
  pages: Record<string, string>;
  /** The pages rendered in this build, or null: all of them. */
  render: string[] | null;
}

/**
 * This build's pages (scripts/build.ts): every page's digest and, given the previous build's
 * digests, the new and changed pages to render (null: all of them, also when more than half changed).
 */
export function pagesRecord(snapshot: ArchiveSnapshot, previous: Record<string, string> | null): PagesRecord {
  const digests = pageDigests(snapshot);
  let render: string[] | null = null;
  if (previous) {
    const changed = [...digests].filter(([id, digest]) => previous[id] !== digest).map(([id]) => id);
    if (changed.length <= digests.size / 2) render = changed.sort();
  }
  return { pages: Object.fromEntries(digests), render };
}
