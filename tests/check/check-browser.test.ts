/**
 * The validator page (/check/) in Chromium, on a real `npm run build` of the sample archive under
 * BASE_PATH=/xxgk/nianbao/ (the base path is part of every URL the page loads). Files are given to
 * the page with setInputFiles (and by drag and drop, and pasted) and the Report it shows in
 * #report-json is compared with what the command line's reader gives for the same file: each
 * sample, one fixture of every layout, a Markdown, an HTML, a Word and a GBK file, and a file with
 * front matter. Then: a report that does not add up, unreadable files, the weight of the page's
 * JavaScript, keyboard use and axe-core.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model/report.ts';
import { reportsDir } from '../../src/node/archive-paths.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport } from '../../src/node/read-report.ts';
import { cellAnchor } from '../../src/site/anchors.ts';
import { formatDate } from '../../src/site/report-view.ts';
import { markdown, portalPage, wordFile } from '../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../fixtures/distinct/reports.ts';
import { buildSite } from '../helpers/build-site.ts';
import { textToHtml } from '../helpers/convert.ts';
import { LAYOUTS, NODE, ROOT, SAMPLES } from '../helpers/paths.ts';
import { launchChromium } from '../search/chromium.ts';
import { serveStatic, type StaticServer } from '../search/static-server.ts';

const BASE = '/xxgk/nianbao/';
const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-check-'));
const siteRoot = join(tmp, 'site');
const dist = join(siteRoot, 'xxgk', 'nianbao');
const inputs = join(tmp, 'inputs');
const JS_BUDGET = 150 * 1024;

let browser: Browser;
let server: StaticServer;

/** The environment without archive overrides: content/reports and content/agencies.yaml, as the CLI reads. */
function defaultArchive(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.REPORTS_DIR;
  delete env.AGENCIES_FILE;
  return env;
}

/** Files the tests drop, written to `inputs` so the CLI reads the very same bytes. */
const files: Record<string, string> = {};
function put(name: string, bytes: Uint8Array | string): string {
  const path = join(inputs, name);
  writeFileSync(path, bytes);
  files[name] = path;
  return path;
}

