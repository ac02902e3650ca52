// @ts-check
import { defineConfig } from 'astro/config';
import { writeFileSync } from 'node:fs';
import { lazyPinyinInBrowser } from './src/check/vite-lazy-pinyin.ts';
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

// Site URL and base path come from src/site/settings.ts (env SITE_URL, BASE_PATH).
// OUT_DIR and ASTRO_CACHE_DIR let tests build into a temporary folder without sharing state.
export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'ignore',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [buildPhases],
  // The validator page's bundle loads pinyin-pro only when it needs it (src/check/vite-lazy-pinyin.ts).
  vite: { plugins: [lazyPinyinInBrowser()] },
});
