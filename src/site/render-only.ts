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