const SAMPLE_FILES = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
const LAYOUT_NAMES = readdirSync(LAYOUTS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

beforeAll(async () => {
  mkdirSync(inputs, { recursive: true });
  mkdirSync(dist, { recursive: true });
  const build = buildSite(tmp, { OUT_DIR: dist, BASE_PATH: BASE });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output}`);

  for (const f of SAMPLE_FILES) put(f, readFileSync(join(SAMPLES, f)));
  for (const l of LAYOUT_NAMES) put(`layout-${l}.txt`, readFileSync(join(LAYOUTS, l, 'report.txt')));
  put('distinct-2021.md', markdown(fixtureReport('2021')));
  put('portal-2021.html', portalPage(fixtureReport('2021')));
  put('word-2019.docx', await wordFile(fixtureReport('2019')));
  const sample4 = readFileSync(join(SAMPLES, '004_9a3017047421a145.txt'), 'utf8');
  put('sample-004.md', sample4);
  put('sample-004.html', textToHtml(sample4));
  put('gbk-003.txt', iconv.encode(readFileSync(join(SAMPLES, '003_c7abf9ce6f9dda34.txt'), 'utf8'), 'gbk'));
  // Front matter that contradicts the title: read by the YAML reader, reported as an error.
  put('front-matter.txt', `---\nyear: 2021\ndistrict: 测试区\n---\n${readFileSync(join(SAMPLES, '000_5118e96f53a3c514.txt'), 'utf8')}`);
  // 一、本年新收: 5 requests from natural persons that are never handled nor carried forward.
  const sample0 = readFileSync(join(SAMPLES, '000_5118e96f53a3c514.txt'), 'utf8');
  const unbalanced = sample0.replace('一、\t本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、\t本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5');
  expect(unbalanced).not.toBe(sample0);
  put('unbalanced.txt', unbalanced);
  // Bytes that are no text at all (a fixed pseudo-random sequence), and a PDF.
  let seed = 7;
  put('binary.txt', Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
  put('scan.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n');
  put('notes.txt', '这是一份说明文件，不是年度报告。\n没有章节，也没有表格。\n');

  server = await serveStatic(siteRoot, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** What the command line's reader gives for a file: the JSON `npm run --silent parse -- FILE` prints. */
async function cliReport(name: string): Promise<Report> {
  return JSON.parse(JSON.stringify(await readReport(files[name]!, { root: reportsDir(), registry }))) as Report;
}

const dialogs: string[] = [];
async function openCheck(): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`page error: ${e.message}`));
  await page.goto(server.url(`${BASE.slice(1)}check/`));
  return page;
}

/** Gives the page a file and waits for the status line to tell the outcome. */
async function drop(page: Page, name: string): Promise<string> {
  await page.evaluate(() => {
    document.getElementById('check-status')!.textContent = '';
  });
  await page.setInputFiles('#check-file', files[name]!);
  await page.waitForFunction(() => {
    const s = document.getElementById('check-status')?.textContent ?? '';
    return s !== '' && !s.startsWith('正在读取');
  });
  return (await page.textContent('#check-status'))!;
}

async function shownReport(page: Page): Promise<Report> {
  return JSON.parse((await page.textContent('#report-json'))!) as Report;
}

let page: Page;
describe('the page gives the command line\'s Report for every file', () => {
  beforeAll(async () => {
    page = await openCheck();
  });
  afterAll(() => page.close());

  const names = () => [
    ...SAMPLE_FILES,
    ...LAYOUT_NAMES.map((l) => `layout-${l}.txt`),
    'distinct-2021.md',
    'portal-2021.html',
    'word-2019.docx',
    'gbk-003.txt',
    'front-matter.txt',
  ];

  it('is reached under the base path, from the home and the quality page', async () => {
    for (const from of ['', 'quality/']) {
      const p = await browser.newPage();
      await p.goto(server.url(`${BASE.slice(1)}${from}`));
      await p.click(`a[href="${BASE}check/"]`);
      await p.waitForURL(`**${BASE}check/`);
      expect(await p.textContent('h1')).toBe('校验报告草稿');
      await p.close();
    }
  });

  it.each(SAMPLE_FILES)('sample %s', async (name) => {
    expect(await drop(page, name)).toBe(`“${name}”：全部校验通过。`);
    const want = await cliReport(name);
    expect(await shownReport(page)).toEqual(want);
    // The registry was applied as the build applies it.
    expect(want.district).not.toBeNull();
    const date = await page.locator('#check-result .facts time').allTextContents();
    expect(date).toEqual(want.publishedOn ? [formatDate(want.publishedOn)] : []);
  });

  it.each(LAYOUT_NAMES)('layout %s', async (layout) => {
    const name = `layout-${layout}.txt`;
    await drop(page, name);
    expect(await shownReport(page)).toEqual(await cliReport(name));
  });

  it.each(['sample-004.md', 'sample-004.html', 'distinct-2021.md', 'portal-2021.html', 'word-2019.docx', 'gbk-003.txt', 'front-matter.txt'])('%s', async (name) => {
    await drop(page, name);
    const shown = await shownReport(page);
    const want = await cliReport(name);
    expect(shown).toEqual(want);
    expect(shown.source.file).toBe(name);
    if (name.endsWith('.docx')) expect([shown.source.format, shown.template]).toEqual(['docx', '2019']);
    if (name.startsWith('gbk')) expect(shown.source.encoding).toBe('gb18030');
    if (name === 'front-matter.txt') expect(shown.diagnostics.some((d) => d.level === 'error' && d.message.includes('year 2021'))).toBe(true);
  });

  it('equals what `npm run --silent parse -- FILE` prints, byte for byte after the JSON', async () => {
    for (const name of ['002_485bb66b608aa965.txt', 'word-2019.docx']) {
      const cli = spawnSync(NODE, [join(ROOT, 'src', 'node', 'cli', 'parse.ts'), files[name]!], { cwd: ROOT, encoding: 'utf8', env: defaultArchive() });
      expect(cli.status, cli.stderr).toBe(0);
      await drop(page, name);
      expect(`${await page.textContent('#report-json')}\n`).toBe(cli.stdout);
    }
  });

  it('shows the facts, the three tables and the summary', async () => {
    await drop(page, '002_485bb66b608aa965.txt');
    const r = await cliReport('002_485bb66b608aa965.txt');
    const facts = await page.$$eval('#check-result .facts div', (ds) => ds.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    expect(Object.fromEntries(facts)).toMatchObject({
      标题: r.title,
      发布机关: `${r.canonicalAgency}（标题作“${r.agency}”）`,
      所属区县: r.district,
      报告年度: `${r.year} 年`,
      发布日期: '未注明',
      报告编号: r.id,
    });
    // The registry names the body and its district; the title used an alias and gave no date.
    expect([r.canonicalAgency, r.agency, r.district, r.publishedOn]).toEqual(['东湖新技术开发区政务服务和大数据管理局', '政务服务和大数据管理局', '东湖新技术开发区', null]);
    expect(await page.textContent('#check-summary')).toBe('全部校验通过');
    expect(await page.$$eval('#check-result table.official caption .table-no', (cs) => cs.map((c) => c.textContent))).toEqual(['表二', '表三', '表四']);
    expect((await page.textContent(`#${cellAnchor('proactive.licensing')}`))!.trim()).toBe('112341');
    expect((await page.textContent(`#${cellAnchor('requests.unableToProvide.notHeld.total')}`))!.trim()).toBe('18');
  });

  it('renders the tables with the same markup as the report page', async () => {
    await drop(page, '002_485bb66b608aa965.txt');
    const r = await cliReport('002_485bb66b608aa965.txt');
    const published = readFileSync(join(dist, 'reports', r.id, 'index.html'), 'utf8');
    for (const id of ['table-proactive', 'table-requests', 'table-appeals']) {
      const shown = await page.$eval(`#${id}`, (t) => t.outerHTML);
      const start = published.indexOf(`<table id="${id}"`);
      expect(start).toBeGreaterThan(0);
      expect(shown).toBe(published.slice(start, published.indexOf('</table>', start) + '</table>'.length));
    }
  });
});

