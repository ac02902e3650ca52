import { describe, expect, it } from 'vitest';
import { DEFAULTS, normalizeBasePath, normalizeSiteUrl, SettingsError, siteSettings } from '../../../src/site/settings.ts';
import { absoluteUrl, cellAnchor, checkAnchor, joinBase, routes } from '../../../src/site/urls.ts';

describe('BASE_PATH', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/xxgk/nianbao/', '/xxgk/nianbao/'],
    ['xxgk/nianbao', '/xxgk/nianbao/'],
    ['/xxgk/nianbao', '/xxgk/nianbao/'],
    ['//xxgk//nianbao//', '/xxgk/nianbao/'],
    [' /a-b_c.d~/ ', '/a-b_c.d~/'],
  ])('%j becomes %j', (raw, want) => {
    expect(normalizeBasePath(raw)).toBe(want);
  });

  it.each(['/../x/', '/a/./b/', '/年报/', '/a b/', '/a?b/', '/a#b/', '/<x>/'])('refuses %j', (raw) => {
    expect(() => normalizeBasePath(raw)).toThrow(SettingsError);
  });
});

describe('SITE_URL', () => {
  it('keeps the origin without a trailing slash', () => {
    expect(normalizeSiteUrl('https://www.whqk.gov.cn/')).toBe('https://www.whqk.gov.cn');
    expect(normalizeSiteUrl('http://localhost:4321')).toBe('http://localhost:4321');
    expect(normalizeSiteUrl(undefined)).toBe(DEFAULTS.siteUrl);
  });

  it('refuses other schemes and paths (the path belongs in BASE_PATH)', () => {
    expect(() => normalizeSiteUrl('ftp://x.gov.cn')).toThrow(SettingsError);
    expect(() => normalizeSiteUrl('https://x.gov.cn/xxgk/')).toThrow(/BASE_PATH/);
    expect(() => normalizeSiteUrl('not a url')).toThrow(SettingsError);
  });
});

describe('siteSettings', () => {
  it('has defaults for a local build', () => {
    expect(siteSettings({})).toEqual({ title: DEFAULTS.title, portalName: DEFAULTS.portalName, portalUrl: null, siteUrl: DEFAULTS.siteUrl, basePath: '/' });
  });

  it('reads every setting from the environment', () => {
    const s = siteSettings({ SITE_URL: 'https://www.whqk.gov.cn', BASE_PATH: 'xxgk/nianbao', SITE_TITLE: '年报档案', PORTAL_NAME: '硚口区人民政府', PORTAL_URL: 'https://www.whqk.gov.cn/' });
    expect(s).toEqual({ title: '年报档案', portalName: '硚口区人民政府', portalUrl: 'https://www.whqk.gov.cn/', siteUrl: 'https://www.whqk.gov.cn', basePath: '/xxgk/nianbao/' });
  });
});

describe('URLs', () => {
  it('prefix every site path with the base path exactly once', () => {
    expect(joinBase('/', '')).toBe('/');
    expect(joinBase('/', 'reports/2023-a/')).toBe('/reports/2023-a/');
    expect(joinBase('/xxgk/nianbao/', '')).toBe('/xxgk/nianbao/');
    expect(joinBase('/xxgk/nianbao/', 'reports/2023-a/')).toBe('/xxgk/nianbao/reports/2023-a/');
    expect(joinBase('/xxgk/nianbao/', '/data/reports.json')).toBe('/xxgk/nianbao/data/reports.json');
  });

  it('make absolute URLs from the site URL and base path', () => {
    const site = { siteUrl: 'https://www.whqk.gov.cn', basePath: '/xxgk/nianbao/' };
    expect(absoluteUrl(routes.report('2023-a'), site)).toBe('https://www.whqk.gov.cn/xxgk/nianbao/reports/2023-a/');
    expect(absoluteUrl(routes.feed(), site)).toBe('https://www.whqk.gov.cn/xxgk/nianbao/feed.xml');
  });

  it('route every kind of page and file', () => {
    expect(routes.agency('qiaokou-dashuju-zhongxin')).toBe('agencies/qiaokou-dashuju-zhongxin/');
    expect(routes.year(2023)).toBe('years/2023/');
    expect(routes.yearSorted(2023, 'agency')).toBe('years/2023/');
    expect(routes.yearSorted(2023, 'received')).toBe('years/2023/by-received/');
    expect(routes.yearSorted(2023, 'partlyGranted')).toBe('years/2023/by-partly-granted/');
    expect(routes.reportJson('2023-a')).toBe('data/reports/2023-a.json');
    expect(routes.reportCsv('2023-a')).toBe('data/reports/2023-a.csv');
    expect(routes.cell('2023-a', 'requests.granted.total')).toBe('reports/2023-a/#cell-requests-granted-total');
  });

  it('derive fragment ids from dotted paths', () => {
    expect(cellAnchor('requests.granted.total')).toBe('cell-requests-granted-total');
    expect(cellAnchor('requests.denied.stateSecret.naturalPerson')).toBe('cell-requests-denied-stateSecret-naturalPerson');
    expect(checkAnchor('requests.balance.total')).toBe('check-requests-balance-total');
  });
});
