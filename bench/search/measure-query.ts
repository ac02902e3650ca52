/**
 * One cold first query in a fresh browser context: opens <search page>?q=…, waits until results
 * (or the no-match message) are shown, and returns the bytes fetched (as sent over the wire, and
 * decoded) and the time from navigation to the first result on screen.
 */
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../../tests/search/static-server.ts';

export interface QueryMeasure {
  query: string;
  results: number;
  ms: number;
  wireBytes: number;
  bodyBytes: number;
  requests: number;
  byKind: Record<string, number>;
  warmMs?: number;
}

function kind(url: string): string {
  if (/\/search\/search\.js/.test(url)) return 'client';
  if (/pagefind(-worker)?\.js$/.test(url)) return 'pagefind-js';
  if (/\.pagefind$/.test(url)) return 'wasm';
  if (/pf_meta$/.test(url) || /pagefind-entry\.json/.test(url) || /manifest\.dat$/.test(url)) return 'meta';
  if (/pf_index$/.test(url)) return 'index';
  if (/\/blocks\/.*\.dat$/.test(url)) return 'blocks';
  return 'page';
}

export async function measureQuery(browser: Browser, server: StaticServer, pageUrl: string, query: string, warmQuery?: string): Promise<QueryMeasure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Playwright reports the page's and its workers' requests (Pagefind loads its index in a worker).
  const finished: Promise<{ url: string; wire: number; body: number; start: number; end: number }>[] = [];
  page.on('requestfinished', (request) =>
    finished.push(
      (async () => {
        const sizes = await request.sizes();
        const t = request.timing();
        return { url: request.url(), wire: sizes.responseBodySize + sizes.responseHeadersSize, body: 0, start: t.startTime, end: t.startTime + t.responseEnd };
      })(),
    ),
  );
  const first = server.served.length;
  await page.goto(`${pageUrl}?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => performance.getEntriesByName('search:results-shown').length > 0 || /没有找到/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 120_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('search:results-shown')[0]?.startTime ?? performance.now());
  const results = await page.evaluate(() => Number((document.querySelector('.search-status')?.textContent ?? '').match(/找到 (\d+)/)?.[1] ?? 0));
  await page.waitForTimeout(300); // let late requests finish so they are counted
  const requests = await Promise.all(finished);
  // Bytes as the server sent them (response bodies, gzip where a static host would compress).
  const byKind: Record<string, number> = {};
  let wireBytes = 0;
  let bodyBytes = 0;
  const served = server.served.slice(first);
  for (const r of served) {
    wireBytes += r.sent;
    bodyBytes += r.size;
    byKind[kind(r.path)] = (byKind[kind(r.path)] ?? 0) + r.sent;
  }
  if (process.env.TIMELINE) {
    const t0 = Math.min(...requests.map((r) => r.start));
    for (const r of requests.sort((a, b) => a.start - b.start)) console.log(`   ${(r.start - t0).toFixed(0).padStart(5)} → ${(r.end - t0).toFixed(0).padStart(5)} ms ${String(r.wire).padStart(7)} B  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`);
  }
  let warmMs: number | undefined;
  if (warmQuery) {
    warmMs = await page.evaluate(async (q) => {
      performance.clearMarks('search:results-shown');
      const input = document.querySelector<HTMLInputElement>('input[name=q]')!;
      input.value = q;
      const t = performance.now();
      document.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
      await new Promise<void>((resolve) => {
        const check = () => (performance.getEntriesByName('search:results-shown').length ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.getEntriesByName('search:results-shown')[0]!.startTime - t;
    }, warmQuery);
  }
  await context.close();
  return { query, results, ms, wireBytes, bodyBytes, requests: served.length, byKind, warmMs };
}
