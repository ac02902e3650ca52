/** /sitemap.xml: every page a search engine should know (the sorted year views are alternates, left out). */
import type { APIRoute } from 'astro';
import { archiveIndex } from '../site/archive-index.ts';
import { sitemapXml } from '../site/feeds.ts';
import { settings } from '../site/settings.ts';
import { routes } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  const urls = [
    { path: routes.home() },
    { path: routes.agencies() },
    ...index.agencies.map((a) => ({ path: routes.agency(a.slug) })),
    { path: routes.years() },
    ...index.years.map((y) => ({ path: routes.year(y.year) })),
    ...index.summaries.map((s) => ({ path: routes.report(s.id), lastmod: s.publishedOn })),
    ...index.files.flatMap((f) => (f.data.pageId ? [{ path: routes.report(f.data.pageId) }] : [])),
    { path: routes.quality() },
    { path: routes.data() },
  ];
  return new Response(sitemapXml(urls, settings), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
