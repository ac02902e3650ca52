/**
 * One report file, as bytes, -> its Report: format by extension, decode (text formats), convert
 * (.md/.html/.docx to the text the core reads), metadata (front matter, sidecar), parse.
 * Platform-neutral: the CLI and the archive (src/node) and the browser validator all call this,
 * so the same file gives the same JSON everywhere. The caller supplies the SHA-256 and the
 * sidecar's text, which it reads in its own way.
 */
import { decodeText, DecodeError } from '../decode/decode-text.ts';
import { splitFrontMatter, type Meta, type MetaLines } from '../core/meta/front-matter.ts';
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { DiagnosticEntry, Report } from '../core/model/report.ts';
import { parseReport, type ReportFormat, type ReportInput } from '../core/parse-report.ts';
import type { MetaRead } from './meta-yaml.ts';
import { ReportFileError } from './report-file-error.ts';

// The readers of HTML (parse5), Markdown (micromark) and YAML metadata are loaded when a file
// needs them: in the browser, a plain .txt report then downloads none of them (see src/check/).
const htmlReader = () => import('./html-to-text.ts');
const markdownReader = () => import('./markdown-to-text.ts');
const metaReader = () => import('./meta-yaml.ts');

export { ReportFileError };

/** Report file extensions the archive reads; other files in the folder are reported, not dropped. */
export const REPORT_EXTENSIONS: Readonly<Record<string, ReportFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

/** What to do with the formats portals also hold but the archive cannot read. */
const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  '.doc': '这是旧版 Word 格式，请在 Word 或 WPS 中另存为 .docx',
  '.wps': '这是 WPS 格式，请另存为 .docx',
  '.pdf': '请先把 PDF 转为文本（.txt）或 Word（.docx）',
  '.xls': '表格文件不是年度报告全文',
  '.xlsx': '表格文件不是年度报告全文',
};

export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function formatOf(name: string): ReportFormat | null {
  return REPORT_EXTENSIONS[extensionOf(name)] ?? null;
}

export interface ReportFile {
  /** The file's name as received, relative to the archive folder ("2023/a.docx"). */
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, hex (the caller has a hasher: node:crypto or crypto.subtle). */
  sha256: string;
  /** The sidecar NAME.meta.yaml beside the file, when there is one. */
  sidecar?: { name: string; text: string };
  registry?: AgencyRegistry;
}

export interface ParsedFile {
  report: Report;
  /** The text the parser read (decoded, converted), for pages that show the source. */
  text: string;
}

function decode(name: string, bytes: Uint8Array) {
  try {
    return decodeText(bytes);
  } catch (err) {
    if (err instanceof DecodeError) throw new ReportFileError(name, null, err.message);
    throw err;
  }
}

async function readMeta<T>(name: string, read: (yaml: Awaited<ReturnType<typeof metaReader>>) => T): Promise<T> {
  const yaml = await metaReader();
  try {
    return read(yaml);
  } catch (err) {
    // A sidecar's line is a line of the sidecar, not of the report: the message says which file.
    if (err instanceof yaml.MetaError) throw new ReportFileError(name, err.source.endsWith('front matter') ? err.line : null, err.message);
    throw err;
  }
}

/** Front matter and sidecar together: front matter wins, and a disagreement between them is an error. */
function mergeMeta(name: string, front: MetaRead | null, side: MetaRead | null): { input: Partial<ReportInput>; notes: DiagnosticEntry[] } {
  const notes: DiagnosticEntry[] = [];
  // Lines inside the report file only (front matter); a sidecar's lines are named in messages.
  const fileLine = (m: MetaRead, line: number | undefined) => (m === front ? (line ?? null) : null);
  const where = (m: MetaRead, line: number | undefined) => `${m.source}${line ? ` 第 ${line} 行` : ''}`;
  for (const m of [front, side]) {
    for (const u of m?.unknown ?? []) {
      notes.push({ level: 'warning', message: `${where(m!, u.line)}的字段“${u.key}”无法识别，已忽略（可用：agency、district、year、publishedOn、id、sourceUrl）`, line: fileLine(m!, u.line) });
    }
  }
  if (!front && !side) return { input: {}, notes };
  const meta = { ...side?.meta, ...front?.meta };
  const metaSources: Partial<Record<keyof Meta, string>> = {};
  const metaLines: MetaLines = {};
  for (const key of Object.keys(meta) as (keyof Meta)[]) {
    const from = front && front.meta[key] !== undefined ? front : side!;
    metaSources[key] = where(from, from.lines[key]);
    const line = fileLine(from, from.lines[key]);
    if (line !== null) metaLines[key] = line;
    const other = from === front ? side : null;
    if (other && other.meta[key] !== undefined && other.meta[key] !== meta[key]) {
      notes.push({ level: 'error', message: `${where(from, from.lines[key])}的 ${key}“${meta[key]}”与 ${where(other, other.lines[key])}的“${other.meta[key]}”不一致，采用前者`, line });
    }
  }
  return { input: { meta, metaSources, metaLines }, notes };
}

export async function parseFile(file: ReportFile): Promise<ParsedFile> {
  const { name, bytes } = file;
  const format = formatOf(name);
  const ext = extensionOf(name);
  if (!format) {
    const hint = UNSUPPORTED_HINTS[ext];
    throw new ReportFileError(name, null, `不支持的文件类型“${ext || '(无扩展名)'}”${hint ? `：${hint}` : ''}；可读取 ${Object.keys(REPORT_EXTENSIONS).join(' ')}`);
  }
  const side = file.sidecar ? await readMeta(name, (m) => m.readMetaYaml(file.sidecar!.text, file.sidecar!.name, 1)) : null;

  let text: string;
  let encoding: string;
  let layout: string | undefined;
  let lineMap: number[] | undefined;
  let front: MetaRead | null = null;
  if (format === 'docx') {
    // Loaded on demand: mammoth is large, and a browser page needs it only for a dropped .docx.
    const { docxToHtml, DocxError } = await import('./docx-to-html.ts');
    let html: string;
    try {
      html = (await docxToHtml(bytes)).html;
    } catch (err) {
      if (err instanceof DocxError) throw new ReportFileError(name, null, err.message);
      throw err;
    }
    text = (await htmlReader()).htmlToText(html).text;
    // WordprocessingML parts are UTF-8 XML; line numbers count the paragraphs and table rows.
    encoding = 'utf-8';
    layout = 'docx-table';
  } else {
    const decoded = decode(name, bytes);
    encoding = decoded.encoding;
    if (format === 'html') {
      const converted = (await htmlReader()).htmlToText(decoded.text);
      text = converted.text;
      lineMap = converted.lineMap;
      layout = 'html-table';
    } else {
      if (splitFrontMatter(decoded.text).yaml !== null) front = await readMeta(name, (m) => m.frontMatterMeta(decoded.text, name));
      text = format === 'md' ? (await markdownReader()).markdownToText(decoded.text) : decoded.text;
    }
  }
  const merged = mergeMeta(name, front, side);
  const report = parseReport({
    text,
    file: name,
    sha256: file.sha256,
    encoding,
    format,
    layout,
    lineMap,
    registry: file.registry,
    notes: merged.notes,
    ...merged.input,
  });
  return { report, text };
}

export async function reportFromFile(file: ReportFile): Promise<Report> {
  return (await parseFile(file)).report;
}
