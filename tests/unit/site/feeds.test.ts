import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../src/site/archive-model.ts';
import { atomFeed, sitemapXml } from '../../../src/site/feeds.ts';
import { siteSettings } from '../../../src/site/settings.ts';

const site = siteSettings({ SITE_URL: 'https://www.whqk.gov.cn', BASE_PATH: '/xxgk/nianbao/' });
const figures = { received: 0, granted: 0, partlyGranted: 0, denied: 0, unable: 0, reviews: 0, litigation: 0 };
const s = (id: string, publishedOn: string | null): ReportSummary => ({ id, title: `${id} 报告 & <附件>`, agency: '某局', canonicalAgency: '某局', agencySlug: 'mouju', district: null, year: 2023, publishedOn, template: '2021', figures, failingChecks: 0, errors: 0, warnings: 0 });

describe('atomFeed', () => {
  const xml = atomFeed([s('2023-a', '2024-01-17'), s('2023-b', '2024-02-01'), s('2023-c', null)], site);

  it('lists dated reports newest first with absolute links under the base path', () => {
    const ids = [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual(['https://www.whqk.gov.cn/xxgk/nianbao/reports/2023-b/', 'https://www.whqk.gov.cn/xxgk/nianbao/reports/2023-a/']);
  });

  it('takes <updated> from the data, so it is the same on every build', () => {
    expect(xml.match(/<updated>([^<]+)<\/updated>/)![1]).toBe('2024-02-01T04:00:00.000Z');
    expect(atomFeed([s('2023-a', '2024-01-17'), s('2023-b', '2024-02-01')], site)).toBe(atomFeed([s('2023-b', '2024-02-01'), s('2023-a', '2024-01-17')], site));
  });

  it('escapes report text for titles the feed marks as HTML', () => {
    expect(xml).not.toContain('<附件>');
    expect(xml).toContain('2023-a 报告 &amp; &lt;附件&gt;');
  });
});

describe('sitemapXml', () => {
  it('lists absolute URLs with their dates', () => {
    const xml = sitemapXml([{ path: '' }, { path: 'reports/2023-a/', lastmod: '2024-01-17' }], site);
    expect(xml).toContain('<url><loc>https://www.whqk.gov.cn/xxgk/nianbao/</loc></url>');
    expect(xml).toContain('<url><loc>https://www.whqk.gov.cn/xxgk/nianbao/reports/2023-a/</loc><lastmod>2024-01-17</lastmod></url>');
  });
});
