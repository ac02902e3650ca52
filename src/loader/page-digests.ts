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
 * every body's name. The archive-wide pages (home, the indexes, quality, feed, sitemap, the data
 * page and package; `ARCHIVE_PAGES_KEY`) read every report's listing (its summary, file name,
 * diagnostics and failing checks), the build summary, the archive-wide problems and the files that
 * are not reports. The two archive-wide downloads hold every report's text and are joined in every
 * build. Keep this list in step with those pages.
 */
import { createHash, hash } from 'node:crypto';
import type { Report } from '../core/model/report.ts';
import { groupByAgency, summarize } from '../site/archive-model.ts';
import { AGENCY_KEYS, agencyPageKey, ARCHIVE_PAGES, ARCHIVE_PAGES_KEY, SCRIPTED_PAGES, SCRIPTED_PAGES_KEY, YEAR_KEYS, yearPageKey } from '../site/render-only.ts';
import type { ArchiveSnapshot, PagedProblem } from './archive-snapshot.ts';

// One-shot (crypto.hash), not a Hash object per page: a sixth of the time for 10,000 short texts.
const sha = (text: string) => hash('sha256', text, 'hex').slice(0, 32);

/**
 * A page that lists reports (an agency's, a year's) is made from the set of their summaries: the
 * order it shows them in, the body's name and district follow from that set. So its digest is
 * taken over the summaries in id order, each serialised once for all the pages that list it:
 * serialising every agency group twice and every year group once took 0.5 s at 10,000 reports.
 */
function listDigest(label: string, texts: readonly string[], members: readonly number[]): string {
  const h = createHash('sha256').update(label);
  for (const i of members) h.update(`\u0000${texts[i]}`);
  return h.digest('hex').slice(0, 32);
}

export function pageDigests(snapshot: ArchiveSnapshot<Report | null>): Map<string, string> {
  const summaries = snapshot.reports.map((p) => summarize(p.brief)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = summaries.map((s) => JSON.stringify(s));
  const bySlug = new Map<string, number[]>();
  const byYear = new Map<number, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const members = map.get(key);
    if (members) members.push(i);
    else map.set(key, [i]);
  };
  summaries.forEach((s, i) => {
    add(bySlug, s.agencySlug, i);
    if (s.year !== null) add(byYear, s.year, i);
  });
  const problems = new Map<string, PagedProblem[]>();
  for (const p of snapshot.overview.problems) {
    for (const page of new Set([p.pageId, p.otherPageId])) if (page) problems.set(page, [...(problems.get(page) ?? []), p]);
  }
  // A report's page shows its body's group: each group digested once, not once per report of it.
  const groupDigests = new Map([...bySlug].map(([slug, members]) => [slug, listDigest(`agency\u0000${slug}`, texts, members)]));
  const out = new Map<string, string>();
  for (const page of snapshot.reports) {
    // digestKey: bytes, sidecar, registry, parser code, page id; the rest is what the page shows of other reports.
    out.set(page.pageId, sha(JSON.stringify(['report', page.digestKey, page.entry.size, page.entry.rawText !== null, groupDigests.get(page.brief.agencySlug), problems.get(page.pageId) ?? []])));
  }
  for (const file of snapshot.problemFiles) {
    if (file.pageId) out.set(file.pageId, sha(JSON.stringify(['file', file.digestKey, file.entry.size, file.entry.error, problems.get(file.pageId) ?? []])));
  }
  for (const [slug, digest] of groupDigests) out.set(agencyPageKey(slug), digest);
  for (const [year, members] of byYear) out.set(yearPageKey(year), listDigest(`year\u0000${year}`, texts, members));
  // The validator spells every body's name (as its page shows it).
  out.set(SCRIPTED_PAGES_KEY, sha(JSON.stringify(['scripted', snapshot.registryDigest, groupByAgency(summaries).map((g) => g.name)])));
  // Every summary is in its agency's group, digested above; of a listing the rest is its file name,
  // diagnostics and failing checks. A file that is not a report counts whole (its digestKey).
  const listed = snapshot.reports.map((p) => [p.pageId, p.brief.source.file, p.brief.diagnostics, p.brief.checks]);
  const files = snapshot.problemFiles.map((f) => [f.pageId, f.digestKey, f.entry.size, f.entry.error]);
  out.set(ARCHIVE_PAGES_KEY, sha(JSON.stringify(['archive', [...groupDigests.values()], listed, snapshot.overview, files])));
  return out;
}

/** What a digest key names: a report's (or a file's) page, an agency page, a year page with its sorted views, the pages with a script, the archive-wide pages. */
export type PageKind = 'report' | 'agency' | 'year' | 'scripted' | 'archive';

export function kindOfPage(key: string): PageKind {
  if (key === SCRIPTED_PAGES_KEY) return 'scripted';
  if (key === ARCHIVE_PAGES_KEY) return 'archive';
  return key.startsWith(AGENCY_KEYS) ? 'agency' : key.startsWith(YEAR_KEYS) ? 'year' : 'report';
}

const ARCHIVE_OUTPUT = new Set<string>(ARCHIVE_PAGES.map((p) => p.output));

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
    archiveKept: kept(ARCHIVE_PAGES_KEY),
  };
}

/**
 * This build's pages (scripts/build.ts): every page's digest and, given the previous build's
 * digests, the pages to render (see pagesToRender).
 */
export function pagesRecord(snapshot: ArchiveSnapshot<Report | null>, previous: Record<string, string> | null): PagesRecord {
  const digests = pageDigests(snapshot);
  return { pages: Object.fromEntries(digests), render: previous ? pagesToRender(digests, previous) : null };
}
