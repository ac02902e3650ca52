/**
 * A digest per report page of everything that page and the files beside it (its original, its
 * JSON and CSV) are made from, so a rebuild after some reports changed can render only the pages
 * whose digest changed (scripts/build.ts). Everything else a page shows comes from the code and
 * the settings, which are digested as a whole: when they change, every page is built again.
 *
 * What a report page reads (src/pages/reports/[id]/index.astro): its own entry (the Report with
 * its page id, the raw text, the original's size and format), the archive problems that name the
 * page, and its body's group on the agency pages (name and every report's summary). A file page
 * reads its own entry only. An agency page (src/pages/agencies/[slug]/) shows its body's group (name,
 * district, every report's summary); a year page and its sorted views (src/pages/years/[year]/)
 * show the summaries of that year's reports. Their digests live under keys of their own
 * (`agencies/<slug>`, `years/<year>`, see src/site/render-only.ts), which no page id can take
 * (page ids have no slash). The pages with a script (search, validator) and their bundle share one
 * key (`SCRIPTED_PAGES_KEY`, src/site/render-only.ts): the validator shows the registry and spells
 * every body's name. The archive-wide pages (home, the years' index, quality, feed, the data
 * page and package; `ARCHIVE_PAGES_KEY`) read every report's listing (its summary, file name,
 * diagnostics and failing checks), the build summary, the archive-wide problems and the files that
 * are not reports. The outline pages (the agencies' index, the sitemap; `OUTLINE_PAGES_KEY`) read
 * of each report only its page id, body, names, district, year and date, and the pages of the
 * files that are not reports. The two archive-wide downloads hold every report's text and are
 * joined in every build. Keep this list in step with those pages.
 */
import { hash } from 'node:crypto';
import type { Report } from '../core/model/report.ts';
import type { ReportBrief } from '../core/summary/report-brief.ts';
import { displayName, summarize } from '../site/archive-model.ts';
import { agencyPageKey, AGENCY_KEYS, ARCHIVE_PAGES, ARCHIVE_PAGES_KEY, OUTLINE_PAGES, OUTLINE_PAGES_KEY, SCRIPTED_PAGES, SCRIPTED_PAGES_KEY, YEAR_KEYS, yearPageKey } from '../site/render-only.ts';
import type { ArchiveSnapshot, PagedProblem, ProblemFile, ReportPage, SnapshotOverview } from './archive-snapshot.ts';

// One-shot (crypto.hash), not a Hash object per page: a sixth of the time for 10,000 short texts.
const sha = (text: string) => hash('sha256', text, 'hex').slice(0, 32);

const byPageId = (a: ReportPage<Report | null>, b: ReportPage<Report | null>) => (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0);

/**
 * Of a report page, what its digests took last build, kept for the next one under its page id
 * (src/node/kept-pages.ts): its digest key; the digests of its summary (what the pages listing it
 * show) and of its listing on the archive-wide pages (file name, diagnostics, failing checks);
 * and its page's digest with the body's group digest and the problems it was taken with; and the
 * digest of what the archive checks, the groups and the outline pages read of it (briefDigests'
 * third), so that a rebuild can tell that a changed report's archive problems, groups and outline
 * are what they were without the last brief (src/node/build/carried-snapshot.ts).
 *
 * A brief never changes under its digest key (bytes, sidecar, registry, parser code, page id; see
 * src/node/brief-pack.ts), so neither do the first two; the page's digest holds while its group
 * and problems do too. At 50,000 reports serialising and hashing every summary again took 0.6 s
 * of each one-report rebuild, on the build's main thread, which Astro's render waits for.
 */
export type KeptPage = readonly [key: string, summary: string, listed: string, group: string, problems: string, page: string, facts: string];
export type KeptPages = ReadonlyMap<string, KeptPage>;

/**
 * What a report page's listings and the archive-wide pages read of its brief, as three digests:
 * its summary (the agency and year pages, the archive's lists), its listing on the archive-wide
 * pages (file name, diagnostics, failing checks), and what the archive checks, the groups and the
 * archive's outline read (its id, names, agency slug, district, year, date and carry-over rows).
 * Two briefs with the same three digests (and page id) give every page but the report's own the
 * same digest; two with the same third give the same archive problems, agency and year groups,
 * bodies' names and outline pages (OUTLINE_PAGES).
 */
