/**
 * The site's search page in Chromium: the real `npm run build` of the five sample reports and a
 * report whose text holds HTML, served on 127.0.0.1 at the root and under /xxgk/nianbao/. Every
 * query is typed into the page's URL and the report links it lists are compared with the reports
 * whose indexed text contains every term (and, for the queries the issue lists, with the sets it
 * lists). The index is built with tiny shards and tiny index chunks so that the merge and the
 * chunk boundaries are exercised as in a large archive. axe-core checks every page type.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import type { Report } from '../../src/core/model/report.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport } from '../../src/node/read-report.ts';
import { searchRecord } from '../../src/search/records.ts';
import { containsAll, queryRuns, searchRuns } from '../../src/search/tokenize.ts';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURES, ROOT, SAMPLES } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const BASE = '/xxgk/nianbao/';
const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const sampleFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
const samples = new Map<string, Report>();
for (const f of sampleFiles) samples.set(f.slice(0, 3), await readReport(join(SAMPLES, f), { root: SAMPLES, registry }));
const SCRIPTED = join(FIXTURES, 'search', 'script-in-text.txt');
const scripted = await readReport(SCRIPTED, { registry });
const reports = [...samples.values(), scripted];
const id = (prefix: string) => samples.get(prefix)!.id;
const ids = (...prefixes: string[]) => prefixes.map(id).sort();
const texts = new Map(reports.map((r) => [r.id, searchRuns(searchRecord(r).text)]));
/** The reports whose indexed text contains every term of the query. */
const truth = (q: string) => reports.filter((r) => containsAll(texts.get(r.id)!, queryRuns(q))).map((r) => r.id).sort();

