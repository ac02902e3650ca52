/**
 * What Astro is given for a page's source in a partial build (src/node/build/vite-keep-pages.ts):
 * a kept unit's pages as empty placeholders, the agency and year routes without paths when no
 * page of theirs is rendered, and every other source as it is.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepPagesPlugin } from '../../../src/node/build/vite-keep-pages.ts';
import { agencyPageKey, ARCHIVE_PAGES_KEY, SCRIPTED_PAGES_KEY, setRenderOnly, yearPageKey } from '../../../src/site/render-only.ts';
import { ROOT } from '../../helpers/paths.ts';

const plugin = keepPagesPlugin(ROOT);
const load = (source: string) => plugin.load(join(ROOT, source));
const REPORT = 'src/pages/reports/[id]/index.astro';
const AGENCY = 'src/pages/agencies/[slug]/index.astro';
const YEAR = 'src/pages/years/[year]/index.astro';
const YEAR_SORTED = 'src/pages/years/[year]/[sort]/index.astro';
const HOME = 'src/pages/index.astro';
const SEARCH = 'src/pages/search/index.astro';

afterEach(() => setRenderOnly(null));

describe('keepPagesPlugin', () => {
  it('changes no source in a full build', () => {
    setRenderOnly(null);
    for (const source of [REPORT, AGENCY, YEAR, YEAR_SORTED, HOME, SEARCH]) expect(load(source), source).toBeNull();
  });

  it('in a partial build that renders one report page, gives the kept units placeholders and the agency and year routes no paths', () => {
    setRenderOnly(new Set(['2024-kaiyang-tuiyi']));
    expect(load(REPORT)).toBeNull();
    expect(load(HOME)).toMatch(/^---\n\/\/ Kept from the previous build/);
    expect(load(SEARCH)).toMatch(/^---\n\/\/ Kept from the previous build/);
    for (const source of [AGENCY, YEAR, YEAR_SORTED]) expect(load(source), source).toMatch(/export function getStaticPaths\(\) \{\n {2}return \[\];\n\}/);
  });

  it('leaves a route as it is when one of its pages is rendered, and the units whose keys are in the set', () => {
    setRenderOnly(new Set(['2024-kaiyang-tuiyi', agencyPageKey('kaiyang-tuiyi'), ARCHIVE_PAGES_KEY, SCRIPTED_PAGES_KEY]));
    expect(load(AGENCY)).toBeNull();
    expect(load(HOME)).toBeNull();
    expect(load(SEARCH)).toBeNull();
    expect(load(YEAR)).toMatch(/getStaticPaths/);
    setRenderOnly(new Set([yearPageKey(2024)]));
    expect(load(YEAR)).toBeNull();
    expect(load(YEAR_SORTED)).toBeNull();
    expect(load(AGENCY)).toMatch(/getStaticPaths/);
  });
});