export function briefDigests(brief: ReportBrief): [summary: string, listed: string, facts: string] {
  const { id, agency, canonicalAgency, agencySlug, district, year, publishedOn, requests } = brief;
  return [sha(JSON.stringify(summarize(brief))), sha(JSON.stringify([brief.source.file, brief.diagnostics, brief.checks])), sha(JSON.stringify([id, agency, canonicalAgency, agencySlug, district, year, publishedOn, requests]))];
}

/** An agency page's digest (and its group's, which its reports' pages show): of its reports' summaries, in page-id order. */
export const agencyDigest = (slug: string, summaries: readonly string[]) => sha(`agency\u0000${slug}\u0000${summaries.join('\u0000')}`);

/** A year page's digest: of that year's reports' summaries, in page-id order. */
export const yearDigest = (year: number, summaries: readonly string[]) => sha(`year\u0000${year}\u0000${summaries.join('\u0000')}`);

/**
 * The outline pages' digest (the agencies' index, the sitemap): every report's third brief digest
 * (`facts`, in step with `pageIds`, in page-id order) and the pages of the files that are not reports.
 */
export function outlineDigest(pageIds: readonly string[], facts: readonly string[], problemFiles: readonly ProblemFile[]): string {
  const reports = pageIds.map((id, i) => `${id}\u0000${facts[i]}`).join('\u0000');
  return sha(`outline\u0000${reports}\u0000${JSON.stringify(problemFiles.map((f) => f.pageId))}`);
}

/**
 * The archive-wide pages' digest: every agency group's digest (by slug), every report's listing
 * (`pageIds` and `listed` in step, in page-id order), the overview and the files that are not reports.
 */
export function archivePagesDigest(groups: readonly string[], pageIds: readonly string[], listed: readonly string[], overview: SnapshotOverview, problemFiles: readonly ProblemFile[]): string {
  // Every summary is in its agency's group; of a listing the rest is its file name, diagnostics and
  // failing checks. A file that is not a report counts whole (its digestKey).
  const files = problemFiles.map((f) => [f.pageId, f.digestKey, f.entry.size, f.entry.error]);
  const listings = pageIds.map((id, i) => `${id}\u0000${listed[i]}`).join('\u0000');
  return sha(`archive\u0000${groups.join('\u0000')}\u0000${listings}\u0000${JSON.stringify([overview, files])}`);
}

/**
 * A report page's digest. digestKey: bytes, sidecar, registry, parser code, page id (and so the
 * file's size and whether its text is shown); the rest is what the page shows of other reports.
 */
export function reportPageDigest(digestKey: string, size: number, textShown: boolean, group: string, problemsText: string): string {
  return sha(`report\u0000${digestKey}\u0000${size}\u0000${textShown}\u0000${group}\u0000${problemsText}`);
}

/** This build's digests, and what to keep of them for the next (built only when it is written, after the pages are handed over). */
export interface DigestedPages {
  digests: Map<string, string>;
  /** Whether any report page's entry differs from the ones given (then the kept pages are written again). */
  changed: boolean;
  /** How many report pages there are. */
  size: number;
  /** Every report page's entry now. */
  kept(): KeptPages;
  /** The entries taken afresh (not as given). */
  fresh(): KeptPages;
}

/**
 * Every page's digest, taking from `kept` (the last build's, see KeptPage) what has not changed.
 * A page that lists reports (an agency's, a year's) is made from the set of their summaries: the
 * order it shows them in, the body's name and district follow from that set. So its digest is
 * taken over their summaries' digests in id order.
 */
