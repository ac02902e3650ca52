/**
 * A first query in a fresh browser context (nothing cached), two ways:
 *
 *   typed: the empty search page is opened, the query is typed into its field and submitted,
 *          as a person does; time from pressing Enter to the first result on screen.
 *   link:  the page is opened with ?q=… (a shared link); time from navigation to the first result.
 *
 * Bytes are counted by the server: every response body sent from opening the page until the
 * results are shown, compressed as a static host compresses text (Pagefind's own files and our
 * blocks are already gzip-compressed, and sent as they are).
 */
import type { Browser, Page } from 'playwright-core';
import type { StaticServer } from '../../tests/search/static-server.ts';

export interface QueryMeasure {
  query: string;
  mode: 'typed' | 'link';
  results: number;
  /** Time to the first result on screen, ms. */
  ms: number;
  /** Bytes sent, and the files' own size. */
  wireBytes: number;
  bodyBytes: number;
  requests: number;
  byKind: Record<string, number>;
  /** Time spent in Pagefind's searches and in the whole search, ms. */
  engine?: { pagefind: number; total: number };
}

function kind(path: string): string {
  if (/\/search\/search\.js$|\/_astro\/[^/]+\.js$/.test(path)) return 'client';
  if (/pagefind(-worker)?\.js$/.test(path)) return 'pagefind-js';
  if (/\.pagefind$/.test(path)) return 'wasm';
  if (/pf_meta$|pagefind-entry\.json$|manifest\.dat$/.test(path)) return 'meta';
  if (/pf_index$/.test(path)) return 'index';
  if (/\/blocks\/.*\.dat$/.test(path)) return 'blocks';
  return 'page';
}

const shown = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('search:results-shown').length > 0 || /没有找到/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 120_000 });

export async function measureQuery(browser: Browser, server: StaticServer, pageUrl: string, query: string, mode: 'typed' | 'link'): Promise<QueryMeasure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const first = server.served.length;
  let ms: number;
  if (mode === 'link') {
    await page.goto(`${pageUrl}?q=${encodeURIComponent(query)}`);
    await shown(page);
    ms = await page.evaluate(() => performance.getEntriesByName('search:results-shown')[0]?.startTime ?? performance.now());
  } else {
    await page.goto(pageUrl);
    await page.waitForLoadState('networkidle');
    await page.click('input[name=q]');
    await page.keyboard.type(query, { delay: 60 });
    await page.waitForTimeout(400); // a person's pause before pressing Enter
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name=q]')!;
      input.addEventListener('keydown', () => performance.mark('search:submitted'), { once: true });
    });
    await page.keyboard.press('Enter');
    await shown(page);
    ms = await page.evaluate(() => {
      const end = performance.getEntriesByName('search:results-shown')[0]?.startTime ?? performance.now();
      return end - performance.getEntriesByName('search:submitted')[0]!.startTime;
    });
  }
  const results = await page.evaluate(() => Number((document.querySelector('.search-status')?.textContent ?? '').match(/找到 (\d+)/)?.[1] ?? 0));
  await page.waitForTimeout(200); // responses still in flight are counted too
  const byKind: Record<string, number> = {};
  let wireBytes = 0;
  let bodyBytes = 0;
  const served = server.served.slice(first);
  for (const r of served) {
    wireBytes += r.sent;
    bodyBytes += r.size;
    byKind[kind(r.path)] = (byKind[kind(r.path)] ?? 0) + r.sent;
  }
  if (process.env.TIMELINE) for (const r of served) console.log(`    ${String(r.sent).padStart(7)} B  ${r.path}`);
  await context.close();
  return { query, mode, results, ms, wireBytes, bodyBytes, requests: served.length, byKind };
}
