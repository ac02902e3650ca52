/**
 * `pinyin-pro` as the validator page's browser bundle sees it (swapped in by ../vite-lazy-pinyin.ts;
 * the build and the CLI use the library itself). pinyin-pro is ~145 KB gzipped, as much as the rest
 * of the page, and the parser needs it only to spell an agency slug the registry does not give.
 * So: calls the page was given answers for at build time (the spelling of every agency name in the
 * registry and the archive, made by pinyin-pro with the same options) are answered from that table;
 * any other call throws PinyinNotLoaded, the page loads the library (`loadPinyin`) and parses again.
 * Either way the slug, and so the report id, is the one the command line gives.
 */
import type { pinyin as realPinyin } from 'pinyin-pro';
import { SLUG_PINYIN } from '../../core/id/slug.ts';

type Pinyin = typeof realPinyin;

export class PinyinNotLoaded extends Error {
  constructor() {
    super('pinyin-pro is not loaded yet');
  }
}

let loaded: Pinyin | null = null;
const known = new Map<string, string[]>();

/** Spellings made at build time: Han run -> pinyin-pro's answer with SLUG_PINYIN. */
export function rememberPinyin(table: Record<string, string[]>): void {
  for (const [run, spelled] of Object.entries(table)) known.set(run, spelled);
}

const isSlugCall = (options: unknown) =>
  typeof options === 'object' && options !== null && Object.keys(SLUG_PINYIN).length === Object.keys(options).length && Object.entries(SLUG_PINYIN).every(([k, v]) => (options as Record<string, unknown>)[k] === v);

export const pinyin = ((text: string, options?: unknown) => {
  if (loaded) return (loaded as (t: string, o?: unknown) => unknown)(text, options);
  const spelled = isSlugCall(options) ? known.get(text) : undefined;
  if (spelled) return [...spelled];
  throw new PinyinNotLoaded();
}) as Pinyin;

export function pinyinLoaded(): boolean {
  return loaded !== null;
}

/** Loads the library itself (a chunk of its own); later calls go straight to it. */
export async function loadPinyin(): Promise<void> {
  // Resolved to the real package: the plugin leaves this module's own imports alone.
  loaded ??= (await import('pinyin-pro')).pinyin;
}
