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

/** The fields front matter or a sidecar NAME.meta.yaml may set. */
export const MetaOverrides = z.object({
  agency: z.optional(z.string()),
  district: z.optional(z.string()),
  year: z.optional(z.number().check(z.int())),
  publishedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  id: z.optional(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/))),
  sourceUrl: z.optional(z.string()),
});
export type Meta = z.infer<typeof MetaOverrides>;
