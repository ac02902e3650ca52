/**
 * npm run search-index [-- OUT_DIR]
 * Builds only the search index of the archive (content/reports/, or REPORTS_DIR) into OUT_DIR
 * (default dist/pagefind/), with the page ids the site gives (src/loader/archive-snapshot.ts),
 * reusing unchanged shards from node_modules/.cache/xxgk/search (or XXGK_SEARCH_CACHE_DIR; see
 * ./tuning.ts for the other settings). `npm run build` runs it itself.
 */
import { resolve } from 'node:path';
import { readSnapshot } from '../../loader/archive-snapshot.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { searchTuning } from './tuning.ts';

const out = resolve(process.argv[2] ?? 'dist/pagefind');
const reports = (await readSnapshot()).reports.map((page) => page.report);
const started = performance.now();
const result = await buildSearchIndex(reports, {
  outDir: out,
  ...searchTuning(process.env),
  onStep: (s) => process.stdout.write(`  ${s.step}：${s.pages ? `${s.pages} 份报告，` : ''}${s.reused ? '沿用缓存' : '已建立'}（${(s.ms / 1000).toFixed(1)} 秒）\n`),
});
process.stdout.write(`搜索索引：${result.pages.length} 份报告，${result.manifest.shards.length} 个分片（新建 ${result.built.length}，沿用 ${result.reused.length}），${((performance.now() - started) / 1000).toFixed(1)} 秒 → ${out}\n`);
