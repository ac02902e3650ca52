/**
 * Vite plugin for `astro build`: when a partial build keeps the pages with a script from the
 * previous build (`SCRIPTED_PAGES`, src/site/render-only.ts), their sources are read as an empty
 * page, so Astro neither bundles their scripts for the browser nor renders them; the empty pages
 * it stages are left out of the output (./overlay-output.ts), and the previous build's pages and
 * `_astro/*.js` stay.
 *
 * Why: a partial build runs on the same code, so the browser bundle (the validator's reader and
 * the search client) would come out byte for byte as published; bundling it again took 0.9–1.5 s
 * of every one-report rebuild, whatever the archive's size.
 *
 * Whether they are kept is known once Astro's content sync has taken the render set from the
 * build's handoff (src/loader/archive-snapshot.ts), and the sync ends before bundling loads a page.
 */
import { resolve } from 'node:path';
import { renderOnly, SCRIPTED_PAGES, SCRIPTED_PAGES_KEY } from '../../site/render-only.ts';

const KEPT_PAGE_PLACEHOLDER = '---\n// Kept from the previous build (src/node/build/vite-keep-scripted-pages.ts).\n---\n';

/** Whether this build keeps the pages with a script (a partial build that does not render their key). */
function keepsScriptedPages(): boolean {
  const only = renderOnly();
  return only !== null && !only.has(SCRIPTED_PAGES_KEY);
}

/** `root`: the project root, which SCRIPTED_PAGES' sources are relative to. */
export function keepScriptedPagesPlugin(root: string) {
  const sources = new Set(SCRIPTED_PAGES.map((p) => resolve(root, p.source)));
  return {
    name: 'xxgk-keep-scripted-pages',
    enforce: 'pre' as const,
    apply: 'build' as const,
    load(id: string) {
      return sources.has(id) && keepsScriptedPages() ? KEPT_PAGE_PLACEHOLDER : null;
    },
  };
}