describe('a report that does not add up', () => {
  it('names each failing identity in words and marks its cells in the tables', async () => {
    const p = await openCheck();
    const want = await cliReport('unbalanced.txt');
    const failing = want.checks.filter((c) => !c.ok);
    expect(failing.map((c) => c.id)).toContain('requests.balance.naturalPerson');
    expect(await drop(p, 'unbalanced.txt')).toBe(`“unbalanced.txt”：${failing.length} 项校验未通过。`);
    expect(await shownReport(p)).toEqual(want);
    expect(await p.textContent('#check-summary')).toBe(`${failing.length} 项校验未通过`);
    for (const c of failing) {
      const item = p.locator(`#check-${c.id.replaceAll('.', '-')}`);
      expect(await item.locator('p').first().textContent()).toContain(c.message);
      for (const cell of c.cells) {
        expect(await p.getAttribute(`#${cellAnchor(cell)}`, 'class'), cell).toContain('fail');
        expect(await item.locator(`a[href="#${cellAnchor(cell)}"]`).count(), cell).toBe(1);
      }
    }
    // Only the cells of failing checks are marked.
    const marked = await p.$$eval('#check-result td.fail', (tds) => tds.map((td) => td.id).sort());
    expect(marked).toEqual([...new Set(failing.flatMap((c) => c.cells))].map(cellAnchor).sort());
    await p.close();
  });
});

describe('a file that cannot be read', () => {
  it.each([
    ['binary.txt', /^无法读取文件“binary\.txt”：.*(不是文本文件|无法识别文件编码)/],
    ['scan.pdf', /^无法读取文件“scan\.pdf”：不支持的文件类型“\.pdf”：请先把 PDF 转为文本（\.txt）或 Word（\.docx）/],
    ['notes.txt', /^“notes\.txt”中没有可识别的年度报告/],
  ])('%s gets a message naming the problem, in the page', async (name, message) => {
    const p = await openCheck();
    await drop(p, '000_5118e96f53a3c514.txt');
    const status = await drop(p, name);
    expect(status).toMatch(message);
    // The previous result is gone: nothing on the page belongs to another file.
    expect(await p.locator('#report-json').count()).toBe(0);
    await p.close();
  });
});

