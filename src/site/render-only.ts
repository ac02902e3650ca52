/**
 * A partial build (scripts/build.ts, after only some reports changed) renders the pages of those
 * reports only, and the agency and year pages whose content changed, with every other listing and
 * data file; the other reports', agencies' and years' pages and files are kept from the previous
 * build. The set is decided while the archive is read (src/loader/page-digests.ts)
 * and handed over on globalThis, because Astro loads the loader and the pages as separate module
 * instances.
 */
export const RENDER_ONLY = Symbol.for('xxgk.render-only');

/** The key of an agency's page (agencies/<slug>/) in the render set and the page digests. */
export const agencyPageKey = (slug: string) => `agencies/${slug}`;

/** The key of a year's page and its sorted views (years/<year>/…). */
export const yearPageKey = (year: number) => `years/${year}`;

/**
 * The pages that run a script (the search page and the validator) and the browser bundle in
 * `_astro/` that only they load, as one unit with one key: the pages read nothing of the archive
 * but the bodies' names (the validator spells them), so after most changes to reports they are the
 * previous build's, and a partial build then neither renders them nor bundles their scripts
 * (src/node/build/vite-keep-scripted-pages.ts). Every page with a bundled script must be listed here
 * (tests/unit/site/scripted-pages.test.ts checks src/pages).
 */
export const SCRIPTED_PAGES_KEY = 'scripted/pages';
export const SCRIPTED_PAGES = [
  { route: 'search', source: 'src/pages/search/index.astro' },
  { route: 'check', source: 'src/pages/check/index.astro' },
] as const;

/** The page ids and keys to render, or null: render every page. */
export function renderOnly(): Set<string> | null {
  return ((globalThis as Record<symbol, unknown>)[RENDER_ONLY] as Set<string> | undefined) ?? null;
}

export function setRenderOnly(ids: Set<string> | null): void {
  (globalThis as Record<symbol, unknown>)[RENDER_ONLY] = ids ?? undefined;
}

/** Whether the page (and the files beside it) of this id or key is rendered in this build. */
export function rendersPage(pageId: string): boolean {
  const only = renderOnly();
  return only === null || only.has(pageId);
}
