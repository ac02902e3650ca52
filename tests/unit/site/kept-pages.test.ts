/**
 * A partial build keeps the pages with a script and `_astro/*.js` from the previous build when
 * their key did not change (src/site/render-only.ts, src/node/build/vite-keep-pages.ts).
 * That is only right while those are exactly the pages whose scripts Astro bundles: a script in
 * another page, a component or a layout would be bundled into `_astro/` by pages rendered anyway.
 * The same for the archive-wide pages, and for the routes of the agency and the year pages, which
 * a partial build that renders none of their pages does not bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageOfOutput } from '../../../src/loader/page-digests.ts';
import { agencyPageKey, ARCHIVE_PAGES, ARCHIVE_PAGES_KEY, LISTING_ROUTES, OUTLINE_PAGES, OUTLINE_PAGES_KEY, SCRIPTED_PAGES, yearPageKey } from '../../../src/site/render-only.ts';
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

const pageFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pageFiles(join(dir, e.name)) : [relative(ROOT, join(dir, e.name)).split('\\').join('/')]));

describe('the archive-wide pages', () => {

  it('with the pages of a report, an agency or a year, the pages with a script and the two joined downloads, are every page of src/pages', () => {
    // Pages with a parameter belong to a report, agency or year key (their paths are filtered by rendersPage).
    const perPage = /\[[a-z]+\]/;
    const joined = ['src/pages/data/reports.csv.ts', 'src/pages/data/reports.json.ts'];
    const fixed = pageFiles(join(ROOT, 'src', 'pages')).filter((f) => !perPage.test(f) && !SCRIPTED_PAGES.some((p) => p.source === f) && !joined.includes(f));
    expect(fixed.sort()).toEqual([...ARCHIVE_PAGES, ...OUTLINE_PAGES].map((p) => p.source).sort());
  });

  it('are each written where their source says (an endpoint at its name, a page as its .html), and that output belongs to their key', () => {
    const outputOf = (source: string) => {
      const route = source.replace(/^src\/pages\//, '');
      return route.endsWith('.ts') ? route.slice(0, -'.ts'.length) : route.replace(/\.astro$/, '.html');
    };
    for (const [pages, key] of [[ARCHIVE_PAGES, ARCHIVE_PAGES_KEY], [OUTLINE_PAGES, OUTLINE_PAGES_KEY]] as const) {
      for (const page of pages) {
        expect(page.output, page.source).toBe(outputOf(page.source));
        expect(pageOfOutput(page.output), page.output).toBe(key);
      }
    }
  });
});

describe('the routes of the agency and the year pages', () => {
  it('are every route with a parameter under agencies/ and years/, each under the prefix of its pages\' keys', () => {
    const routes = pageFiles(join(ROOT, 'src', 'pages')).filter((f) => /\[[a-z]+\]/.test(f) && /^src\/pages\/(?:agencies|years)\//.test(f));
    expect(LISTING_ROUTES.flatMap((r) => r.sources).sort()).toEqual(routes.sort());
    expect(agencyPageKey('zhanhe').startsWith(LISTING_ROUTES[0].prefix)).toBe(true);
    expect(yearPageKey(2023).startsWith(LISTING_ROUTES[1].prefix)).toBe(true);
    // Neither prefix takes the other's keys, nor a report's page id (which has no slash).
    expect(yearPageKey(2023).startsWith(LISTING_ROUTES[0].prefix) || agencyPageKey('zhanhe').startsWith(LISTING_ROUTES[1].prefix)).toBe(false);
    for (const r of LISTING_ROUTES) expect(r.prefix.endsWith('/')).toBe(true);
  });
});
