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
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '../src/loader/archive-snapshot.ts';
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
  output: string;
  files: number;
}

function readStamp(): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

function runAstro(): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, XXGK_PHASES_FILE: PHASES_FILE },
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

mkdirSync(CACHE, { recursive: true });
const started = performance.now();

const inputs = buildInputs(ROOT);
const stamp = readStamp();
if (stamp && stamp.inputs === inputs.digest && !process.env.FORCE_BUILD) {
  const now = outputFingerprint(OUT);
  if (now && now.digest === stamp.output) {
    const totalMs = Math.round(performance.now() - started);
    writeFileSync(TIMINGS_FILE, `${JSON.stringify({ parseMs: 0, astroMs: 0, dataMs: 0, searchMs: 0, totalMs, skipped: true }, null, 2)}\n`);
    process.stdout.write(`未改变：报告、机构名录、代码和设置都与上次构建 ${OUT} 时相同，输出完好，跳过构建（检查用时 ${seconds(totalMs)}）\n`);
    process.exit(0);
  }
  process.stdout.write(`${OUT} 自上次构建后被改动过（${now ? `${now.files} 个文件，上次 ${stamp.files} 个` : '目录不存在'}），重新构建\n`);
}
// A build that stops halfway must not leave a record that its output is complete.
rmSync(STAMP_FILE, { force: true });

const astroCode = await runAstro();
const astroWall = performance.now() - started;
const phases = existsSync(PHASES_FILE) ? (JSON.parse(readFileSync(PHASES_FILE, 'utf8')) as { parse: number; data: number }) : { parse: 0, data: 0 };
rmSync(PHASES_FILE, { force: true });
if (astroCode !== 0) {
  process.stderr.write(`构建失败：astro build 退出码 ${astroCode}\n`);
  process.exit(astroCode);
}

const searchStarted = performance.now();
// The same reports, with the same page ids, as the pages were built from; parsing is cached.
const snapshot = await readSnapshot();
const reports = snapshot.reports.map((page) => page.report);
const index = await buildSearchIndex(reports, { outDir: join(OUT, 'pagefind'), ...(process.env.XXGK_SEARCH_CACHE_DIR ? { cacheDir: resolve(process.env.XXGK_SEARCH_CACHE_DIR) } : {}) });
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
  searchShards: { built: index.built.length, reused: index.reused.length },
};
writeFileSync(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
const fingerprint = outputFingerprint(OUT);
if (fingerprint) {
  mkdirSync(dirname(STAMP_FILE), { recursive: true });
  writeFileSync(STAMP_FILE, JSON.stringify({ inputs: inputs.digest, output: fingerprint.digest, files: fingerprint.files } satisfies BuildStamp));
}
process.stdout.write(
  `\n完成：${reports.length} 份报告 → ${OUT}\n` +
    `  解析 ${seconds(timings.parseMs)}，页面 ${seconds(timings.astroMs)}，数据文件 ${seconds(timings.dataMs)}，` +
    `搜索索引 ${seconds(timings.searchMs)}（分片新建 ${index.built.length}，沿用 ${index.reused.length}），共 ${seconds(timings.totalMs)}\n`,
);
