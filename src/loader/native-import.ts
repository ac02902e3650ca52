/**
 * Astro loads the content config through Vite's module runner, which transforms every module the
 * loaders import (the parser, the models, the cache: about a hundred) on every build, with source
 * maps, before a single report is read. Node 24 loads the same TypeScript itself: at 10,000
 * reports Astro reached the loader 0.45 s sooner (uptime 1.66 s instead of 2.09–2.18 s), and
 * the loaders' modules took 73 ms to load instead of most of a second.
 *
 * `import()` written in a module Vite transforms becomes Vite's own import, so the module is
 * loaded with Node's `require`, which loads ES modules (Node 22.12 and later) and which no module
 * runner rewrites. Where Node cannot strip types (Node 22 before 22.18 without the flag) the
 * module is loaded through Vite as before.
 *
 * The cost: in `astro dev`, a change to the loaders' code takes a restart (the archive folder is
 * still watched). The loaders share nothing with the pages by module state (see
 * src/site/render-only.ts and src/node/build-phases.ts: both hand over on globalThis).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Whether this Node loads .ts files itself (process.features.typescript: 'strip' or 'transform'). */
export function nodeLoadsTypeScript(features: object = process.features): boolean {
  return Boolean((features as { typescript?: string | false }).typescript);
}

/** The module at `url`, loaded by Node when it can, else by `viaVite` (the same module, imported as written). */
export async function importNatively<T>(url: URL, viaVite: () => Promise<T>, features: object = process.features): Promise<T> {
  if (!nodeLoadsTypeScript(features)) return viaVite();
  // Node's require of an ES module (Node 22.12+), which no module runner or vm context rewrites.
  return createRequire(url)(fileURLToPath(url)) as T;
}
