/**
 * Every URL of the site, in one place. Routes are written without the base path; `href` adds it,
 * so the archive works at the root of a host or under a portal folder (BASE_PATH).
 */
import { settings } from './settings.ts';
import { cellAnchor } from './anchors.ts';

/** Joins a normalized base ("/" or "/a/b/") and a site path ("", "reports/x/", "/data/a.json"). */
export function joinBase(base: string, path: string): string {
  const clean = path.replace(/^\/+/, '');
  return `${base}${clean}`;
}

/** A site path under this build's base path. */
export function href(path: string): string {
  return joinBase(settings.basePath, path);
}

/** The addresses of a body's and a report's pages, for the lists written as strings (src/site/render/agency-lists.ts). */
export const pageHrefs = {
  agency: (slug: string) => href(routes.agency(slug)),
  report: (id: string) => href(routes.report(id)),
};

/** The absolute URL of a site path (canonical links, feed, sitemap). */
export function absoluteUrl(path: string, site: { siteUrl: string; basePath: string } = settings): string {
  return `${site.siteUrl}${joinBase(site.basePath, path)}`;
}

/** Site paths (no base) of every kind of page and file. Ids and slugs are validated slugs. */
export const routes = {
  home: () => '',
  report: (id: string) => `reports/${id}/`,
  cell: (id: string, path: string) => `reports/${id}/#${cellAnchor(path)}`,
  agencies: () => 'agencies/',
  agency: (slug: string) => `agencies/${slug}/`,
  years: () => 'years/',
  year: (year: number) => `years/${year}/`,
  yearSorted: (year: number, sort: string) => (sort === 'agency' ? `years/${year}/` : `years/${year}/${sortSegment(sort)}/`),
  quality: () => 'quality/',
  search: () => 'search/',
  check: () => 'check/',
  data: () => 'data/',
  reportsJson: () => 'data/reports.json',
  reportsCsv: () => 'data/reports.csv',
  reportJson: (id: string) => `data/reports/${id}.json`,
  reportCsv: (id: string) => `data/reports/${id}.csv`,
  schema: () => 'data/schema.json',
  datapackage: () => 'data/datapackage.json',
  feed: () => 'feed.xml',
  sitemap: () => 'sitemap.xml',
} as const;

/** The URL segment of a sorted view: partlyGranted -> by-partly-granted (URLs stay lowercase). */
export function sortSegment(sort: string): string {
  return `by-${sort.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export { cellAnchor, checkAnchor } from './anchors.ts';
