/**
 * A partial build keeps the pages with a script and `_astro/*.js` from the previous build when
 * their key did not change (src/site/render-only.ts, src/node/build/vite-keep-scripted-pages.ts).
 * That is only right while those are exactly the pages whose scripts Astro bundles: a script in
 * another page, a component or a layout would be bundled into `_astro/` by pages rendered anyway.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRIPTED_PAGES } from '../../../src/site/render-only.ts';
import { ROOT } from '../../helpers/paths.ts';

const astroFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? astroFiles(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : []));

/** A <script> Astro bundles: not inline, not data (type="application/json"). */
const BUNDLED_SCRIPT = /<script(?![^>]*\b(?:is:inline|type="application\/json"))[^>]*>/;

describe('the pages with a script', () => {
  it('are exactly the .astro files whose scripts Astro bundles', () => {
    const withScripts = astroFiles(join(ROOT, 'src'))
      .filter((f) => BUNDLED_SCRIPT.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .sort();
    expect(withScripts).toEqual(SCRIPTED_PAGES.map((p) => p.source).sort());
  });

  it('are each served at their route', () => {
    for (const page of SCRIPTED_PAGES) expect(page.source).toBe(`src/pages/${page.route}/index.astro`);
  });
});
