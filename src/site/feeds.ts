/**
 * The Atom feed (newest publications first) and sitemap.xml. Everything in them comes from the
 * data, including the feed's <updated>, so two builds of the same archive are identical.
 */
import { Feed } from 'feed';
import type { ReportSummary } from './archive-model.ts';
import { newestReports } from './archive-model.ts';
import type { SiteSettings } from './settings.ts';
import { absoluteUrl, routes } from './urls.ts';

export const FEED_SIZE = 100;

/** The feed library marks titles and summaries as HTML: text from reports is escaped for it. */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A date at noon China time, so it stays the same calendar day in every time zone. */
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);

export function atomFeed(summaries: readonly ReportSummary[], site: SiteSettings): string {
  const items = newestReports(
    summaries.filter((s) => s.publishedOn),
    FEED_SIZE,
  );
  const feed = new Feed({
    id: absoluteUrl(routes.home(), site),
    title: site.title,
    description: `${site.portalName}：政府信息公开工作年度报告，按发布日期排列`,
    link: absoluteUrl(routes.home(), site),
    language: 'zh-CN',
    updated: items[0] ? day(items[0].publishedOn!) : new Date('1970-01-01T00:00:00Z'),
    generator: false,
    feedLinks: { atom: absoluteUrl(routes.feed(), site) },
    copyright: site.portalName,
  });
  for (const s of items) {
    const url = absoluteUrl(routes.report(s.id), site);
    feed.addItem({
      title: html(s.title || s.id),
      id: url,
      link: url,
      date: day(s.publishedOn!),
      published: day(s.publishedOn!),
      description: html(`${s.canonicalAgency}${s.year !== null ? ` ${s.year} 年度` : ''}政府信息公开工作年度报告`),
      author: [{ name: s.canonicalAgency || s.agency }],
    });
  }
  return feed.atom1();
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SitemapUrl {
  path: string;
  lastmod?: string | null;
}

export function sitemapXml(urls: readonly SitemapUrl[], site: SiteSettings): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(absoluteUrl(u.path, site))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body.join('\n')}\n</urlset>\n`;
}