export function digestPages(snapshot: ArchiveSnapshot<Report | null>, kept: KeptPages = new Map()): DigestedPages {
  const pages = snapshot.reports.slice().sort(byPageId);
  const own: KeptPage[] = [];
  const bySlug = new Map<string, number[]>();
  const byYear = new Map<number, number[]>();
  let changed = kept.size !== pages.length;
  // The pages (by their place in `pages`) whose entry was taken afresh.
  const fresh = new Set<number>();
  pages.forEach((page, i) => {
    const last = kept.get(page.pageId);
    if (last?.[0] === page.digestKey) own.push(last);
    else {
      const [summary, listed, facts] = briefDigests(page.brief);
      own.push([page.digestKey, summary, listed, '', '', '', facts]);
      changed = true;
      fresh.add(i);
    }
    const { agencySlug, year } = page.brief;
    const members = bySlug.get(agencySlug);
    if (members) members.push(i);
    else bySlug.set(agencySlug, [i]);
    if (year !== null) {
      const ofYear = byYear.get(year);
      if (ofYear) ofYear.push(i);
      else byYear.set(year, [i]);
    }
  });
  const summaries = (members: readonly number[]) => members.map((i) => own[i]![1]);
  const problems = new Map<string, PagedProblem[]>();
  for (const p of snapshot.overview.problems) {
    for (const page of new Set([p.pageId, p.otherPageId])) if (page) problems.set(page, [...(problems.get(page) ?? []), p]);
  }
  const out = new Map<string, string>();
  const slugs = [...bySlug.keys()].sort();
  const groupDigests: string[] = [];
  // What the validator shows of each body: its name on its pages, its latest report's (by year, then id; see groupByAgency).
  const names: [string, string][] = [];
  for (const slug of slugs) {
    const members = bySlug.get(slug)!;
    // A report's page shows its body's group: each group digested once, not once per report of it.
    const group = agencyDigest(slug, summaries(members));
    groupDigests.push(group);
    out.set(agencyPageKey(slug), group);
    let latest = pages[members[0]!]!.brief;
    for (const i of members) {
      const page = pages[i]!;
      if ((latest.year ?? Infinity) <= (page.brief.year ?? Infinity)) latest = page.brief;
      const [key, summary, listed, lastGroup, lastProblems, lastPage, facts] = own[i]!;
      const ofPage = problems.size ? problems.get(page.pageId) : undefined;
      const problemsText = ofPage ? JSON.stringify(ofPage) : '';
      if (lastPage && lastGroup === group && lastProblems === problemsText) {
        out.set(page.pageId, lastPage);
        continue;
      }
      const digest = reportPageDigest(key, page.entry.size, page.entry.rawText !== null, group, problemsText);
      // A new entry: one taken afresh above, or a given one with another group or problems.
      fresh.add(i);
      own[i] = [key, summary, listed, group, problemsText, digest, facts];
      out.set(page.pageId, digest);
      changed = true;
    }
    names.push([slug, displayName(latest)]);
  }
  for (const file of snapshot.problemFiles) {
    if (file.pageId) out.set(file.pageId, sha(JSON.stringify(['file', file.digestKey, file.entry.size, file.entry.error, problems.get(file.pageId) ?? []])));
  }
  for (const [year, members] of byYear) out.set(yearPageKey(year), yearDigest(year, summaries(members)));
  // The validator spells every body's name (as its page shows it).
  out.set(SCRIPTED_PAGES_KEY, sha(JSON.stringify(['scripted', snapshot.registryDigest, names])));
  const pageIds = pages.map((page) => page.pageId);
  out.set(ARCHIVE_PAGES_KEY, archivePagesDigest(groupDigests, pageIds, own.map((o) => o[2]), snapshot.overview, snapshot.problemFiles));
  out.set(OUTLINE_PAGES_KEY, outlineDigest(pageIds, own.map((o) => o[6]), snapshot.problemFiles));
  return {
    digests: out,
    changed,
    size: pages.length,
    kept: () => new Map(pages.map((page, i) => [page.pageId, own[i]!])),
    fresh: () => new Map([...fresh].map((i) => [pages[i]!.pageId, own[i]!])),
  };
}

/** Every page's digest (see digestPages). */
export function pageDigests(snapshot: ArchiveSnapshot<Report | null>, kept?: KeptPages): Map<string, string> {
  return digestPages(snapshot, kept).digests;
}

/** What a digest key names: a report's (or a file's) page, an agency page, a year page with its sorted views, the pages with a script, the archive-wide pages. */
export type PageKind = 'report' | 'agency' | 'year' | 'scripted' | 'archive';

