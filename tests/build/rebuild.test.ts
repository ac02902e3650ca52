/**
 * Rebuilding into the same folder (`npm run build`, scripts/build.ts): with nothing changed the
 * build says so and leaves the output byte for byte as it was; after a report changed and another
 * was removed it renders only the changed report's page, its agency's page and its year's pages
 * (the other reports', agencies' and years' pages are kept, the removed body's page goes) and the
 * result is exactly what a fresh build of the same archive gives; after a sentence, then a figure of
 * that report changed, the build puts it into the last build's snapshot and renders only what shows
 * it (for a figure, its body's, year's and the archive-wide pages too), again as a fresh build would; after the output was altered by
 * hand it builds everything again; a build that fails leaves the output as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, ROOT } from '../helpers/paths.ts';
import { SAMPLE_DIR } from '../helpers/site-archive.ts';

const BUILD = join(ROOT, 'scripts', 'build.ts');
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-rebuild-'));
const archive = join(tmp, 'archive', 'reports');
const out = join(tmp, 'out');
const fresh = join(tmp, 'fresh');
const freshEdited = join(tmp, 'fresh-edited');
const freshFigured = join(tmp, 'fresh-figured');
const CHANGED = '001_68f00f12ba36a829.txt';
const REMOVED = '004_9a3017047421a145.txt';
const SENTENCE = '本报告经本机关审核后发布，如有更正将另行公告。';
const SENTENCE_AGAIN = '本报告经本机关审核后发布，更正另行公告。';
// Shown on its body's page (and in its summary): that page must be rendered again.
const PUBLISHED = '2024-01-20';

interface Run {
  status: number | null;
  output: string;
}

function build(outDir: string, cacheName: string, more: Record<string, string> = {}): Run {
  const r = spawnSync(NODE, [BUILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(tmp, `astro-${cacheName}`),
      XXGK_CACHE_DIR: join(tmp, `parse-${cacheName}`),
      XXGK_SEARCH_CACHE_DIR: join(tmp, `search-${cacheName}`),
      REPORTS_DIR: archive,
      AGENCIES_FILE: join(ROOT, 'content', 'agencies.yaml'),
      SITE_URL: '',
      BASE_PATH: '',
      STRICT: '',
      FORCE_BUILD: '',
      ...more,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** Every file of a folder with its bytes' digest and modification time. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return new Map(
    walk(dir)
      .sort()
      .map((f) => [relative(dir, f), { bytes: readFileSync(f).toString('base64'), mtimeMs: statSync(f).mtimeMs }]),
  );
}

const SKIPPED = '跳过构建';
/** What the build says when Astro, handed a partial build's pages, must start again for all of them. */
/** How many times Astro ran in a build (it logs this once at the end of each run; in colour under CI=true). */
const astroRuns = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '').split('[build] Complete!').length - 1;
let first: Run;
let before: ReturnType<typeof snapshot>;
let unchanged: Run;
let after: ReturnType<typeof snapshot>;
let changed: Run;
let changedAgain: Run;
let changedAgainFiles: ReturnType<typeof snapshot>;
let changedFiles: ReturnType<typeof snapshot>;
let freshFiles: ReturnType<typeof snapshot>;
let edited: Run;
let editedAgain: Run;
let editedFiles: ReturnType<typeof snapshot>;
let freshEditedFiles: ReturnType<typeof snapshot>;
let figured: Run;
let figuredFiles: ReturnType<typeof snapshot>;
let freshFiguredFiles: ReturnType<typeof snapshot>;
let tampered: Run;
let tamperedAndChanged: Run;
let tamperedAndChangedFiles: ReturnType<typeof snapshot>;
let failed: Run;
let failedFiles: ReturnType<typeof snapshot>;
/** The inode of data/reports.json after the partial build `changed`, and after `edited`. */
let jsonInodes: [number, number];