describe('weight', () => {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const sent = (list: { sent: number }[]) => list.reduce((n, s) => n + s.sent, 0);
  const size = (list: { size: number }[]) => list.reduce((n, s) => n + s.size, 0);

  /** JavaScript fetched (gzipped bytes sent) by a fresh page that is given these files in turn. */
  async function jsFetched(...names: string[]) {
    const p = await openCheck();
    const steps: { path: string; sent: number; size: number }[][] = [];
    let mark = 0;
    for (const [i, name] of names.entries()) {
      if (i > 0) mark = server.served.length;
      else mark = server.served.findLastIndex((s) => s.path === `${BASE}check/`);
      await drop(p, name);
      steps.push(server.served.slice(mark).filter((s) => s.path.endsWith('.js')));
    }
    await p.close();
    return steps;
  }

  it('a text report needs under 150 KB of JavaScript (gzipped); Word and pinyin-pro load only when needed', async () => {
    const [txt] = await jsFetched('002_485bb66b608aa965.txt');
    const [md] = await jsFetched('sample-004.md');
    const [html] = await jsFetched('sample-004.html');
    const [, pinyin, docx] = await jsFetched('002_485bb66b608aa965.txt', 'layout-tab-rows.txt', 'word-2019.docx');
    console.log(
      `check page JavaScript, gzipped: ${kb(sent(txt!))} for a .txt report, ${kb(sent(md!))} for a .md, ${kb(sent(html!))} for an .html (agencies the archive knows); ` +
        `+${kb(sent(pinyin!))} (pinyin-pro) for an agency it does not know; +${kb(sent(docx!))} when a .docx is dropped`,
    );
    for (const list of [txt!, md!, html!]) expect(sent(list)).toBeLessThan(JS_BUDGET);
    expect(sent(txt!)).toBeGreaterThan(10 * 1024);
    expect(size(pinyin!)).toBeGreaterThan(200 * 1024); // pinyin-pro's dictionary, in a chunk of its own
    // The .docx reader (mammoth, JSZip) is fetched for the Word file only, never for a text report.
    const forText = new Set([...txt!, ...md!, ...html!, ...pinyin!].map((s) => s.path));
    expect(size(docx!.filter((s) => !forText.has(s.path)))).toBeGreaterThan(100 * 1024);
  });

  it('keeps working offline once loaded, and says so when a reader it has not loaded cannot be fetched', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(server.url(`${BASE.slice(1)}check/`));
    await p.waitForLoadState('networkidle');
    await context.setOffline(true);
    await drop(p, '000_5118e96f53a3c514.txt');
    expect(await shownReport(p)).toEqual(await cliReport('000_5118e96f53a3c514.txt'));
    expect(await drop(p, 'word-2019.docx')).toBe('无法读取文件“word-2019.docx”：读取这种文件所需的程序没有下载（网络不通？）；请联网后重试');
    await context.close();
  });

  it('no other page than search ships JavaScript', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));
    const withScripts = walk(dist)
      .filter((f) => /<script(?![^>]*type="application\/json")/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(dist.length + 1))
      .filter((f) => f !== 'search/index.html');
    expect(withScripts).toEqual(['check/index.html']);
  });
});

describe('use', () => {
  it('works by keyboard: paste the text, Tab to the button, Enter; the result is announced', async () => {
    const p = await openCheck();
    const text = readFileSync(files['001_68f00f12ba36a829.txt']!, 'utf8');
    await p.focus('#check-text');
    await p.fill('#check-text', text);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('校验粘贴的文本');
    await p.keyboard.press('Enter');
    await p.waitForSelector('#report-json', { state: 'attached' });
    expect(await p.getAttribute('#check-status', 'role')).toBe('status');
    expect(await p.textContent('#check-status')).toBe('“pasted-text.txt”：全部校验通过。');
    const shown = await shownReport(p);
    const want = await cliReport('001_68f00f12ba36a829.txt');
    expect(shown).toEqual({ ...want, source: { ...want.source, file: 'pasted-text.txt' } });

    // The JSON section opens from the keyboard; the buttons are reached by Tab.
    await p.focus('#report-json-section summary');
    await p.keyboard.press('Enter');
    expect(await p.$eval('#report-json-section', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('复制 JSON');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('下载 JSON');
    const download = p.waitForEvent('download');
    await p.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${want.id}.json`);
    expect(JSON.parse(readFileSync((await file.path())!, 'utf8'))).toEqual(shown);
    await p.close();
  });

  it('copies the JSON to the clipboard', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const p = await context.newPage();
    await p.goto(server.url(`${BASE.slice(1)}check/`));
    await drop(p, '004_9a3017047421a145.txt');
    await p.click('#report-json-section summary');
    await p.click('button[data-action=copy-json]');
    await p.waitForFunction(() => document.getElementById('check-status')?.textContent === 'JSON 已复制到剪贴板。');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(await p.textContent('#report-json'));
    await context.close();
  });

  it('takes a file dropped on the page', async () => {
    const p = await openCheck();
    const bytes = [...readFileSync(files['003_c7abf9ce6f9dda34.txt']!)];
    await p.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dragged.txt', { type: 'text/plain' }));
      const h1 = document.querySelector('h1')!;
      const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
      h1.dispatchEvent(over);
      // Accepted as a drop target (the browser would otherwise open the file).
      (window as unknown as { overAccepted: boolean }).overAccepted = over.defaultPrevented;
      h1.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    expect(await p.evaluate(() => (window as unknown as { overAccepted: boolean }).overAccepted)).toBe(true);
    await p.waitForSelector('#report-json', { state: 'attached' });
    const want = await cliReport('003_c7abf9ce6f9dda34.txt');
    expect(await shownReport(p)).toEqual({ ...want, source: { ...want.source, file: 'dragged.txt' } });
    await p.close();
  });

  it('has no axe-core violation, with a failing result shown', async () => {
    const p = await openCheck();
    await drop(p, 'unbalanced.txt');
    await p.click('#report-json-section summary');
    await p.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await p.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
    expect(violations).toEqual([]);
    await p.close();
  });

  it('opened no dialog and threw no error', () => {
    expect(dialogs).toEqual([]);
  });
});
