// @ts-check
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyPinyinInBrowser } from './src/check/vite-lazy-pinyin.ts';
import { dataStoreAtRuntimePlugin } from './src/node/build/vite-data-store-at-runtime.ts';
import { keepPagesPlugin } from './src/node/build/vite-keep-pages.ts';
import { phaseTimes } from './src/node/build-phases.ts';
import { settings } from './src/site/settings.ts';

/** Hands the time spent parsing and writing data files to scripts/build.ts (see src/node/build-phases.ts). */
const buildPhases = {
  name: 'xxgk-build-phases',
  hooks: {
    'astro:build:done': () => {
      if (process.env.XXGK_PHASES_FILE) writeFileSync(process.env.XXGK_PHASES_FILE, JSON.stringify(phaseTimes()));
    },
  },
};

/**
 * Under `npm run build`, which sets XXGK_JOINS_FILE: the archive-wide downloads' recipes, recorded
 * as soon as the content sync has stored the reports, so the build writes the downloads while
 * Astro bundles and renders (src/site/data/record-downloads.ts). Loaded only then.
 */
const downloadRecipes = {
  name: 'xxgk-download-recipes',
  hooks: {
    'astro:build:start': async () => {
      const recipes = process.env.XXGK_JOINS_FILE;
      if (!recipes) return;
      const { recordProjectDownloads } = await import('./src/site/data/record-downloads.ts');
      recordProjectDownloads(recipes, root, resolve(root, cacheDir));
    },
  },
};

/**
 * Under `npm run build`, which sets XXGK_SNAPSHOT: the pages to render, which the build hands over
 * after the snapshot its loader took (src/loader/snapshot-handoff.ts), taken once the content sync
 * has ended and the downloads' recipes are recorded, before bundling reads it
 * (src/node/build/vite-keep-pages.ts) and the routes list their pages (src/site/render-only.ts).
 */
const renderSet = {
  name: 'xxgk-render-set',
  hooks: {
    'astro:build:start': async () => {
      if (!process.env.XXGK_SNAPSHOT) return;
      const [{ awaitRenderSet }, { setRenderOnly }] = await Promise.all([import('./src/loader/snapshot-handoff.ts'), import('./src/site/render-only.ts')]);
      const render = await awaitRenderSet(process.env);
      setRenderOnly(render && new Set(render));
    },
  },
};

/**
 * Output names of bundled assets: Astro's, but the stylesheet's by its content alone. Every page
 * links the one stylesheet (src/styles/site.css, through BaseLayout), which Astro names after the
 * first module that imports it, and that depends on which pages a build renders: a partial build
 * that keeps the listings (src/node/build/vite-keep-pages.ts) named it cell-display.*.css instead of
 * BaseLayout.*.css, and the kept pages' link to it broke.
 */
const assetFileNames = (/** @type {{ names?: string[] }} */ info) => {
  const name = info.names?.[0] ?? '';
  if (name.endsWith('.css')) return '_astro/site.[hash].css';
  // Astro's own rule for assets named after a page (astro/dist/core/build/vite-build-config.js).
  return name.includes('@_@') ? `_astro/${name.split('@_@')[0]}.[hash][extname]` : '_astro/[name].[hash][extname]';
};
const assetNames = { build: { rolldownOptions: { output: { assetFileNames } } } };

const root = dirname(fileURLToPath(import.meta.url));
const cacheDir = process.env.ASTRO_CACHE_DIR || './node_modules/.astro';
const dataStore = resolve(root, cacheDir, 'data-store.json');

// Site URL and base path come from src/site/settings.ts (env SITE_URL, BASE_PATH).
// OUT_DIR and ASTRO_CACHE_DIR let tests build into a temporary folder without sharing state.
/**
 * Typed as Astro's config, not passed through `defineConfig`: importing 'astro/config' loads about
 * 800 modules (font, CSS and SVG tools among them) that a build does not otherwise load before its
 * content sync, about 0.1 s of every build's start (bench/README.md).
 * @type {import('astro').AstroUserConfig}
 */
export default {
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'ignore',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir,
  // Four pages at a time: writing 40,000 files one after another left the build waiting on the disk
  // a fifth of the time (10,000 reports: 91 s with 1, 63 s with 4, 74 s with 8; bench/README.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [buildPhases, downloadRecipes, renderSet],
  // The validator page's bundle loads pinyin-pro only when it needs it (src/check/vite-lazy-pinyin.ts);
  // the server bundle reads the content data store when it renders (src/node/build/vite-data-store-at-runtime.ts);
  // a partial build keeps the pages with a script and the archive-wide pages from the last build when
  // their key did not change (src/node/build/vite-keep-pages.ts).
  vite: {
    plugins: [lazyPinyinInBrowser(), dataStoreAtRuntimePlugin(dataStore), keepPagesPlugin(root)],
    // astro dev watches the project: not the benchmark's corpora and built sites (bench/work holds
    // hundreds of thousands of files, past the system's limit of watchers) nor the folders a build
    // stages its output in beside dist/ (scripts/build.ts). Vite skips dist/ and node_modules/ itself.
    server: { watch: { ignored: ['**/bench/work/**', '**/.*.staging/**', '**/.*.pagefind/**', '**/.*.trash/**', '**/.*.joins/**'] } },
    ...assetNames,
    environments: { client: assetNames, prerender: assetNames },
  },
};