beforeAll(() => {
  cpSync(SAMPLE_DIR, archive, { recursive: true });
  first = build(out, 'a');
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
  before = snapshot(out);
  unchanged = build(out, 'a');
  after = snapshot(out);

  writeFileSync(join(archive, CHANGED), `---\npublishedOn: ${PUBLISHED}\n---\n${readFileSync(join(archive, CHANGED), 'utf8')}\n${SENTENCE}\n`);
  rmSync(join(archive, REMOVED));
  // Its search index on a thread of its own, as in a large archive (the build after it, on the build's own thread).
  changed = build(out, 'a', { XXGK_SEARCH_THREAD_FROM: '1' });
  changedFiles = snapshot(out);
  const jsonInode = () => statSync(join(out, 'data', 'reports.json')).ino;
  const changedInode = jsonInode();
  // Nothing changed since: the fingerprint the partial build recorded (its listing from before,
  // with what it changed) must be the folder's.
  changedAgain = build(out, 'a');
  changedAgainFiles = snapshot(out);
  // The same changed archive built from nothing, with caches of its own.
  build(fresh, 'b');
  freshFiles = snapshot(fresh);

  // Only a sentence of that report changes again: no body's name, so the pages with a script stay.
  writeFileSync(join(archive, CHANGED), readFileSync(join(archive, CHANGED), 'utf8').replace(SENTENCE, SENTENCE_AGAIN));
  edited = build(out, 'a');
  editedFiles = snapshot(out);
  jsonInodes = [changedInode, jsonInode()];
  // Nothing changed since: the file written in place was listed again as it is now.
  editedAgain = build(out, 'a');
  build(freshEdited, 'c');
  freshEditedFiles = snapshot(freshEdited);

  // A figure of that report changed, which fails two checks: its summary and its listing change,
  // so its body's, its year's and the archive-wide pages are rendered again, from the last build's
  // snapshot still. Then put back: the builds below start from the report as it was.
  const beforeFigure = readFileSync(join(archive, CHANGED), 'utf8');
  writeFileSync(join(archive, CHANGED), beforeFigure.replace(/(本年新收政府信息公开申请数量\D*)(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 1}`));
  figured = build(out, 'a');
  figuredFiles = snapshot(out);
  build(freshFigured, 'd');
  freshFiguredFiles = snapshot(freshFigured);
  writeFileSync(join(archive, CHANGED), beforeFigure);

  // A page removed from the output by hand: the output is no longer what the last build left.
  rmSync(join(out, 'reports', '2023-donghu-zhengwu-dashuju', 'index.html'));
  writeFileSync(join(out, 'stray.txt'), 'x');
  tampered = build(out, 'a');

  // Altered by hand and a report changed: the output is not what the last build left, so
  // everything is built again although only a report changed. The index's thread, as in a large
  // archive, is sent its work before the output is checked: what it began is set aside.
  rmSync(join(out, 'reports', '2023-donghu-zhengwu-dashuju', 'index.html'));
  writeFileSync(join(archive, CHANGED), readFileSync(join(archive, CHANGED), 'utf8').replace(SENTENCE_AGAIN, SENTENCE));
  tamperedAndChanged = build(out, 'a', { XXGK_SEARCH_THREAD_FROM: '1' });
  tamperedAndChangedFiles = snapshot(out);

  // A full build (STRICT changes the settings) that fails: a file that is not a report. STRICT
  // stops Astro in its content sync, before any page renders; that the old site also outlives a
  // failure while pages render (Astro now renders into staging) is swapOutput's test.
  writeFileSync(join(archive, 'scan.pdf'), '%PDF-1.4\n');
  failed = build(out, 'a', { STRICT: '1' });
  failedFiles = snapshot(out);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A file's text in a folder's snapshot. */
const textIn = (files: ReturnType<typeof snapshot>) => (f: string) => Buffer.from(files.get(f)!.bytes, 'base64').toString('utf8');

/** The same files as the fresh build's, byte for byte. */
function expectSameAsFresh(files: ReturnType<typeof snapshot>): void {
  expect([...files.keys()]).toEqual([...freshFiles.keys()]);
  for (const [f, v] of freshFiles) expect(files.get(f)?.bytes === v.bytes, f).toBe(true);
}

describe('rebuild into the same folder', () => {
  it('builds the first time', () => {
    expect(first.output).not.toContain(SKIPPED);
    expect(first.output).toContain('完成：5 份报告');
  });

  it('skips everything when nothing changed, and leaves every file as it was (bytes and times)', () => {
    expect(unchanged.status).toBe(0);
    expect(unchanged.output).toContain(SKIPPED);
    expect(unchanged.output).not.toContain('完成：');
    // Astro was not even started (it starts early only when the inputs changed).
    expect(first.output).toContain('[content]');
    expect(unchanged.output).not.toContain('[content]');
    expect(unchanged.output).not.toContain('[build]');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, v] of before) expect(after.get(f), f).toEqual(v);
  });

  it('renders only the changed report\'s page after one changed and one was removed, and the result equals a fresh build', () => {
    expect(changed.status).toBe(0);
    expect(changed.output).not.toContain(SKIPPED);
    expect(changed.output).toContain('完成：4 份报告');
    // A report gone: the archive is read whole, not patched into the last build's snapshot.
    expect(changed.output).not.toContain('沿用上次构建的全库快照');
    expect(astroRuns(changed.output)).toBe(1);
    expect(changed.output).toContain('只重新生成 1 个报告页（共 4 个）');
    // Astro itself rendered that page and not the others (its log names each page it renders):
    // the pages to render reach it when its build starts (astro.config.mjs).
    expect(changed.output).toContain('/reports/2023-zhanhe-zhengwu-dashuju/index.html');
    expect(changed.output).not.toContain('/reports/2023-donghu-zhengwu-dashuju/index.html');
    expect(first.output).toContain('/reports/2023-donghu-zhengwu-dashuju/index.html');
    // Kept from the first build: the same file, not written again.
    expect(changedFiles.get('reports/2023-donghu-zhengwu-dashuju/index.html')).toEqual(before.get('reports/2023-donghu-zhengwu-dashuju/index.html'));
    expect([...changedFiles.keys()].some((f) => f.includes('2023-qiaokou-qiye-fuwu'))).toBe(false);
    const text = textIn(changedFiles);
    expect(text('reports/2023-zhanhe-zhengwu-dashuju/index.html')).toContain(SENTENCE);
    expect(text('reports/2023-donghu-zhengwu-dashuju/index.html')).not.toContain(SENTENCE);
    expectSameAsFresh(changedFiles);
    // A report gone: each download made again from the last build's file and the changed reports.
    expect(changed.output).toMatch(/reports\.json 沿用上次的文件，新写 [12] 份报告，reports\.csv 沿用上次的文件，新写 [12] 份报告/);
    // The replaced downloads were moved aside and deleted before the build ended.
    expect(statSync(join(tmp, '.out.trash'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('skips the build after that when nothing changed again: the partial build recorded the folder as it left it', () => {
    expect(changedAgain.status).toBe(0);
    expect(changedAgain.output).toContain(SKIPPED);
    expect(changedAgainFiles).toEqual(changedFiles);
  });

  it("renders the changed report's agency and year pages, keeps the other agencies' and years' pages, and removes the removed body's page", () => {
    // Agencies: zhanhe rendered; 3 kept; qiaokou-qiye-fuwu gone. Years: 2023 rendered (its reports changed), 2022 kept.
    expect(changed.output).toContain('和 2 个机关、年度页（共 6 个）');
    const text = textIn(changedFiles);
    expect(text('agencies/zhanhe-zhengwu-dashuju/index.html')).toContain(`<time datetime="${PUBLISHED}">`);
    expect(before.get('agencies/zhanhe-zhengwu-dashuju/index.html')!.bytes).not.toEqual(changedFiles.get('agencies/zhanhe-zhengwu-dashuju/index.html')!.bytes);
    const kept = [...before.keys()].filter((f) => /^(agencies\/(donghu-zhengwu-dashuju|qiaokou-dashuju-zhongxin|qiaokou-jiguan-shiwu)|years\/2022)\//.test(f));
    expect(kept.length).toBeGreaterThan(3 + 1);
    // The same file, not written again.
    for (const f of kept) expect(changedFiles.get(f), f).toEqual(before.get(f));
    expect(before.has('agencies/qiaokou-qiye-fuwu/index.html')).toBe(true);
    expect([...changedFiles.keys()].some((f) => f.startsWith('agencies/qiaokou-qiye-fuwu/'))).toBe(false);
    // The year's pages list the reports of that year as they are now: rendered again.
    expect(before.get('years/2023/index.html')!.mtimeMs).not.toEqual(changedFiles.get('years/2023/index.html')!.mtimeMs);
    // The listings of everything are rendered in every build.
    const textBefore = textIn(before);
    for (const f of ['agencies/index.html', 'sitemap.xml', 'years/2023/index.html']) {
      expect(textBefore(f), f).toContain('qiaokou-qiye-fuwu');
      expect(text(f), f).not.toContain('qiaokou-qiye-fuwu');
    }
  });

  it('keeps the search page, the validator and their scripts when no body was renamed, and they are what a fresh build gives', () => {
    expect(edited.status).toBe(0);
    expect(edited.output).toContain('只重新生成 1 个报告页（共 4 个）和 0 个机关、年度页（共 6 个），首页、索引、数据质量等全站页面、搜索页、校验页及其脚本、其余沿用上次构建');
    const text = (files: ReturnType<typeof snapshot>, f: string) => textIn(files)(f);
    expect(text(editedFiles, 'reports/2023-zhanhe-zhengwu-dashuju/index.html')).toContain(SENTENCE_AGAIN);
    // The partial build before rendered them (a body was gone); this one did not touch them.
    const scripts = [...changedFiles.keys()].filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    for (const f of ['check/index.html', ...scripts]) {
      expect(editedFiles.get(f), f).toEqual(changedFiles.get(f));
      expect(editedFiles.get(f)!.bytes, f).toBe(freshFiles.get(f)!.bytes);
    }
    // The same files but the index's, whose names carry the hash of what it holds (a sentence more).
    const pages = (files: ReturnType<typeof snapshot>) => [...files.keys()].filter((f) => !f.startsWith('pagefind/'));
    expect(pages(editedFiles)).toEqual(pages(freshFiles));
    // The search page: kept, with the preload links of the index as it is now, once each.
    const preloads = (html: string) => [...html.matchAll(/<link rel="(?:module)?preload" href="\/(pagefind\/[^"]+)"/g)].map((m) => m[1]!);
    const kept = preloads(text(editedFiles, 'search/index.html'));
    expect(kept).toHaveLength(preloads(text(freshFiles, 'search/index.html')).length);
    expect(kept).toHaveLength(4);
    for (const f of kept) expect(editedFiles.has(f), f).toBe(true);
    // Every script and stylesheet a page of the output links is there.
    const linked = new Set([...editedFiles.keys()].filter((f) => f.endsWith('.html')).flatMap((f) => [...text(editedFiles, f).matchAll(/(?:src|href)="\/(_astro\/[^"]+)"/g)].map((m) => m[1]!)));
    expect([...linked].filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    expect([...linked].filter((f) => f.endsWith('.css')).length).toBeGreaterThan(0);
    for (const f of linked) expect(editedFiles.has(f), f).toBe(true);
  });

  it('keeps the archive-wide pages when only a sentence changed, and the output is what a fresh build gives, file for file', () => {
    const archiveWide = ['index.html', '404.html', 'agencies/index.html', 'years/index.html', 'quality/index.html', 'data/index.html', 'data/datapackage.json', 'data/schema.json', 'feed.xml', 'sitemap.xml', 'robots.txt'];
    // The same files as the build before left (bytes and times): not rendered again.
    for (const f of archiveWide) expect(editedFiles.get(f), f).toEqual(changedFiles.get(f));
    // The downloads that hold every report's text are joined again: the changed report's bytes
    // written in place, within its 4 KiB slot (the same file), the rest of the file untouched.
    expect(textIn(editedFiles)('data/reports.json')).toContain(SENTENCE_AGAIN);
    expect(edited.output).toContain('reports.json 原位改写 1 份报告');
    // Only a sentence: the last build's snapshot with that report put in (src/node/build/carried-snapshot.ts).
    expect(edited.output).toContain('沿用上次构建的全库快照，重读 1 个改动的文件');
    expect(jsonInodes[1]).toBe(jsonInodes[0]);
    expect(editedAgain.status).toBe(0);
    expect(editedAgain.output).toContain(SKIPPED);
    expect(editedFiles.get('data/reports.csv')!.mtimeMs).not.toBe(changedFiles.get('data/reports.csv')!.mtimeMs);
    expect([...editedFiles.keys()]).toEqual([...freshEditedFiles.keys()]);
    for (const [f, v] of freshEditedFiles) expect(editedFiles.get(f)?.bytes === v.bytes, f).toBe(true);
  });

  it("renders a report's body, year and archive-wide pages again when its figures changed, from the last build's snapshot, and the output is what a fresh build gives", () => {
    expect(figured.status).toBe(0);
    expect(figured.output).toContain('沿用上次构建的全库快照，重读 1 个改动的文件');
    expect(figured.output).toContain('只重新生成 1 个报告页（共 4 个）和 2 个机关、年度页（共 6 个），搜索页、校验页及其脚本、其余沿用上次构建');
    // The build summary counts the two checks that now fail, and the quality page names them.
    const failing = (output: string) => Number(/(\d+) 项校验未通过/.exec(output)?.[1]);
    expect(failing(figured.output)).toBe(failing(edited.output) + 2);
    const quality = textIn(figuredFiles)('quality/index.html');
    expect(quality).toContain('#check-requests-rowTotal-newReceived');
    expect(textIn(editedFiles)('quality/index.html')).not.toContain('#check-requests-rowTotal-newReceived');
    // The other bodies' report pages are kept (the same file, not written again), and the outline
    // pages, which show no figure or check: the agencies' index and the sitemap.
    for (const f of ['reports/2023-donghu-zhengwu-dashuju/index.html', 'agencies/index.html', 'sitemap.xml']) expect(figuredFiles.get(f), f).toEqual(editedFiles.get(f));
    expect(figuredFiles.get('index.html')!.mtimeMs).not.toBe(editedFiles.get('index.html')!.mtimeMs);
    expect([...figuredFiles.keys()]).toEqual([...freshFiguredFiles.keys()]);
    for (const [f, v] of freshFiguredFiles) expect(figuredFiles.get(f)?.bytes === v.bytes, f).toBe(true);
  });

  it('builds everything again when the output was altered by hand, and puts the missing page back', () => {
    expect(tampered.status).toBe(0);
    // The same inputs: the output check decided before Astro started.
    expect(astroRuns(tampered.output)).toBe(1);
    expect(tampered.output).not.toContain(SKIPPED);
    expect(tampered.output).toContain('完整重建');
    expect(tampered.output).toContain('生成全部 4 个报告页和 6 个机关、年度页');
    expect(statSync(join(out, 'stray.txt'), { throwIfNoEntry: false })).toBeUndefined();
    expect(statSync(join(out, 'reports', '2023-donghu-zhengwu-dashuju', 'index.html')).isFile()).toBe(true);
  });

  it('builds everything again when the output was altered by hand and a report changed, and gives what a fresh build gives', () => {
    expect(tamperedAndChanged.status).toBe(0);
    expect(tamperedAndChanged.output).toContain('完整重建');
    // Astro, started before the output check, is handed the pages to render only after it: it
    // renders every page in its first run, not stopped and started again (as builds before did).
    expect(astroRuns(tamperedAndChanged.output)).toBe(1);
    expect(tamperedAndChanged.output).toContain('生成全部 4 个报告页和 6 个机关、年度页');
    const text = textIn(tamperedAndChangedFiles);
    expect(text('reports/2023-zhanhe-zhengwu-dashuju/index.html')).toContain(SENTENCE);
    expect(text('reports/2023-zhanhe-zhengwu-dashuju/index.html')).not.toContain(SENTENCE_AGAIN);
    // The archive is again the one `fresh` was built from: the same files, byte for byte.
    expectSameAsFresh(tamperedAndChangedFiles);
    // Rendered into staging, which then replaced the output; the old output was deleted.
    expect(statSync(join(tmp, '.out.staging'), { throwIfNoEntry: false })).toBeUndefined();
    expect(statSync(join(tmp, '.out.trash'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('refuses at once an output on another file system, which a staged site cannot be renamed into', () => {
    const elsewhere = join(tmp, 'elsewhere');
    // Linux: /proc is a file system of its own.
    symlinkSync('/proc', elsewhere);
    const r = build(elsewhere, 'c');
    expect(r.status).toBe(1);
    expect(r.output).toContain(`构建失败：输出目录 ${elsewhere} 与其所在目录不在同一文件系统`);
    expect(r.output).not.toContain('[content]');
    expect(readdirSync(tmp).filter((f) => f.startsWith('.elsewhere'))).toEqual([]);
  });

  it('leaves the output as it was when a build fails, and leaves nothing beside it', () => {
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('STRICT=1：1 个错误');
    expect(failed.output).toContain('构建失败：astro build 退出码');
    // Every file, its bytes and its time.
    expect(failedFiles).toEqual(tamperedAndChangedFiles);
    for (const left of ['.out.staging', '.out.trash', '.out.pagefind']) expect(statSync(join(tmp, left), { throwIfNoEntry: false }), left).toBeUndefined();
  });
});
