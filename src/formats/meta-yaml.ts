/**
 * Metadata the text does not say, as YAML: front matter at the top of a .txt/.md file, or a
 * sidecar NAME.meta.yaml beside any report. Read with the `yaml` library (pure JS, browser-safe),
 * validated with the MetaOverrides schema; every problem names the file and line.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { MetaOverrides, splitFrontMatter, type Meta, type MetaLines } from '../core/meta/front-matter.ts';

export class MetaError extends Error {
  /** Where the metadata came from, e.g. "a.txt 的 front matter" or "2023/a.meta.yaml". */
  readonly source: string;
  readonly line: number | null;
  constructor(source: string, line: number | null, message: string) {
    super(`${source}${line ? ` 第 ${line} 行` : ''}：${message}`);
    this.source = source;
    this.line = line;
  }
}

export interface MetaRead {
  meta: Meta;
  /** Human name of the source, for messages. */
  source: string;
  /** Line of each field, in the file that holds it. */
  lines: MetaLines;
  /** Keys that mean nothing here (typos like "agncy"), with their lines. */
  unknown: { key: string; line: number }[];
}

const KNOWN = new Set(['agency', 'district', 'year', 'publishedOn', 'id', 'sourceUrl']);

/** Reads a YAML mapping of overrides; `firstLine` is the file line of the YAML's first line. */
export function readMetaYaml(yamlText: string, source: string, firstLine: number): MetaRead {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const fileLine = (offset: number) => firstLine + counter.linePos(offset).line - 1;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new MetaError(source, fileLine(e.pos[0]), `YAML 无法解析：${e.message.split('\n')[0]}`);
  }
  const lines: MetaLines = {};
  const unknown: MetaRead['unknown'] = [];
  if (doc.contents !== null && !isMap(doc.contents)) throw new MetaError(source, firstLine, '应为“字段: 值”形式的 YAML 映射');
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? fileLine(pair.key.range[0]) : firstLine;
    if (KNOWN.has(key)) lines[key as keyof Meta] = line;
    else unknown.push({ key, line });
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const known = Object.fromEntries(Object.entries(data).filter(([k]) => KNOWN.has(k)));
  const result = MetaOverrides.safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw new MetaError(source, lines[field as keyof Meta] ?? firstLine, `字段 ${field || '(根)'} 无效：${issue.message}`);
  }
  return { meta: result.data, source, lines, unknown };
}

/** Front matter of a decoded .txt/.md file, or null when it has none. */
export function frontMatterMeta(text: string, file: string): MetaRead | null {
  const fm = splitFrontMatter(text);
  if (fm.yaml === null) return null;
  return readMetaYaml(fm.yaml, `${file} 的 front matter`, 2);
}
