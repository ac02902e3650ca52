/** Serves a built index with the test search page and measures first queries in Chromium. */
import { writeSearchPage } from '../../tests/search/search-page.ts';
import { serveStatic } from '../../tests/search/static-server.ts';
import { launchChromium } from '../../tests/search/chromium.ts';
import { measureQuery } from './measure-query.ts';

const dist = process.env.DIST ?? '/tmp/search-bench/site';
const queries = (process.env.QUERIES ?? '行政许可|江夏区退役军人事务局').split('|');
await writeSearchPage(dist, '/', { worker: process.env.WORKER === '1' });
const server = await serveStatic(dist, '/');
const browser = await launchChromium();
for (const q of queries) {
  for (const mode of ['typed', 'link'] as const) {
    const m = await measureQuery(browser, server, server.url('search/'), q, mode);
    console.log(`${q.padEnd(14)} ${mode.padEnd(5)} ${String(m.results).padStart(5)} results  ${m.ms.toFixed(0).padStart(5)} ms  wire ${(m.wireBytes / 1024).toFixed(1)} KB  body ${(m.bodyBytes / 1024).toFixed(1)} KB  ${m.requests} req  ${JSON.stringify(Object.fromEntries(Object.entries(m.byKind).map(([k, v]) => [k, +(v / 1024).toFixed(1)])))}`);
  }
}
await browser.close();
await server.close();
