/**
 * The real build (`npm run build`: scripts/build.ts, Astro then the search index) of the sample archive at the root, twice (the output must be
 * byte-identical), and of a mixed archive under BASE_PATH=/xxgk/nianbao/; then the pages, the data
 * files, html-validate over every page and linkinator over every link (fragments included) of both.
 * One build per case, shared by all assertions.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src/core/export/report-row.ts';
import type { Report } from '../../src/core/model/report.ts';
import { getPath } from '../../src/core/tables/assemble.ts';
import { formatNumber } from '../../src/site/tables/cell-display.ts';
import { byId, byTag, elements, links, parseHtml, rowOf, textOf, visibleText } from '../helpers/html.ts';
import { NODE, ROOT } from '../helpers/paths.ts';
import { SAMPLE_DIR, SAMPLE_FILES, writeMixedArchive } from '../helpers/site-archive.ts';

const BASE = '/xxgk/nianbao/';
const BUILD = join(ROOT, 'scripts', 'build.ts');
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-site-build-'));
const out = {
  root: join(tmp, 'root-1'),
  again: join(tmp, 'root-2'),
  /** Served from baseRoot, the site lives at baseRoot + BASE. */
  baseRoot: join(tmp, 'base-root'),
  base: join(tmp, 'base-root', 'xxgk', 'nianbao'),
};

interface BuildResult {
  status: number | null;
  output: string;
}