export function kindOfPage(key: string): PageKind {
  if (key === SCRIPTED_PAGES_KEY) return 'scripted';
  if (key === ARCHIVE_PAGES_KEY || key === OUTLINE_PAGES_KEY) return 'archive';
  return key.startsWith(AGENCY_KEYS) ? 'agency' : key.startsWith(YEAR_KEYS) ? 'year' : 'report';
}

const ARCHIVE_OUTPUT = new Set<string>(ARCHIVE_PAGES.map((p) => p.output));
const OUTLINE_OUTPUT = new Set<string>(OUTLINE_PAGES.map((p) => p.output));

/** Output files of the pages with a script: their pages and the browser bundle (Astro's `_astro/`, whose only scripts are theirs). */
const SCRIPTED_OUTPUT = new RegExp(`^(?:(?:${SCRIPTED_PAGES.map((p) => p.route).join('|')})/index\\.html|_astro/[^/]+\\.js)$`);

/**
 * The digest key of the page a file of the output belongs to (reports/<id>/…,
 * data/reports/<id>.json|.csv; agencies/<slug>/…; years/<year>/…; the pages with a script and
 * `_astro/*.js`; the archive-wide pages), or null: a file made in every build (the stylesheet,
 * the archive-wide downloads).
 */
export function pageOfOutput(file: string): string | null {
  if (ARCHIVE_OUTPUT.has(file)) return ARCHIVE_PAGES_KEY;
  if (OUTLINE_OUTPUT.has(file)) return OUTLINE_PAGES_KEY;
  const page = /^reports\/([^/]+)\//.exec(file);
  if (page) return page[1]!;
  const data = /^data\/reports\/([^/]+)\.(?:json|csv)$/.exec(file);
  if (data) return data[1]!;
  const listing = /^(agencies\/[^/]+|years\/\d+)\//.exec(file);
  if (listing) return listing[1]!;
  return SCRIPTED_OUTPUT.test(file) ? SCRIPTED_PAGES_KEY : null;
}

export interface PagesRecord {
  /** Digest key (page id, `agencies/<slug>`, `years/<year>`) -> digest, for every such page of this build. */
  pages: Record<string, string>;
  /** The keys rendered in this build, or null: all of them. */
  render: string[] | null;
}

/**
 * The pages to render after the previous build's digests: the new and changed ones, or null:
 * all of them. Each kind on its own: when more than half of a kind changed (a new registry, a
 * first build), all of that kind are rendered, since keeping the rest saves little; the other
 * kinds still render only their changed pages.
 */
export function pagesToRender(digests: ReadonlyMap<string, string>, previous: Readonly<Record<string, string>>): string[] | null {
  const kinds = new Map<PageKind, { all: string[]; changed: string[] }>();
  for (const [key, digest] of digests) {
    const kind = kinds.get(kindOfPage(key)) ?? { all: [], changed: [] };
    kinds.set(kindOfPage(key), kind);
    kind.all.push(key);
    if (previous[key] !== digest) kind.changed.push(key);
  }
  const render = [...kinds.values()].map((k) => (k.changed.length <= k.all.length / 2 ? k.changed : k.all));
  if ([...kinds.values()].every((k, i) => render[i] === k.all)) return null;
  return render.flat().sort();
}

/**
 * Counts for the build's last line: report (and file) pages, agency and year pages, and whether
 * the pages with a script and the archive-wide pages were kept.
 */
export function renderCounts(record: PagesRecord): { reports: { rendered: number; total: number }; listings: { rendered: number; total: number }; scriptedKept: boolean; archiveKept: boolean } {
  const count = (keys: string[], kinds: PageKind[]) => keys.filter((k) => kinds.includes(kindOfPage(k))).length;
  const all = Object.keys(record.pages);
  const rendered = record.render ?? all;
  const kept = (key: string) => key in record.pages && !rendered.includes(key);
  return {
    reports: { rendered: count(rendered, ['report']), total: count(all, ['report']) },
    listings: { rendered: count(rendered, ['agency', 'year']), total: count(all, ['agency', 'year']) },
    scriptedKept: kept(SCRIPTED_PAGES_KEY),
    // Both archive-wide units: the pages that list every report, and the outline pages.
    archiveKept: kept(ARCHIVE_PAGES_KEY) && !rendered.includes(OUTLINE_PAGES_KEY),
  };
}
