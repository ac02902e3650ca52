/**
 * Exactness at scale: for many queries (random fragments of the reports' text and agency names,
 * 1–14 characters, and pairs of them), the engine in Chromium must list exactly the reports whose
 * indexed text contains every term. Prints mismatches; exits 1 if any.
 */
import { buildSearchIndex } from '../../src/search/build/build-search-index.ts';
import { searchRecord } from '../../src/search/records.ts';
import { containsAll, queryRuns, searchRuns } from '../../src/search/tokenize.ts';
import { writeSearchPage } from '../../tests/search/search-page.ts';
import { serveStatic } from '../../tests/search/static-server.ts';
import { launchChromium } from './browser.ts';
import { makeCorpus } from './corpus.ts';

const count = Number(process.env.COUNT ?? 1000);
const dist = process.env.DIST ?? `/tmp/search-bench/site-${count}`;
const { reports } = await makeCorpus(count);
const { pages } = await buildSearchIndex(reports, { outDir: `${dist}/pagefind`, cacheDir: process.env.CACHE ?? `/tmp/search-bench/cache-${count}`, maxShardPages: Number(process.env.MAX_SHARD ?? 2000), chunkSize: Number(process.env.CHUNK ?? 12000) });
const records = reports.map(searchRecord);
const runsOf = new Map(records.map((r) => [r.id, searchRuns(r.text)]));

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const fragment = (text: string, len: number) => {
  const chars = Array.from(text.replace(/[\s\p{P}\p{S}]/gu, ''));
  const start = Math.floor(rand() * Math.max(1, chars.length - len));
  return chars.slice(start, start + len).join('');
};
const queries = new Set<string>();
for (let i = 0; queries.size < Number(process.env.QUERIES ?? 300); i++) {
  const r = records[Math.floor(rand() * records.length)]!;
  const len = 1 + Math.floor(rand() * 14);
  const q = rand() < 0.3 ? fragment(r.agency, Math.min(len, Array.from(r.agency).length)) : fragment(r.text, len);
  queries.add(rand() < 0.15 ? `${q} ${fragment(r.text, 2 + Math.floor(rand() * 3))}` : q);
}
await writeSearchPage(dist, '/');
const server = await serveStatic(dist, '/');
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(server.url('search/'));
const got: Record<string, number[]> = await page.evaluate(async (qs) => {
  const engine = await (window as any).openSearchEngine();
  const out: Record<string, number[]> = {};
  for (const q of qs) out[q] = (await engine.search(q)).hits.map((h: { page: number }) => h.page);
  return out;
}, [...queries]);
let bad = 0;
for (const q of queries) {
  const want = records.filter((r) => containsAll(runsOf.get(r.id)!, queryRuns(q))).map((r) => r.id).sort();
  const have = got[q]!.map((p) => pages[p]!).sort();
  if (want.join() !== have.join()) {
    bad++;
    if (bad <= 10) console.log(`MISMATCH ${JSON.stringify(q)}: want ${want.length}, got ${have.length}; missing ${want.filter((x) => !have.includes(x)).slice(0, 3)} extra ${have.filter((x) => !want.includes(x)).slice(0, 3)}`);
  }
}
console.log(`${queries.size - bad} of ${queries.size} queries exact (${count} reports)`);
await browser.close();
await server.close();
process.exit(bad ? 1 : 0);
