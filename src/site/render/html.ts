/**
 * A few helpers to write HTML as strings: the report page (through Astro's set:html) and the
 * validator page (in the browser) render their tables and checks with the same functions, so the
 * markup is the same in both. Everything that is not markup goes through `esc`.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function esc(text: string | number): string {
  const s = String(text);
  // Most labels and figures have nothing to escape: skip the replace (a report page calls this thousands of times).
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s;
}

/** A link: `href` and `text` escaped. */
export function link(href: string, text: string | number): string {
  return `<a href="${esc(href)}">${esc(text)}</a>`;
}

export type AttrValue = string | number | boolean | null | undefined;

/** ` name="value"` for each attribute with a value; false, null and undefined are left out. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** Space-separated class names of the truthy entries, or undefined when none. */
export function classes(...names: (string | false | null | undefined)[]): string | undefined {
  const list = names.filter(Boolean).join(' ');
  return list || undefined;
}
