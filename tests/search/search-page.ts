/**
 * A minimal search page for the browser tests and the benchmark, standing in for the site's
 * search page: a GET form with `q`, the results container, and the client bundled by esbuild.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { searchPreloads } from '../../src/search/build/preloads.ts';

const ENTRY = `
import { mountSearch, SearchEngine } from ${JSON.stringify(new URL('../../src/search/client/index.ts', import.meta.url).pathname)};
const root = document.getElementById('search-results');
const worker = root.dataset.worker === 'true';
window.searchView = mountSearch({ root, base: root.dataset.base, form: document.querySelector('form[role=search]'), worker });
// For the tests: the engine itself, to compare whole result sets with the truth.
window.openSearchEngine = () => SearchEngine.open(root.dataset.base, { worker });
`;

export async function bundleClient(): Promise<string> {
  const result = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

/** The site build's preload links (src/search/build/preloads.ts), on this stand-in page too. */
export function preloadLinks(dist: string, base: string): string {
  return searchPreloads(join(dist, 'pagefind'), base);
}

/** Writes <dist>/search/index.html and its script; `base` is the site's base path. */
export async function writeSearchPage(dist: string, base: string, options: { worker?: boolean; preload?: boolean } = {}): Promise<void> {
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search', 'search.js'), await bundleClient());
  writeFileSync(
    join(dist, 'search', 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>搜索 · 年报公开档案</title><link rel="icon" href="data:,">
${options.preload === false ? '' : preloadLinks(dist, base)}
</head>
<body>
<main>
<h1>搜索年度报告</h1>
<form role="search" action="${base}search/" method="get">
<label for="q">搜索词</label>
<input id="q" name="q" type="search">
<button type="submit">搜索</button>
</form>
<div id="search-results" aria-live="polite" data-base="${base}" data-worker="${options.worker ? 'true' : 'false'}"></div>
</main>
<script type="module" src="${base}search/search.js"></script>
</body>
</html>
`,
  );
}
