/**
 * A partial build (scripts/build.ts, after only some reports changed) renders the pages of those
 * reports only, the agency and year pages whose content changed, the archive-wide pages when what
 * they list changed, and the two archive-wide downloads; the other pages and files are kept from
 * the previous build. The set is decided while the archive is read (src/loader/page-digests.ts)
 * and handed over on globalThis, because Astro loads the loader and the pages as separate module
 * instances.
 */
export const RENDER_ONLY = Symbol.for('xxgk.render-only');

/** What the keys of the agency pages and of the year pages start with (no page id has a slash). */
export const AGENCY_KEYS = 'agencies/';
export const YEAR_KEYS = 'years/';

/** The key of an agency's page (agencies/<slug>/) in the render set and the page digests. */
export const agencyPageKey = (slug: string) => `${AGENCY_KEYS}${slug}`;

/** The key of a year's page and its sorted views (years/<year>/…). */
export const yearPageKey = (year: number) => `${YEAR_KEYS}${year}`;

/**
 * The pages that run a script (the search page and the validator) and the browser bundle in
 * `_astro/` that only they load, as one unit with one key: the pages read nothing of the archive
 * but the bodies' names (the validator spells them), so after most changes to reports they are the
 * previous build's, and a partial build then neither renders them nor bundles their scripts
 * (src/node/build/vite-keep-pages.ts). Every page with a bundled script must be listed here
 * (tests/unit/site/kept-pages.test.ts checks src/pages).
 */
export const SCRIPTED_PAGES_KEY = 'scripted/pages';
export const SCRIPTED_PAGES = [
  { route: 'search', source: 'src/pages/search/index.astro' },
  { route: 'check', source: 'src/pages/check/index.astro' },
] as const;

/**
 * The pages that read the whole archive's listings but no report's text (home, the agency and year
 * indexes, quality, feed, sitemap, the data page and package) and the pages that read nothing of it
 * (404, robots.txt, the JSON Schema), as one unit with one key: after a report's text changed but
 * not what any listing shows of it, they are the previous build's, and a partial build does not
 * render them (src/node/build/vite-keep-pages.ts). Rendering them took about a second of every
 * one-report rebuild at 10,000 reports (agencies/index.html alone is 1.6 MB). The two
 * archive-wide downloads (data/reports.json, .csv) hold every report's text and are joined in
 * every build. tests/unit/site/kept-pages.test.ts checks that every page of src/pages is a
 * report's, an agency's or a year's, one of the pages with a script, one of these, or one of the
 * two downloads.
 */
export const ARCHIVE_PAGES_KEY = 'archive/pages';
export const ARCHIVE_PAGES = [
  { output: 'index.html', source: 'src/pages/index.astro' },
  { output: '404.html', source: 'src/pages/404.astro' },
  { output: 'years/index.html', source: 'src/pages/years/index.astro' },
  { output: 'quality/index.html', source: 'src/pages/quality/index.astro' },
  { output: 'data/index.html', source: 'src/pages/data/index.astro' },
  { output: 'data/datapackage.json', source: 'src/pages/data/datapackage.json.ts' },
  { output: 'data/schema.json', source: 'src/pages/data/schema.json.ts' },
  { output: 'feed.xml', source: 'src/pages/feed.xml.ts' },
  { output: 'robots.txt', source: 'src/pages/robots.txt.ts' },
] as const;

/**
 * Of the pages that read the whole archive, those that read only what names and places each
 * report (its page id, body, names, district, year and date) and the files that are not reports,
 * not its figures, diagnostics or checks: the agencies' index and the sitemap, 8 and 7 MB at
 * 50,000 reports. Their key's digest does not change when a report's figures or checks do
 * (src/loader/page-digests.ts), so a partial build after such a change keeps them, as the
 * archive-wide pages' unit is kept (src/node/build/vite-keep-pages.ts).
 */
export const OUTLINE_PAGES_KEY = 'archive/outline';
export const OUTLINE_PAGES = [
  { output: 'agencies/index.html', source: 'src/pages/agencies/index.astro' },
  { output: 'sitemap.xml', source: 'src/pages/sitemap.xml.ts' },
] as const;

/**
 * The routes of the agency and the year pages, by the prefix of their keys: a partial build that
 * renders no page of one of them gives Astro a route without paths for its sources, so it does
 * not bundle them (the agency page's charts and d3-scale, the year views' tables), see
 * src/node/build/vite-keep-pages.ts. The report pages' routes are not among them: nearly every
 * partial build renders a report's or a file's page (one that only removed reports renders none,
 * and bundles the route for nothing).
 */
export const LISTING_ROUTES = [
  { prefix: AGENCY_KEYS, sources: ['src/pages/agencies/[slug]/index.astro'] },
  { prefix: YEAR_KEYS, sources: ['src/pages/years/[year]/index.astro', 'src/pages/years/[year]/[sort]/index.astro'] },
] as const;

/** The page ids and keys to render, or null: render every page. */
export function renderOnly(): Set<string> | null {
  return ((globalThis as Record<symbol, unknown>)[RENDER_ONLY] as Set<string> | undefined) ?? null;
}

export function setRenderOnly(ids: Set<string> | null): void {
  (globalThis as Record<symbol, unknown>)[RENDER_ONLY] = ids ?? undefined;
}

/** Whether the page (and the files beside it) of this id or key is rendered in this build. */
export function rendersPage(pageId: string): boolean {
  const only = renderOnly();
  return only === null || only.has(pageId);
}
