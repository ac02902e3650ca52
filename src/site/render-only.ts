/**
 * A partial build (scripts/build.ts, after only some reports changed) renders the pages of those
 * reports only, with every listing and data file; the other reports' pages and files are kept
 * from the previous build. The set is decided while the archive is read (src/loader/page-digests.ts)
 * and handed over on globalThis, because Astro loads the loader and the pages as separate module
 * instances.
 */
export const RENDER_ONLY = Symbol.for('xxgk.render-only');

/** The page ids to render, or null: render every page. */
export function renderOnly(): Set<string> | null {
  return ((globalThis as Record<symbol, unknown>)[RENDER_ONLY] as Set<string> | undefined) ?? null;
}

export function setRenderOnly(ids: Set<string> | null): void {
  (globalThis as Record<symbol, unknown>)[RENDER_ONLY] = ids ?? undefined;
}

/** Whether the page (and the files beside it) of this id is rendered in this build. */
export function rendersPage(pageId: string): boolean {
  const only = renderOnly();
  return only === null || only.has(pageId);
}
