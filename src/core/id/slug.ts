/**
 * URL slugs from Chinese names: Han characters become toneless pinyin (pinyin-pro, which reads
 * polyphones in context: 银行 -> yinhang), ASCII letters and digits stay, anything else separates.
 */
import { pinyin } from 'pinyin-pro';

/** Runs of Han characters, each spelled as one (so polyphones are read in context). */
export const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
/** How a run is spelled; the validator page answers these calls from a table made with the same options. */
export const SLUG_PINYIN = { toneType: 'none', type: 'array', v: true } as const;
const MAX_LENGTH = 60;

const MEMO = new Map<string, string>();

/** Slugs are asked for the same agency names again and again across an archive. */
export function slugify(text: string): string {
  let slug = MEMO.get(text);
  if (slug === undefined) {
    slug = spell(text);
    if (MEMO.size > 50_000) MEMO.clear();
    MEMO.set(text, slug);
  }
  return slug;
}

function spell(text: string): string {
  const spelled = text.replace(HAN_RUN, (run) => `-${pinyin(run, SLUG_PINYIN).join('')}-`);
  const slug = spelled
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > MAX_LENGTH ? slug.slice(0, MAX_LENGTH).replace(/-+$/, '') : slug;
}

/** True for a valid id or slug: lowercase ASCII words joined by single hyphens. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