function build(env: Record<string, string>): BuildResult {
  const r = spawnSync(NODE, [BUILD], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', XXGK_CACHE_DIR: join(tmp, 'parse-cache'), XXGK_SEARCH_CACHE_DIR: join(tmp, 'search-cache'), SITE_URL: '', BASE_PATH: '', STRICT: '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

function files(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir)
    .map((f) => relative(dir, f))
    .sort();
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const page = (dir: string, path: string) => parseHtml(read(dir, path));
const reportsOf = (dir: string) => JSON.parse(read(dir, 'data/reports.json')) as Report[];

let builds: Record<'root' | 'again' | 'base' | 'strict', BuildResult>;
let mixedDir: string;

beforeAll(async () => {
  mixedDir = join(tmp, 'mixed');
  await writeMixedArchive(mixedDir);
  mkdirSync(out.baseRoot, { recursive: true });
  const cache = join(tmp, 'astro-cache');
  builds = {
    // The search index alongside Astro, then (under the base path) before it: both ways are built.
    root: build({ OUT_DIR: out.root, ASTRO_CACHE_DIR: cache, XXGK_SEARCH_CONCURRENT: '1' }),
    // Same input, warm caches (parse cache and Astro's data store): must give the same bytes.
    again: build({ OUT_DIR: out.again, ASTRO_CACHE_DIR: cache, XXGK_SEARCH_CONCURRENT: '1' }),
    base: build({ OUT_DIR: out.base, ASTRO_CACHE_DIR: join(tmp, 'astro-cache-base'), BASE_PATH: BASE, SITE_URL: 'https://www.example.gov.cn', REPORTS_DIR: mixedDir, AGENCIES_FILE: join(ROOT, 'content', 'agencies.yaml'), XXGK_SEARCH_CONCURRENT: '0' }),
    strict: build({ OUT_DIR: join(tmp, 'strict'), ASTRO_CACHE_DIR: join(tmp, 'astro-cache-strict'), STRICT: '1', REPORTS_DIR: mixedDir }),
  };
  for (const [name, b] of Object.entries(builds)) if (name !== 'strict' && b.status !== 0) throw new Error(`build ${name} failed:\n${b.output}`);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const SAMPLE_IDS = ['2022-qiaokou-jiguan-shiwu', '2023-donghu-zhengwu-dashuju', '2023-qiaokou-dashuju-zhongxin', '2023-qiaokou-qiye-fuwu', '2023-zhanhe-zhengwu-dashuju'];

describe('build of the samples at the root', () => {
  it('prints the summary', () => {
    expect(builds.root.output).toContain('5 个文件：5 份报告，0 个文件有错误（共 0 个），0 项校验未通过，0 个警告');
  });

  it('has a page for every report at /reports/<id>/', () => {
    const reports = reportsOf(out.root);
    expect(reports.map((r) => r.id)).toEqual(SAMPLE_IDS);
    for (const id of SAMPLE_IDS) expect(existsSync(join(out.root, 'reports', id, 'index.html')), id).toBe(true);
  });

  it('shows sample 002\'s figures in the official tables: 行政许可 112341, 本机关不掌握相关政府信息 18', () => {
    const tree = page(out.root, 'reports/2023-donghu-zhengwu-dashuju/index.html');
    const licensing = byId(tree, 'cell-proactive-licensing')!;
    expect(textOf(licensing).trim()).toBe('112341');
    expect(byTag(rowOf(tree, licensing)!, 'th').map((th) => textOf(th))).toEqual(['行政许可']);
    expect(byId(tree, 'table-proactive')!.children.some((c) => c.type === 'element' && c.tagName === 'caption')).toBe(true);

    const notHeld = byId(tree, 'cell-requests-unableToProvide-notHeld-total')!;
    expect(textOf(notHeld).trim()).toBe('18');
    const row = rowOf(tree, notHeld)!;
    expect(byTag(row, 'th').map((th) => textOf(th))).toContain('1. 本机关不掌握相关政府信息');
    expect(byTag(row, 'td').map((td) => textOf(td).trim())).toEqual(['18', '0', '0', '0', '0', '0', '18']);
    expect(byId(tree, 'table-requests')).toBeDefined();
    expect(byId(tree, 'table-appeals')).toBeDefined();
  });

  it('shows every cell of every report as its data says', () => {
    for (const r of reportsOf(out.root)) {
      const tree = page(out.root, `reports/${r.id}/index.html`);
      const cells = [...elements(tree)].filter((e) => typeof e.properties.id === 'string' && (e.properties.id as string).startsWith('cell-'));
      expect(cells.length, r.id).toBe(200);
      for (const td of cells) {
        const path = (td.properties.id as string).slice(5).replaceAll('-', '.');
        const v = getPath(r, path) as number | null;
        expect(visibleText(td).trim(), `${r.id} ${path}`).toBe(v === null ? '—' : formatNumber(v));
      }
      expect(textOf(byId(tree, 'checks-requests')!)).toContain('项勾稽关系全部通过');
    }
  });

  it('renders chapter text as paragraphs under the chapter headings', () => {
    const tree = page(out.root, 'reports/2023-donghu-zhengwu-dashuju/index.html');
    const chapter1 = byId(tree, 'chapter-1')!;
    expect(textOf(byTag(chapter1, 'h2')[0]!)).toBe('一、总体情况');
    expect(byTag(chapter1, 'h3').map((h) => textOf(h))).toContain('（一）主动公开');
    expect(byTag(chapter1, 'p').length).toBeGreaterThan(3);
    expect(byTag(tree, 'h2').map((h) => textOf(h))).toEqual(expect.arrayContaining(['六、其他需要报告的事项', '数据下载', '本机关其他年度']));
  });

  it('publishes the originals byte for byte with their sha256', () => {
    const reports = reportsOf(out.root);
    for (const file of SAMPLE_FILES) {
      const r = reports.find((x) => x.source.file === file)!;
      const bytes = readFileSync(join(out.root, 'reports', r.id, `${r.id}.txt`));
      expect(bytes.equals(readFileSync(join(SAMPLE_DIR, file))), file).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.source.sha256);
      expect(read(out.root, `reports/${r.id}/index.html`)).toContain(r.source.sha256);
    }
  });

  it('writes the data downloads', () => {
    const reports = reportsOf(out.root);
    const csv = read(out.root, 'data/reports.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(REPORT_COLUMNS.map((c) => c.name).join(','));
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(SAMPLE_IDS);
    const r002 = rows.find((r) => r.id === '2023-donghu-zhengwu-dashuju')!;
    expect(r002['proactive.licensing']).toBe('112341');
    expect(r002['requests.unableToProvide.notHeld.total']).toBe('18');
    for (const r of reports) {
      expect(JSON.parse(read(out.root, `data/reports/${r.id}.json`))).toEqual(r);
      const one = parse(read(out.root, `data/reports/${r.id}.csv`), { bom: true, columns: true }) as Record<string, string>[];
      expect(one).toEqual([rows.find((x) => x.id === r.id)]);
    }
    const schema = JSON.parse(read(out.root, 'data/schema.json'));
    expect(schema.properties.requests.properties.denied.properties.stateSecret).toBeDefined();
    const pkg = JSON.parse(read(out.root, 'data/datapackage.json'));
    expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(REPORT_COLUMNS.map((c) => c.name));
    expect(pkg.resources.map((r: { path: string }) => r.path).every((p: string) => existsSync(join(out.root, 'data', p)))).toBe(true);
  });

  it('has a home, agency and year views, the quality and search pages, 404, sitemap, feed and robots.txt', () => {
    for (const p of ['index.html', 'agencies/index.html', 'agencies/donghu-zhengwu-dashuju/index.html', 'years/index.html', 'years/2023/index.html', 'years/2023/by-received/index.html', 'quality/index.html', 'search/index.html', 'data/index.html', '404.html']) {
      expect(existsSync(join(out.root, p)), p).toBe(true);
    }
    const sitemap = read(out.root, 'sitemap.xml');
    for (const id of SAMPLE_IDS) expect(sitemap).toContain(`<loc>https://www.example.gov.cn/reports/${id}/</loc>`);
    expect(read(out.root, 'feed.xml')).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(read(out.root, 'robots.txt')).toContain('Sitemap: https://www.example.gov.cn/sitemap.xml');
    const search = page(out.root, 'search/index.html');
    expect(byId(search, 'search-results')!.properties.ariaLive).toBe('polite');
    expect(byTag(search, 'noscript')).toHaveLength(1);
  });

  it('builds the search index beside the pages and preloads its first files on the search page', () => {
    for (const p of ['pagefind/manifest.dat', 'pagefind/bundle/pagefind.js', 'pagefind/bundle/wasm.unknown.pagefind']) expect(existsSync(join(out.root, p)), p).toBe(true);
    const blocks = readdirSync(join(out.root, 'pagefind', 'blocks'));
    expect(blocks.sort()).toEqual(['2022', '2023']);
    const head = read(out.root, 'search/index.html');
    expect(head).toContain('<link rel="modulepreload" href="/pagefind/bundle/pagefind.js">');
    expect(head).toMatch(/<link rel="preload" href="\/pagefind\/bundle\/pagefind\.und_[0-9a-f]+\.pf_meta" as="fetch" crossorigin>/);
    expect(builds.root.output).toMatch(/搜索索引 [\d.]+ 秒（与页面同时进行）（分片新建 2，沿用 0）/);
    expect(builds.again.output).toMatch(/搜索索引 [\d.]+ 秒（与页面同时进行）（分片新建 0，沿用 2）/);
  });

  it('answers a first query on its own search page as npm run bench measures it (bench/search/first-query.ts)', () => {
    const r = spawnSync(NODE, [join(ROOT, 'bench', 'search', 'first-query.ts'), '--dist', out.root, '--query', '行政许可', '--repeat', '1', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const { queries } = JSON.parse(r.stdout) as { queries: { query: string; mode: string; results: number; bytesSent: number; requests: number; byKind: Record<string, number> }[] };
    expect(queries.map((q) => [q.query, q.mode])).toEqual([['行政许可', 'typed'], ['行政许可', 'link']]);
    for (const q of queries) {
      // Every sample's record holds the line of its main figures, which starts with 行政许可.
      expect(q.results).toBe(SAMPLE_FILES.length);
      expect(q.bytesSent).toBeGreaterThan(0);
      expect(q.bytesSent).toBeLessThan(300 * 1024);
      // The page's own script, Pagefind's runtime and wasm, the index and the result blocks.
      for (const kind of ['client', 'pagefind-js', 'wasm', 'meta', 'index', 'blocks']) expect(q.byKind[kind], kind).toBeGreaterThan(0);
    }
  });

  it('sorts a year by each key figure without JavaScript, with totals', () => {
    const tree = page(out.root, 'years/2023/by-received/index.html');
    const rows = byTag(byTag(tree, 'tbody')[0]!, 'tr');
    const received = rows.map((tr) => Number(textOf(byTag(tr, 'td')[0]!)));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    expect(rows).toHaveLength(4);
    const total = byTag(byTag(tree, 'tfoot')[0]!, 'td').map((td) => textOf(td));
    expect(Number(total[0])).toBe(received.reduce((a, b) => a + b, 0));
    const sorted = byTag(tree, 'th').find((th) => th.properties.ariaSort === 'descending')!;
    expect(textOf(sorted)).toContain('新收申请');
  });

  it('draws the agency charts as SVG at build time, with the table beside them', () => {
    const tree = page(out.root, 'agencies/qiaokou-dashuju-zhongxin/index.html');
    expect(byTag(tree, 'svg')).toHaveLength(7);
    expect(byTag(tree, 'svg')[0]!.properties.ariaLabel).toMatch(/^新收申请：2023年 \d+$/);
    expect(byId(tree, 'agency-figures')).toBeDefined();
  });

  it('ships JavaScript only to the search and validator pages, and a report page stays under 40 KB gzipped with its CSS', () => {
    const html = files(out.root).filter((f) => f.endsWith('.html'));
    const scripted = html.filter((f) => /<script\b/i.test(read(out.root, f)));
    expect(scripted).toEqual(['check/index.html', 'search/index.html']);
    // The validator's data and its one module script; the readers it imports on demand are chunks in _astro/.
    const scripts = [...read(out.root, 'check/index.html').matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script type="application/json" id="check-data">', expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/)]);
    const js = files(out.root).filter((f) => f.endsWith('.js'));
    for (const f of js.filter((f) => !f.startsWith('pagefind/'))) expect(f.startsWith('_astro/'), f).toBe(true);
    expect(js.filter((f) => f.startsWith('pagefind/'))).toEqual(['pagefind/bundle/pagefind-worker.js', 'pagefind/bundle/pagefind.js']);
    for (const id of SAMPLE_IDS) {
      const text = read(out.root, `reports/${id}/index.html`);
      const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(out.root, m[1]!.slice(1)));
      const size = gzipSync(text).length + css.reduce((n, c) => n + gzipSync(c).length, 0);
      expect(size, id).toBeLessThan(40 * 1024);
    }
  });

  it('is deterministic: a second build of the same input is byte-identical', () => {
    const a = files(out.root);
    expect(files(out.again)).toEqual(a);
    for (const f of a) expect(readFileSync(join(out.again, f)).equals(readFileSync(join(out.root, f))), f).toBe(true);
  });
});

describe('build of a mixed archive under BASE_PATH=/xxgk/nianbao/', () => {
  it('puts every internal link, asset, data file and form under the base path', () => {
    const html = files(out.base).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(30);
    for (const f of html) {
      for (const l of links(page(out.base, f))) {
        if (/^(?:https?:|mailto:|data:|#)/.test(l.url)) continue;
        expect(l.url.startsWith(BASE), `${f}: ${l.tag} ${l.attr}=${l.url}`).toBe(true);
      }
    }
    expect(read(out.base, 'sitemap.xml')).toContain('<loc>https://www.example.gov.cn/xxgk/nianbao/reports/2023-donghu-zhengwu-dashuju/</loc>');
    expect(read(out.base, 'feed.xml')).toContain('https://www.example.gov.cn/xxgk/nianbao/feed.xml');
    expect(read(out.base, 'robots.txt')).toContain('Sitemap: https://www.example.gov.cn/xxgk/nianbao/sitemap.xml');
    expect(read(out.base, 'search/index.html')).toContain('<link rel="modulepreload" href="/xxgk/nianbao/pagefind/bundle/pagefind.js">');
    expect(existsSync(join(out.base, 'pagefind', 'manifest.dat'))).toBe(true);
    expect(builds.base.output).toMatch(/搜索索引 [\d.]+ 秒（分片新建 \d+，沿用 \d+）/);
  });

  it('loses no input file: every report has a page, other files a page or a place on the quality page', () => {
    const reports = reportsOf(out.base);
    expect(reports).toHaveLength(10);
    for (const r of reports) expect(existsSync(join(out.base, 'reports', r.id, 'index.html')), r.id).toBe(true);
    const quality = textOf(page(out.base, 'quality/index.html'));
    for (const f of ['scan.pdf', 'notes.txt', '002_copy.txt', 'broken.txt']) expect(quality, f).toContain(f);
    expect(files(out.base).some((f) => /^reports\/file-notes-[0-9a-f]{8}\/index\.html$/.test(f))).toBe(true);
  });

  it("lists on each report's page the other reports of its body, and only those", () => {
    const reports = reportsOf(out.base);
    const bySlug = Map.groupBy(reports, (r) => r.agencySlug);
    // Bodies with more than one report (the same body two years running, and others) are what make this test something.
    expect([...bySlug.values()].filter((g) => g.length > 1).length).toBeGreaterThanOrEqual(1);
    for (const r of reports) {
      const section = byId(page(out.base, `reports/${r.id}/index.html`), 'other-years')!;
      const linked = links(section).map((l) => l.url).sort();
      const others = bySlug.get(r.agencySlug)!.filter((o) => o.id !== r.id);
      expect(linked, r.id).toEqual(others.map((o) => `${BASE}reports/${o.id}/`).sort());
    }
  });

  it('gives a report with errors its page with the raw text, marked as not structured, and its diagnostics', () => {
    const tree = page(out.base, 'reports/2021-qiaokou-dashuju-zhongxin/index.html');
    const raw = byId(tree, 'raw-text')!;
    expect(textOf(raw)).toContain('原文（未结构化）');
    expect(textOf(byTag(raw, 'pre')[0]!)).toMatch(/^---\nyear: 2021\n---\n/);
    expect(textOf(byId(tree, 'diagnostics')!)).toContain('year 2021');
    expect(textOf(byTag(tree, 'main')[0]!)).toContain('本报告读取时发现错误');
  });

  it('shows markup in a file as text', () => {
    const f = files(out.base).find((p) => /^reports\/file-notes-/.test(p) && p.endsWith('index.html'))!;
    const text = read(out.base, f);
    expect(text).not.toMatch(/<script\b/);
    expect(textOf(parseHtml(text))).toContain('<script>alert(1)</script>');
  });

  it('publishes originals of every format byte for byte, never under a name taken from the file', () => {
    const reports = reportsOf(out.base);
    const byFile = (f: string) => reports.find((r) => r.source.file === f)!;
    for (const [file, ext] of [['distinct-2019.docx', '.docx'], ['distinct-2023.html', '.html.txt'], ['distinct-2024.txt', '.txt']] as const) {
      const r = byFile(file);
      const copy = readFileSync(join(out.base, 'reports', r.id, `${r.id}${ext}`));
      expect(copy.equals(readFileSync(join(mixedDir, file))), file).toBe(true);
      const link = links(page(out.base, `reports/${r.id}/index.html`)).find((l) => l.url === `${BASE}reports/${r.id}/${r.id}${ext}`);
      expect(link, file).toBeDefined();
    }
    expect(files(out.base).filter((f) => f.includes('distinct-20'))).toEqual([]);
  });

  it('renders the 2019 template\'s own tables', () => {
    const tree = page(out.base, 'reports/2019-caidianqujiubanceshiju/index.html');
    expect(byTag(byId(tree, 'table-proactive')!, 'th').map((th) => textOf(th))).toContain('第二十条第（九）项');
    expect(textOf(byId(tree, 'cell-proactive-template2019-procurement-amount')!).trim()).toBe('256.75');
    expect(textOf(byId(tree, 'cell-requests-template2019-otherHandling-total')!).trim()).toBe('11421');
    expect(byId(tree, 'cell-requests-otherHandling-other-total')).toBeUndefined();
  });

  it('explains the cross-year check on both reports and highlights its cells', () => {
    const later = page(out.base, 'reports/2024-jiangxiaqushujuceshiju/index.html');
    const cell = byId(later, 'cell-requests-carriedOver-total')!;
    expect(cell.properties.className).toContain('fail');
    expect(textOf(byId(later, 'checks-requests')!)).toContain('跨年度校验');
    const earlier = page(out.base, 'reports/2023-jiangxiaqushujuceshiju/index.html');
    expect(byId(earlier, 'cell-requests-carriedForward-total')!.properties.className).toContain('fail');
    const quality = page(out.base, 'quality/index.html');
    const hrefs = links(byId(quality, 'carry-over')!).map((l) => l.url);
    expect(hrefs).toContain(`${BASE}reports/2024-jiangxiaqushujuceshiju/#cell-requests-carriedOver-total`);
    expect(hrefs).toContain(`${BASE}reports/2023-jiangxiaqushujuceshiju/#cell-requests-carriedForward-total`);
  });
});

describe('STRICT=1', () => {
  it('fails the build on an archive with errors, naming them', () => {
    expect(builds.strict.status).not.toBe(0);
    expect(builds.strict.output).toContain('STRICT=1：5 个错误');
    expect(builds.strict.output).toContain('scan.pdf: error: 不支持的文件类型');
  });
});

describe('every page is valid HTML (html-validate)', () => {
  // The project's configuration (.htmlvalidate.json: the recommended rules, less
  // no-trailing-whitespace, which would flag a report's raw text kept verbatim in <pre>), given
  // explicitly because the built files live outside the project.
  const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'))));

  it('catches what it should (the configuration is in force)', async () => {
    const report = await validator.validateString('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><table><tr><th>a</th></tr></table><p id="a"></p><p id="a"><img src="x.png"></p></body></html>');
    expect(report.results[0]!.messages.map((m) => m.ruleId).sort()).toEqual(['no-dup-id', 'prefer-tbody', 'wcag/h37']);
  });
  it.each([
    ['root', () => out.root],
    ['base path', () => out.base],
  ])('%s', async (_, dir) => {
    const problems: string[] = [];
    for (const f of files(dir()).filter((p) => p.endsWith('.html'))) {
      const report = await validator.validateFile(join(dir(), f));
      for (const r of report.results) for (const m of r.messages) problems.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('no broken internal link or fragment (linkinator)', () => {
  it.each([
    ['root', () => ({ path: out.root, serverRoot: undefined as string | undefined })],
    ['base path', () => ({ path: BASE.slice(1), serverRoot: out.baseRoot as string | undefined })],
  ])('%s', async (_, where) => {
    const result = await new LinkChecker().check({
      ...where(),
      recurse: true,
      checkFragments: true,
      // Only the built site is checked: the site URL's host and external links are not fetched.
      linksToSkip: async (link) => !/^https?:\/\/(?:localhost|127\.0\.0\.1)[:/]/.test(link),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.parent} -> ${l.url} (${l.status ?? l.failureDetails?.[0]})`);
    expect(broken).toEqual([]);
    // Every page and data file was reached (linkinator reports URLs under the path it was given).
    const prefix = where().path.replace(/\/$/, '');
    const reached = new Set(result.links.filter((l) => l.state === 'OK' && l.url.startsWith(prefix)).map((l) => l.url.slice(prefix.length).replace(/^\/?/, '/')));
    const site = where().serverRoot ? join(where().serverRoot!, where().path) : where().path;
    const expected = files(site)
      .filter((p) => /(?:index\.html|\.json|\.csv)$/.test(p) && !p.startsWith('pagefind/'))
      .map((p) => `/${p.replace(/index\.html$/, '')}`);
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.filter((u) => !reached.has(u))).toEqual([]);
  });
});
