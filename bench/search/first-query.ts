/**
 * node bench/search/first-query.ts --dist DIR [--base /] [--query Q]... [--repeat R] [--json]
 *
 * First queries on a site `npm run build` wrote: its own search page (<base>search/), served as a
 * static host serves it (text gzip-compressed), in headless Chromium, each query in a fresh
 * browser context, typed into the page and opened as a link (./measure-query.ts). Each is measured
 * R times (default 3) and the median time reported with the range; bytes and requests are those
 * of the median run. `npm run bench` runs this on the archive it built (bench/run.ts).
 *
 * Prints a table on stderr; with --json, the figures as one JSON object on stdout:
 *   { "queries": [{ query, mode, results, ms, msRange, bytesSent, bytesFiles, requests, byKind }] }
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/search/chromium.ts';
import { serveStatic } from '../../tests/search/static-server.ts';
import { measureQuery, type QueryMeasure } from './measure-query.ts';

export interface FirstQuery {
  query: string;
  mode: QueryMeasure['mode'];
  results: number;
  ms: number;
  msRange: [number, number];
  bytesSent: number;
  bytesFiles: number;
  requests: number;
  byKind: Record<string, number>;
}

/** The median run by time (the later of the two middle ones for an even count), with the range. */
export function medianQuery(runs: readonly QueryMeasure[]): FirstQuery {
  if (!runs.length) throw new Error('no runs to take the median of');
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const m = sorted[Math.floor(sorted.length / 2)]!;
  return {
    query: m.query,
    mode: m.mode,
    results: m.results,
    ms: Math.round(m.ms),
    msRange: [Math.round(sorted[0]!.ms), Math.round(sorted.at(-1)!.ms)],
    bytesSent: m.wireBytes,
    bytesFiles: m.bodyBytes,
    requests: m.requests,
    byKind: m.byKind,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, base: { type: 'string', default: '/' }, query: { type: 'string', multiple: true }, repeat: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
  if (!values.dist) throw new Error('--dist DIR: the folder npm run build wrote');
  const dist = resolve(values.dist);
  if (!existsSync(join(dist, 'search', 'index.html'))) throw new Error(`${join(dist, 'search', 'index.html')} 不存在：先运行 npm run build`);
  if (!existsSync(join(dist, 'pagefind', 'manifest.dat'))) throw new Error(`${join(dist, 'pagefind')} 中没有搜索索引：先运行 npm run build`);
  const queries = values.query?.length ? values.query : ['行政许可'];
  const repeat = Math.max(1, Number(values.repeat));

  const server = await serveStatic(dist, values.base);
  const browser = await launchChromium();
  const figures: FirstQuery[] = [];
  try {
    for (const q of queries) {
      for (const mode of ['typed', 'link'] as const) {
        const runs: QueryMeasure[] = [];
        for (let i = 0; i < repeat; i++) runs.push(await measureQuery(browser, server, server.url('search/'), q, mode));
        figures.push(medianQuery(runs));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const f of figures) {
    process.stderr.write(`${f.mode.padEnd(5)} ${String(f.results).padStart(6)} results  ${String(f.ms).padStart(5)} ms (${f.msRange.join('–')})  ${kb(f.bytesSent).padStart(7)} KiB sent in ${f.requests} requests  ${f.query}\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ queries: figures })}\n`);
}

if (import.meta.main) await main();
