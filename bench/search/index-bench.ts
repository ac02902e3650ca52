/** Builds the search index of a synthetic archive and prints time, peak memory and sizes. */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { buildSearchIndex } from '../../src/search/build/build-search-index.ts';
import { makeCorpus } from './corpus.ts';
import { watchTreeRss } from './tree-rss.ts';

const count = Number(process.env.COUNT ?? 10000);
const out = process.env.OUT ?? `/tmp/search-bench/${count}`;
const cache = process.env.CACHE ?? `/tmp/search-bench/cache-${count}`;
const maxShardPages = Number(process.env.MAX_SHARD ?? 2000);
const chunkSize = Number(process.env.CHUNK ?? 12000);
const window = Number(process.env.WINDOW ?? 4);
mkdirSync(out, { recursive: true });
let t = performance.now();
const { reports } = await makeCorpus(count);
console.log(`corpus: ${reports.length} reports in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const rss = watchTreeRss();
t = performance.now();
const result = await buildSearchIndex(reports, { outDir: out, cacheDir: cache, maxShardPages, chunkSize, window, onStep: (s) => console.log(`  ${s.step}: ${s.pages} pages, ${s.reused ? 'reused' : 'built'} in ${(s.ms / 1000).toFixed(1)} s`) });
const wall = (performance.now() - t) / 1000;
const peak = await rss.stop();
console.log(`index: ${wall.toFixed(1)} s, peak RSS (tree) ${(peak / 2 ** 30).toFixed(2)} GiB, built ${result.built.length}, reused ${result.reused.length}`);
console.log(execSync(`du -sh ${out}; d=${out}/bundle; echo "index $(du -sh $d/index | cut -f1) in $(ls $d/index | wc -l) chunks, meta $(stat -c %s $d/*.pf_meta) B, manifest $(stat -c %s ${out}/manifest.dat) B, blocks $(find ${out}/blocks -type f | wc -l) files $(find ${out}/blocks -type f -printf '%s\\n' | awk '{s+=$1} END {print s}') B"`).toString());
