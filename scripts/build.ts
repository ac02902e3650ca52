/**
 * npm run build: the whole archive into dist/ (or OUT_DIR).
 *   1. `astro build`: parses the archive (through the digest cache), renders every page and data file;
 *   2. the search index into <out>/pagefind/ from the same reports (unchanged shards come from the cache);
 *   3. the search page gets preload links for the index files a first query needs;
 *   4. the split of the time is printed and written to node_modules/.cache/xxgk/build-timings.json
 *      (read by `npm run bench`).
 * Astro runs as its own process so its memory is returned before Pagefind starts.
 *
 * When nothing the output depends on changed since the last build into the same folder (see
 * src/node/build-inputs.ts) and the folder is as that build left it, nothing is built again: Astro
 * would re-render every page to the same bytes. The record of the last build lives in
 * node_modules/.cache/xxgk/build-stamps/; FORCE_BUILD=1 ignores it.
 *
 * When only reports changed (same code, settings and registry) and the folder is intact, Astro
 * renders into a staging folder only the pages of new and changed reports (whose digest, see
 * src/loader/page-digests.ts, differs) with every listing and data file, and the result replaces
 * everything in the folder but the unchanged reports' pages. The search index rebuilds only the
 * shards whose reports changed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '../src/loader/archive-snapshot.ts';
import { pageOfOutput, type PagesRecord } from '../src/loader/page-digests.ts';
import { buildInputs, outputFingerprint } from '../src/node/build-inputs.ts';
import { buildSearchIndex } from '../src/search/build/build-search-index.ts';
import { searchPreloads } from '../src/search/build/preloads.ts';
import { settings } from '../src/site/settings.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist');
const CACHE = join(ROOT, 'node_modules', '.cache', 'xxgk');
const PHASES_FILE = join(CACHE, `build-phases-${process.pid}.json`);
const TIMINGS_FILE = join(CACHE, 'build-timings.json');
const STAMP_FILE = join(CACHE, 'build-stamps', `${createHash('sha256').update(OUT).digest('hex').slice(0, 16)}.json`);

/** What the last complete build into OUT was built from, and what it left there. */
interface BuildStamp {
  inputs: string;
  /** Digest of the code and settings alone: with the same, unchanged report pages can be kept. */
  code: string;
  output: string;
  files: number;
  /** Page id -> digest of what the page is made from (src/loader/page-digests.ts). */
  pages: Record<string, string>;
}

function readStamp(): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

/**
 * Where the search cache lives and how the index is cut; the tests set tiny shards and chunks
 * so a five-report archive goes through the merge as a large one does.
 */
