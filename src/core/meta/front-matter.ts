/**
 * YAML front matter at the top of a .txt/.md report (between "---" lines). The core only finds
 * it; the YAML itself is read at the edge (yaml library), so the parser stays small.
 */
import * as z from 'zod/mini';

export interface FrontMatterSplit {
  /** The YAML text, or null when the file has no front matter. */
  yaml: string | null;
  /** Number of lines the front matter occupies (0 when none), so body lines keep their numbers. */
  lines: number;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const body = text.replace(/^\ufeff/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(body);
  if (!m) return { yaml: null, lines: 0 };
  return { yaml: m[1]!, lines: m[0].split(/\r\n|\r|\n/).length - (m[0].endsWith('\n') ? 1 : 0) };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The fields front matter or a sidecar NAME.meta.yaml may set. */
export const MetaOverrides = z.object({
  agency: z.optional(z.string().check(z.trim(), z.minLength(1))),
  district: z.optional(z.string().check(z.trim(), z.minLength(1))),
  year: z.optional(z.number().check(z.int(), z.minimum(1990), z.maximum(2100))),
  publishedOn: z.optional(z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, '应为 YYYY-MM-DD 日期'))),
  /** Becomes a URL path segment and a file name: lowercase ASCII words joined by hyphens only. */
  id: z.optional(z.string().check(z.maxLength(80), z.regex(SLUG, '只能由小写字母、数字和单个连字符组成'))),
  /** Rendered as a link: only http(s), never javascript: or data: URLs. */
  sourceUrl: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s<>"]+$/i, '应为 http:// 或 https:// 网址'))),
});
export type Meta = z.infer<typeof MetaOverrides>;

/** The line of each metadata field in the file that holds it. */
export type MetaLines = Partial<Record<keyof Meta, number>>;
