/**
 * npm run search-index [-- OUT_DIR]
 * Builds the search index of the archive (content/reports/, or REPORTS_DIR) into OUT_DIR
 * (default dist/pagefind/), reusing unchanged shards from node_modules/.cache/xxgk/search.
 * Run it after the site build: `astro build && npm run search-index`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { registryFile, reportsDir } from '../../node/archive-paths.ts';
import { loadRegistry } from '../../node/load-registry.ts';
import { readArchive } from '../../node/read-archive.ts';
import { buildSearchIndex } from './build-search-index.ts';

const out = resolve(process.argv[2] ?? 'dist/pagefind');
const regFile = registryFile();
const registry = loadRegistry(regFile);
const registryDigest = existsSync(regFile) ? createHash('sha256').update(readFileSync(regFile)).digest('hex') : '';
const entries = await readArchive(reportsDir(), { registry, registryDigest });
const reports = entries.flatMap((e) => (e.report && !e.error ? [e.report] : []));
const started = performance.now();
const result = await buildSearchIndex(reports, {
  outDir: out,
  onStep: (s) => process.stdout.write(`  ${s.step}：${s.pages} 份报告，${s.reused ? '沿用缓存' : '已建立'}（${(s.ms / 1000).toFixed(1)} 秒）\n`),
});
process.stdout.write(`搜索索引：${result.pages.length} 份报告，${result.manifest.shards.length} 个分片（新建 ${result.built.length}，沿用 ${result.reused.length}），${((performance.now() - started) / 1000).toFixed(1)} 秒 → ${out}\n`);