function searchTuning(env: NodeJS.ProcessEnv): { cacheDir?: string; maxShardPages?: number; chunkSize?: number } {
  const count = (name: string) => (env[name] && Number(env[name]) > 0 ? Number(env[name]) : undefined);
  return {
    ...(env.XXGK_SEARCH_CACHE_DIR ? { cacheDir: resolve(env.XXGK_SEARCH_CACHE_DIR) } : {}),
    ...(count('XXGK_SEARCH_SHARD_PAGES') ? { maxShardPages: count('XXGK_SEARCH_SHARD_PAGES') } : {}),
    ...(count('XXGK_SEARCH_CHUNK_SIZE') ? { chunkSize: count('XXGK_SEARCH_CHUNK_SIZE') } : {}),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/** Every file under `dir`, relative, with / separators. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) visit(dir);
  return out;
}

function removeEmptyDirs(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeEmptyDirs(join(dir, e.name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Puts a partial build (staging) into OUT: every file of OUT goes except the pages kept from the
 * previous build (reports not rendered this time and still in the archive), then every file of
 * staging moves in. Pages of removed reports, listings and data files are thereby all replaced.
 */
function overlay(staging: string, record: PagesRecord): void {
  const rendered = record.render ? new Set(record.render) : null;
  const kept = (id: string | null) => id !== null && rendered !== null && id in record.pages && !rendered.has(id);
  for (const f of filesOf(OUT)) if (!kept(pageOfOutput(f))) rmSync(join(OUT, f));
  for (const f of filesOf(staging)) {
    mkdirSync(dirname(join(OUT, f)), { recursive: true });
    renameSync(join(staging, f), join(OUT, f));
  }
  rmSync(staging, { recursive: true, force: true });
  if (existsSync(OUT)) removeEmptyDirs(OUT);
  mkdirSync(OUT, { recursive: true });
}

function runAstro(env: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, XXGK_PHASES_FILE: PHASES_FILE, ...env },
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

mkdirSync(CACHE, { recursive: true });
const started = performance.now();

const inputs = buildInputs(ROOT);
const stamp = readStamp();
const now = stamp ? outputFingerprint(OUT) : null;
const intact = stamp !== null && now !== null && now.digest === stamp.output && !process.env.FORCE_BUILD;
if (intact && stamp.inputs === inputs.digest) {
  const totalMs = Math.round(performance.now() - started);
  writeFileSync(TIMINGS_FILE, `${JSON.stringify({ parseMs: 0, astroMs: 0, dataMs: 0, searchMs: 0, totalMs, skipped: true }, null, 2)}\n`);
  process.stdout.write(`未改变：报告、机构名录、代码和设置都与上次构建 ${OUT} 时相同，输出完好，跳过构建（检查用时 ${seconds(totalMs)}）\n`);
  process.exit(0);
}
if (stamp && !intact && !process.env.FORCE_BUILD) process.stdout.write(`${OUT} 自上次构建后被改动过（${now ? `${now.files} 个文件，上次 ${stamp.files} 个` : '目录不存在'}），完整重建\n`);
// Same code and settings, output as the last build left it: only changed report pages need rendering.
const partial = intact && stamp.code === inputs.code;
// A build that stops halfway must not leave a record that its output is complete.
rmSync(STAMP_FILE, { force: true });

const PAGES_FILE = join(CACHE, `build-pages-${process.pid}.json`);
const PREVIOUS_FILE = join(CACHE, `build-previous-pages-${process.pid}.json`);
const STAGING = join(dirname(OUT), `.${basename(OUT)}.partial`);
const astroEnv: Record<string, string> = { XXGK_PAGES_OUT: PAGES_FILE };
if (partial) {
  writeFileSync(PREVIOUS_FILE, JSON.stringify(stamp.pages));
  rmSync(STAGING, { recursive: true, force: true });
  Object.assign(astroEnv, { XXGK_PREVIOUS_PAGES: PREVIOUS_FILE, OUT_DIR: STAGING });
}
const astroStarted = performance.now();
const astroCode = await runAstro(astroEnv);
const astroWall = performance.now() - astroStarted;
const phases = existsSync(PHASES_FILE) ? (JSON.parse(readFileSync(PHASES_FILE, 'utf8')) as { parse: number; data: number }) : { parse: 0, data: 0 };
const pages = existsSync(PAGES_FILE) ? (JSON.parse(readFileSync(PAGES_FILE, 'utf8')) as PagesRecord) : null;
for (const f of [PHASES_FILE, PAGES_FILE, PREVIOUS_FILE]) rmSync(f, { force: true });
if (astroCode !== 0) {
  rmSync(STAGING, { recursive: true, force: true });
  process.stderr.write(`构建失败：astro build 退出码 ${astroCode}\n`);
  process.exit(astroCode);
}
if (!pages) throw new Error('astro build 没有写出页面摘要（XXGK_PAGES_OUT）');
if (partial) overlay(STAGING, pages);
const rendered = pages.render ? `只重新生成 ${pages.render.length} 个报告页（共 ${Object.keys(pages.pages).length} 个，其余沿用上次构建）` : `生成全部 ${Object.keys(pages.pages).length} 个报告页`;

const searchStarted = performance.now();
// The same reports, with the same page ids, as the pages were built from; parsing is cached.
const snapshot = await readSnapshot();
const reports = snapshot.reports.map((page) => page.report);
const index = await buildSearchIndex(reports, { outDir: join(OUT, 'pagefind'), ...searchTuning(process.env) });
const searchPage = join(OUT, 'search', 'index.html');
if (existsSync(searchPage)) {
  const html = readFileSync(searchPage, 'utf8');
  writeFileSync(searchPage, html.replace('</head>', `${searchPreloads(join(OUT, 'pagefind'), settings.basePath)}</head>`));
}
const searchMs = performance.now() - searchStarted;

const timings = {
  parseMs: Math.round(phases.parse),
  astroMs: Math.round(astroWall - phases.parse - phases.data),
  dataMs: Math.round(phases.data),
  searchMs: Math.round(searchMs),
  totalMs: Math.round(performance.now() - started),
  reports: reports.length,
  pagesRendered: pages.render ? pages.render.length : Object.keys(pages.pages).length,
  searchShards: { built: index.built.length, reused: index.reused.length },
};
writeFileSync(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
const fingerprint = outputFingerprint(OUT);
if (fingerprint) {
  mkdirSync(dirname(STAMP_FILE), { recursive: true });
  writeFileSync(STAMP_FILE, JSON.stringify({ inputs: inputs.digest, code: inputs.code, output: fingerprint.digest, files: fingerprint.files, pages: pages.pages } satisfies BuildStamp));
}
process.stdout.write(
  `\n完成：${reports.length} 份报告 → ${OUT}，${rendered}\n` +
    `  解析 ${seconds(timings.parseMs)}，页面 ${seconds(timings.astroMs)}，数据文件 ${seconds(timings.dataMs)}，` +
    `搜索索引 ${seconds(timings.searchMs)}（分片新建 ${index.built.length}，沿用 ${index.reused.length}），共 ${seconds(timings.totalMs)}\n`,
);
