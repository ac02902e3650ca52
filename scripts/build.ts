/**
 * npm run build: the whole archive into dist/ (or OUT_DIR).
 *   1. `astro build`: parses the archive (through the digest cache), renders every page and data file;
 *   2. the search index into <out>/pagefind/ from the same reports (unchanged shards come from the cache);
 *   3. the search page gets preload links for the index files a first query needs;
 *   4. the split of the time is printed and written to node_modules/.cache/xxgk/build-timings.json
 *      (read by `npm run bench`).
 * Astro runs as its own process so its memory is returned before Pagefind starts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '../src/loader/archive-snapshot.ts';
import { buildSearchIndex } from '../src/search/build/build-search-index.ts';
import { searchPreloads } from '../src/search/build/preloads.ts';
import { settings } from '../src/site/settings.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist');
const CACHE = join(ROOT, 'node_modules', '.cache', 'xxgk');
const PHASES_FILE = join(CACHE, `build-phases-${process.pid}.json`);
const TIMINGS_FILE = join(CACHE, 'build-timings.json');

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
  searchShards: { built: index.built.length, reused: index.reused.length },
};
writeFileSync(TIMINGS_FILE, `${JSON.stringify(timings, null, 2)}\n`);
process.stdout.write(
  `\n完成：${reports.length} 份报告 → ${OUT}\n` +
    `  解析 ${seconds(timings.parseMs)}，页面 ${seconds(timings.astroMs)}，数据文件 ${seconds(timings.dataMs)}，` +
    `搜索索引 ${seconds(timings.searchMs)}（分片新建 ${index.built.length}，沿用 ${index.reused.length}），共 ${seconds(timings.totalMs)}\n`,
);