let dir: string;
let dist: string;
let browser: Browser;
let root: StaticServer;
let based: StaticServer;
const dialogs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-search-'));
  const archive = join(dir, 'reports');
  mkdirSync(archive);
  for (const f of sampleFiles) copyFileSync(join(SAMPLES, f), join(archive, f));
  copyFileSync(SCRIPTED, join(archive, 'script-in-text.txt'));
  dist = join(dir, 'dist');
  const distBased = join(dir, 'dist-based');
  const tiny = { REPORTS_DIR: archive, AGENCIES_FILE: join(ROOT, 'content', 'agencies.yaml'), XXGK_SEARCH_SHARD_PAGES: '2', XXGK_SEARCH_CHUNK_SIZE: '150' };
  for (const [out, env] of [[dist, {}], [distBased, { BASE_PATH: BASE }]] as const) {
    const b = buildSite(dir, { ...tiny, ...env, OUT_DIR: out });
    if (b.status !== 0) throw new Error(`build failed:\n${b.output}`);
    expect(b.output).toMatch(/分片新建 [04]，沿用 [04]/);
  }
  expect(readdirSync(join(dist, 'pagefind', 'blocks')).sort()).toEqual(['2021', '2022', '2023-1', '2023-2']);
  root = await serveStatic(dist, '/');
  based = await serveStatic(distBased, BASE);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await root?.close();
  await based?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openSearch(server: StaticServer, params: Record<string, string>): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url('search/')}?${new URLSearchParams(params)}`);
  await settled(page);
  return page;
}

/** Waits until the page has shown the outcome of its current search. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const root = document.getElementById('search-results');
    const status = root?.querySelector('[role=status]')?.textContent ?? '';
    return root && !root.hasAttribute('aria-busy') && status !== '' && status !== '正在搜索…';
  });
}

/** The report ids the page lists, from the result links. */
async function listed(page: Page, base = '/'): Promise<string[]> {
  const hrefs = await page.$$eval('.search-list a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const h of hrefs) expect(h.startsWith(`${base}reports/`)).toBe(true);
  return hrefs.map((h) => h.slice(`${base}reports/`.length).replace(/\/$/, '')).sort();
}

async function search(q: string, filters: Record<string, string> = {}, server = root): Promise<string[]> {
  const page = await openSearch(server, { q, ...filters });
  try {
    return await listed(page, server === root ? '/' : BASE);
  } finally {
    await page.close();
  }
}

/** The queries of the issue, with the reports it lists for them. */
const ISSUE: [string, string[]][] = [
  ['大数据', ['000', '001', '002']],
  ['硚口', ['000', '003', '004']],
  ['机关事务', ['003']],
  ['企业服务', ['004']],
  ['政务服务', ['001', '002']],
  ['湛河', ['001']],
  ['行政许可', ['000', '001', '002', '003', '004']],
  ['依申请公开', ['000', '001', '002', '003', '004']],
  ['硚口 2023', ['000', '004']],
];

/** Fragments a person might type, including ones that cross word boundaries, and misses. */
const FRAGMENTS = ['数据中', '区大数', '服务中心', '政务', '管理局', '大数据中心', '硚口区大数据中心', '湛河区政务服务和大数据管理局', '东湖新技术开发区政务服务和大数据管理局', '和大数据', '务服务和大', '区', '心', '硚', '2022', '2023年', '行政复议', '依申请', '申请公开', '政府信息公开工作年度报告', '大数据 2022', '湛河 硚口', '湛河区硚口', '大数据管理局东湖', '不存在的机构名称', 'pdf', '０'];

describe('Chinese queries list exactly the reports that contain them', () => {
  const isSample = (reportId: string) => reportId !== scripted.id;
  it.each(ISSUE)('%s → the reports the issue lists', async (q, expected) => {
    // The issue's sets are the literal truth over the samples (the report added here to test
    // HTML is a copy of 003 and matches what 003 matches).
    expect(truth(q).filter(isSample)).toEqual(ids(...expected));
    const found = await search(q);
    expect(found).toEqual(truth(q));
    expect(found.filter(isSample)).toEqual(ids(...expected));
  });

  describe('fragments typed into the open search page', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openSearch(root, {});
    });
    afterAll(() => page.close());
    it.each(FRAGMENTS)('%s → the reports whose text contains it', async (q) => {
      await page.fill('input[name=q]', q);
      await page.press('input[name=q]', 'Enter');
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q.trim(), q);
      await settled(page);
      expect(await listed(page)).toEqual(truth(q));
    });
  });

  it('every query of the issue gives the same under the base path /xxgk/nianbao/', async () => {
    for (const [q, expected] of ISSUE) expect((await search(q, {}, based)).filter((r) => r !== scripted.id), q).toEqual(ids(...expected));
    expect(await search('区大数', {}, based)).toEqual(truth('区大数'));
  });
});

describe('filters', () => {
  it('the year filter 2022 alone leaves 003', async () => {
    expect(await search('', { year: '2022' })).toEqual(ids('003'));
  });

  it('narrow a query by year, agency and district from the URL', async () => {
    expect(await search('硚口', { year: '2023' })).toEqual(ids('000', '004'));
    expect(await search('大数据', { agency: '湛河区政务服务和大数据管理局' })).toEqual(ids('001'));
    expect(await search('政务服务', { district: '东湖新技术开发区' })).toEqual(ids('002'));
    expect(await search('大数据', { year: '2022' })).toEqual([]);
  });

  it('are chosen on the page, with counts, and kept in the URL', async () => {
    const page = await openSearch(root, { q: '硚口' });
    const years = await page.$$eval('#search-filter-year option', (os) => os.map((o) => o.textContent));
    expect(years).toEqual(['全部年度（3）', '2023（2）', '2022（1）']);
    const agencies = await page.$$eval('#search-filter-agency option', (os) => os.map((o) => o.textContent));
    // Most reports first, then in pinyin order (da, ji, qi).
    expect(agencies).toEqual(['全部机构（3）', '硚口区大数据中心（1）', '硚口区机关事务服务中心（1）', '硚口区企业服务中心（1）']);

    await page.selectOption('#search-filter-year', '2023');
    await settled(page);
    expect(await listed(page)).toEqual(ids('000', '004'));
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
    expect(await page.textContent('[role=status]')).toBe('找到 2 篇包含“硚口”的报告（年度：2023）。');

    await page.selectOption('#search-filter-agency', '硚口区企业服务中心');
    await settled(page);
    expect(await listed(page)).toEqual(ids('004'));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: '硚口', year: '2023', agency: '硚口区企业服务中心' });
    // The year counts follow the agency chosen: the year filter offers what would remain.
    expect(await page.$$eval('#search-filter-year option', (os) => os.map((o) => o.textContent))).toEqual(['全部年度（1）', '2023（1）']);

    await page.goBack();
    await settled(page);
    expect(await listed(page)).toEqual(ids('000', '004'));
    await page.close();
  });
});

describe('the search page', () => {
  it('shows title, agency, year and a snippet with the match marked', async () => {
    expect(truth('好差评')).toEqual(ids('001'));
    const page = await openSearch(root, { q: '好差评' });
    const item = page.locator('.search-result').first();
    expect(await item.locator('h2 a').textContent()).toBe(samples.get('001')!.title);
    expect(await item.locator('.search-meta').textContent()).toBe('湛河区政务服务和大数据管理局 · 2023年 · 湛河区');
    const marks = await item.locator('.search-snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toEqual(['好差评']);
    // Readable text as the report wrote it, not index words.
    expect(await item.locator('.search-snippet').textContent()).toContain('办事情况、“好差评”及第三方评估监督等工作进行主动公开');
    expect(await item.locator('.search-snippet').textContent()).not.toContain('ꙮ');
    await page.close();
  });

  it('shows the start of the text when only the title or agency matches', async () => {
    const page = await openSearch(root, { q: '湛河' });
    expect(await page.locator('.search-snippet').first().textContent()).toMatch(/^\(一\) 主动公开:\s*2023 年, 区政务服务和大数据管理局/);
    await page.close();
  });

  it('marks a query that crosses word boundaries inside readable text', async () => {
    const page = await openSearch(root, { q: '区大数' });
    const snippet = await page.locator('.search-snippet').first().textContent();
    expect(snippet).toContain('区大数');
    expect(await page.locator('.search-snippet mark').first().textContent()).toBe('区大数');
    await page.close();
  });

  it('finds nothing for punctuation alone, and asks for a query when there is none', async () => {
    expect(await search('，。')).toEqual([]);
    const page = await openSearch(root, {});
    expect(await page.textContent('[role=status]')).toBe('请输入要查找的词语，例如机构名称、年度或“行政复议”。');
    expect(await page.locator('.search-result').count()).toBe(0);
    await page.close();
  });

  it('says so when the index cannot be loaded', async () => {
    const broken = join(dir, 'dist-broken');
    cpSync(dist, broken, { recursive: true });
    rmSync(join(broken, 'pagefind'), { recursive: true });
    const server = await serveStatic(broken, '/');
    try {
      const page = await openSearch(server, { q: '硚口' });
      expect(await page.textContent('[role=status]')).toBe('搜索暂时无法使用，请稍后再试。');
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('says so when nothing matches', async () => {
    const page = await openSearch(root, { q: '湛河区硚口' });
    expect(await page.textContent('[role=status]')).toBe('没有找到包含“湛河区硚口”的报告。请换一个词语，或减少筛选条件。');
    expect(await page.locator('.search-result').count()).toBe(0);
    await page.close();
  });

  it('searches again from the form without reloading, and announces the count', async () => {
    const page = await openSearch(root, { q: '湛河' });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.fill('input[name=q]', '企业服务');
    await page.press('input[name=q]', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '企业服务');
    await settled(page);
    expect(await listed(page)).toEqual(ids('004'));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const status = page.locator('[role=status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe('找到 1 篇包含“企业服务”的报告。');
    await page.close();
  });

  it('filters with the keyboard alone', async () => {
    const page = await openSearch(root, { q: '硚口' });
    await page.focus('#search-filter-year');
    await page.keyboard.press('ArrowDown'); // 全部年度 → 2023
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2023');
    await settled(page);
    expect(await listed(page)).toEqual(ids('000', '004'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-filter-year');
    await page.close();
  });

  it('leads from a result to its report page, also under a base path', async () => {
    for (const [server, base] of [[root, '/'], [based, BASE]] as const) {
      const page = await openSearch(server, { q: '机关事务' });
      await page.click('.search-list a');
      await page.waitForURL(`**${base}reports/${id('003')}/`);
      expect(await page.textContent('h1')).toBe(samples.get('003')!.title);
      await page.close();
    }
  });
});

describe('accessibility', () => {
  const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

  async function violations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
  }

  it.each([
    ['with results', { q: '硚口' }],
    ['with no result', { q: '湛河区硚口' }],
    ['browsing by a filter', { year: '2022' }],
    ['before a search', {}],
  ])('the search page %s has no axe-core violation', async (_, params) => {
    const page = await openSearch(root, params as Record<string, string>);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  const PAGES = () => [
    ['home', ''],
    ['report', `reports/${id('002')}/`],
    ['report holding HTML', `reports/${scripted.id}/`],
    ['agency list', 'agencies/'],
    ['agency', `agencies/${samples.get('000')!.agencySlug}/`],
    ['year list', 'years/'],
    ['year', 'years/2023/'],
    ['year sorted by a figure', 'years/2023/by-received/'],
    ['quality', 'quality/'],
    ['data downloads', 'data/'],
    ['404', '404.html'],
  ];
  it.each([['at the root', () => root], ['under the base path', () => based]] as const)('every page type has no axe-core violation %s', async (_, server) => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const [name, path] of PAGES()) {
      const response = await page.goto(server().url(path!));
      expect(response?.status(), name).toBe(200);
      expect(await page.locator('h1').count(), name).toBe(1);
      for (const v of await violations(page)) found.push(`${name}: ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it('axe-core catches a violation when there is one (the check is in force)', async () => {
    const page = await browser.newPage();
    await page.goto(root.url('404.html'));
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="data:,"><a href="#"></a>'));
    const found = await violations(page);
    expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['image-alt', 'link-name']);
    await page.close();
  });

  it('the search box of every page leads to the search page with results, by keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(based.url(`reports/${id('003')}/`));
    await page.focus('#site-q');
    await page.keyboard.type('企业服务');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${BASE}search/?q=*`);
    await settled(page);
    expect(await listed(page, BASE)).toEqual(ids('004'));
    expect(await page.inputValue('main input[name=q]')).toBe('企业服务');
    await page.close();
  });
});

describe('text from reports and queries stays text', () => {
  it('shows HTML written in a report as text', async () => {
    const page = await openSearch(root, { q: 'alert' });
    expect(await listed(page)).toEqual([scripted.id]);
    const snippet = await page.locator('.search-snippet').textContent();
    expect(snippet).toContain('<script>alert(1)</script>和<img src=x onerror=alert(2)>');
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    await page.close();
  });

  it('shows a query holding HTML as text', async () => {
    const q = '<script>alert(1)</script>';
    const page = await openSearch(root, { q });
    expect(await page.textContent('[role=status]')).toContain(`包含“${q}”的报告`);
    expect(await page.inputValue('input[name=q]')).toBe(q);
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    // The query's words (script, alert, 1) are all in that report, so it is listed.
    expect(await listed(page)).toEqual([scripted.id]);
    await page.close();
  });

  it('shows HTML written in a report as text on its report page', async () => {
    const page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(root.url(`reports/${scripted.id}/`));
    expect(await page.locator('main').textContent()).toContain('<script>alert(1)</script>和<img src=x onerror=alert(2)>');
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.close();
  });

  it('opened no dialog anywhere', () => {
    expect(dialogs).toEqual([]);
  });
});
