/**
 * The <link> tags that let a search page fetch what every first query needs (the engine, the
 * manifest, Pagefind's meta and wasm) while the page loads, instead of one after another.
 * Their names carry content hashes only the built index knows, hence written after the build.
 * Not for a page that runs Pagefind in a worker: a worker cannot use them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function searchPreloads(indexDir: string, base: string): string {
  const bundle = join(indexDir, 'bundle');
  if (!existsSync(bundle)) return '';
  const files = readdirSync(bundle);
  const meta = files.find((f) => f.endsWith('.pf_meta'));
  const wasm = files.find((f) => f.endsWith('.pagefind'));
  return [
    `<link rel="modulepreload" href="${base}pagefind/bundle/pagefind.js">`,
    `<link rel="preload" href="${base}pagefind/manifest.dat" as="fetch" crossorigin>`,
    ...(meta ? [`<link rel="preload" href="${base}pagefind/bundle/${meta}" as="fetch" crossorigin>`] : []),
    ...(wasm ? [`<link rel="preload" href="${base}pagefind/bundle/${wasm}" as="fetch" crossorigin>`] : []),
  ].join('');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A search page's HTML with the index's preload links: those of an earlier index (a page kept
 * from the previous build, see src/node/build/vite-keep-pages.ts) give way to these.
 */
export function withSearchPreloads(html: string, indexDir: string, base: string): string {
  const earlier = new RegExp(`<link rel="(?:module)?preload" href="${escapeRegExp(base)}pagefind/[^"]*"[^>]*>`, 'g');
  return html.replace(earlier, '').replace('</head>', `${searchPreloads(indexDir, base)}</head>`);
}
