/**
 * What the validator page is given at build time, as JSON in the page: the agency registry the
 * build applies (so district, canonical name and slug come out as the command line gives them) and
 * pinyin-pro's spelling of every Han run of the agency names the archive knows (see
 * client/lazy-pinyin.ts). Runs at build time only, with the real pinyin-pro.
 */
import { pinyin } from 'pinyin-pro';
import { HAN_RUN, SLUG_PINYIN } from '../core/id/slug.ts';
import type { AgencyRegistry } from '../core/model/registry.ts';

export interface CheckPageData {
  registry: AgencyRegistry | null;
  /** Han run -> pinyin-pro's answer with SLUG_PINYIN. */
  pinyin: Record<string, string[]>;
}

export function pinyinTable(names: Iterable<string>): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const name of names) for (const [run] of name.matchAll(HAN_RUN)) table[run] ??= pinyin(run, SLUG_PINYIN);
  return table;
}

export function checkPageData(registry: AgencyRegistry | undefined, agencyNames: Iterable<string>): CheckPageData {
  const names = new Set(agencyNames);
  for (const a of registry?.agencies ?? []) {
    names.add(a.name);
    for (const alias of a.aliases ?? []) names.add(alias);
  }
  return { registry: registry ?? null, pinyin: pinyinTable([...names].sort()) };
}

/** JSON that is safe inside <script type="application/json"> (no "</script>", no "<!--"). */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
