/**
 * Vite plugin for `astro build`: when a partial build keeps a unit of pages from the previous
 * build (the pages with a script, `SCRIPTED_PAGES`; the archive-wide pages, `ARCHIVE_PAGES` and `OUTLINE_PAGES`; see
 * src/site/render-only.ts), their sources are read as an empty page or endpoint, so Astro neither
 * bundles their scripts for the browser nor renders them; the empty files it stages are left out
 * of the output (./overlay-output.ts), and the previous build's files stay.
 *
 * Why: a partial build runs on the same code, so the browser bundle (the validator's reader and
 * the search client) would come out byte for byte as published; bundling it again took 0.9–1.5 s
 * of every one-report rebuild, whatever the archive's size. The archive-wide pages, unchanged
 * when no listing changed, took about a second more at 10,000 reports.
 *
 * The same for the routes of the agency and the year pages when a partial build renders none of
 * their pages (`LISTING_ROUTES`): a route without paths, so their components are not bundled.
 *
 * Whether a unit is kept is known once Astro's content sync has taken the render set from the
 * build's handoff (src/loader/archive-snapshot.ts), and the sync ends before bundling loads a page.
 */
import { resolve } from 'node:path';
import { ARCHIVE_PAGES, ARCHIVE_PAGES_KEY, LISTING_ROUTES, OUTLINE_PAGES, OUTLINE_PAGES_KEY, renderOnly, SCRIPTED_PAGES, SCRIPTED_PAGES_KEY } from '../../site/render-only.ts';

const NOTE = '// Kept from the previous build (src/node/build/vite-keep-pages.ts).\n';
/** An empty page, or an endpoint that answers nothing: what Astro stages for a kept source. */
const placeholder = (source: string) => (source.endsWith('.astro') ? `---\n${NOTE}---\n` : `${NOTE}export const GET = () => new Response('');\n`);
/** A route with a parameter that has no page in this build. */
const noPaths = `---\n${NOTE}export function getStaticPaths() {\n  return [];\n}\n---\n`;

/** Whether this build keeps the unit of this key (a partial build that does not render it). */
function keeps(key: string): boolean {
  const only = renderOnly();
  return only !== null && !only.has(key);
}

/** Whether this build renders no page whose key starts with `prefix` (a partial build). */
function rendersNoneOf(prefix: string): boolean {
  const only = renderOnly();
  if (only === null) return false;
  for (const key of only) if (key.startsWith(prefix)) return false;
  return true;
}

/** `root`: the project root, which the units' sources are relative to. */
export function keepPagesPlugin(root: string) {
  const keyOf = new Map<string, string>([
    ...SCRIPTED_PAGES.map((p) => [resolve(root, p.source), SCRIPTED_PAGES_KEY] as const),
    ...ARCHIVE_PAGES.map((p) => [resolve(root, p.source), ARCHIVE_PAGES_KEY] as const),
    ...OUTLINE_PAGES.map((p) => [resolve(root, p.source), OUTLINE_PAGES_KEY] as const),
  ]);
  const prefixOf = new Map<string, string>(LISTING_ROUTES.flatMap((r) => r.sources.map((source) => [resolve(root, source), r.prefix] as const)));
  return {
    name: 'xxgk-keep-pages',
    enforce: 'pre' as const,
    apply: 'build' as const,
    load(id: string) {
      const key = keyOf.get(id);
      if (key !== undefined) return keeps(key) ? placeholder(id) : null;
      const prefix = prefixOf.get(id);
      return prefix !== undefined && rendersNoneOf(prefix) ? noPaths : null;
    },
  };
}
