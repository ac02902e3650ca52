/**
 * Metadata the text does not say: YAML front matter of .txt/.md files, or a sidecar
 * NAME.meta.yaml beside .docx/.html files. Returns the overrides and where they came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { MetaOverrides, splitFrontMatter, type Meta } from '../core/meta/front-matter.ts';

export class MetaError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(message);
    this.line = line;
  }
}

function validate(data: unknown, where: string, firstLine: number): Meta {
  const value = data instanceof Date ? data.toISOString().slice(0, 10) : data;
  if (value === null || value === undefined) return {};
  const normalized = typeof value === 'object' ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])) : value;
  const result = MetaOverrides.safeParse(normalized);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new MetaError(`${where}：字段 ${issue.path.join('.') || '(根)'} 无效：${issue.message}`, firstLine);
  }
  return result.data;
}

function parseYaml(text: string, where: string, firstLine: number): unknown {
  try {
    return parse(text);
  } catch (err) {
    const e = err as { message: string; linePos?: { line: number }[] };
    throw new MetaError(`${where} 无法解析：${e.message.split('\n')[0]}`, firstLine + (e.linePos?.[0]?.line ?? 1) - 1);
  }
}

/** Front matter of a decoded text file. */
export function frontMatterMeta(text: string): { meta?: Meta; source?: string } {
  const fm = splitFrontMatter(text);
  if (fm.yaml === null) return {};
  return { meta: validate(parseYaml(fm.yaml, 'front matter', 2), 'front matter', 2), source: 'front matter' };
}

/** Sidecar NAME.meta.yaml for a file (NAME.docx -> NAME.meta.yaml). */
export function sidecarMeta(file: string): { meta?: Meta; source?: string } {
  const sidecar = file.replace(/\.[^./]+$/, '') + '.meta.yaml';
  if (!existsSync(sidecar)) return {};
  const name = sidecar.split('/').pop()!;
  return { meta: validate(parseYaml(readFileSync(sidecar, 'utf8'), name, 1), name, 1), source: name };
}
