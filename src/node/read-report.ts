/**
 * The Node edge of the pipeline for one file: read bytes -> digest -> decode -> metadata ->
 * parse (pure core). Everything that touches the file system stays here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, relative, sep } from 'node:path';
import { decodeText, DecodeError } from '../decode/decode-text.ts';
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { Report } from '../core/model/report.ts';
import { parseReport, type ReportFormat } from '../core/parse-report.ts';
import { frontMatterMeta, MetaError, sidecarMeta } from './read-meta.ts';

/** A file that could not be turned into a Report at all; names the file and line. */
export class ReportFileError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** Report file extensions the archive reads; other files in the folder are reported, not dropped. */
export const REPORT_EXTENSIONS: Record<string, ReportFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md' };

export function formatOf(file: string): ReportFormat | null {
  return REPORT_EXTENSIONS[extname(file).toLowerCase()] ?? null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The name a report's source is known by: its path inside the archive folder, else its base name. */
export function sourceName(file: string, root?: string): string {
  if (root) {
    const rel = relative(root, file);
    if (!rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
  }
  return basename(file);
}

export interface ReadOptions {
  root?: string;
  registry?: AgencyRegistry;
}

/** Reads one report file into a Report, given its bytes (already read) or its path. */
export function reportFromBytes(file: string, bytes: Uint8Array, options: ReadOptions = {}): Report {
  const name = sourceName(file, options.root);
  const format = formatOf(file);
  if (!format) throw new ReportFileError(name, null, `不支持的文件类型“${extname(file) || '(无扩展名)'}”：可读取 ${Object.keys(REPORT_EXTENSIONS).join(' ')}`);
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    if (err instanceof DecodeError) throw new ReportFileError(name, null, err.message);
    throw err;
  }
  let meta;
  try {
    meta = format === 'txt' || format === 'md' ? frontMatterMeta(decoded.text) : sidecarMeta(file);
  } catch (err) {
    if (err instanceof MetaError) throw new ReportFileError(name, err.line, err.message);
    throw err;
  }
  return parseReport({
    text: decoded.text,
    file: name,
    sha256: sha256(bytes),
    encoding: decoded.encoding,
    format,
    meta: meta.meta,
    metaSource: meta.source,
    registry: options.registry,
  });
}

export function readReport(file: string, options: ReadOptions = {}): Report {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ReportFileError(sourceName(file, options.root), null, `无法读取文件：${(err as Error).message}`);
  }
  return reportFromBytes(file, bytes, options);
}
