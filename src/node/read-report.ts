/**
 * The Node edge of the pipeline for one file: read bytes and sidecar -> digest -> the
 * platform-neutral reader (../formats/report-file.ts: decode, convert, metadata, parse).
 * Everything that touches the file system stays here.
 */
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { Report } from '../core/model/report.ts';
import { ReportFileError } from '../formats/report-file-error.ts';
import { parseFile, type ParsedFile } from '../formats/report-file.ts';
import { readSidecar } from './read-meta.ts';
import { readFileBytes, sourceName } from './report-bytes.ts';
import { sha256 } from './sha256.ts';

export { formatOf, REPORT_EXTENSIONS, ReportFileError } from '../formats/report-file.ts';

export interface ReadOptions {
  root?: string;
  registry?: AgencyRegistry;
}

/** Reads one report file, given its bytes (already read): the Report and the text it was read from. */
export async function parseBytes(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ParsedFile> {
  const name = sourceName(file, options.root);
  const side = readSidecar(file);
  const sideName = side ? sourceName(side.path, options.root) : '';
  if (side?.text === null) throw new ReportFileError(name, null, `元数据文件 ${sideName} 不是普通文件（是文件夹，或是指向文件夹或不存在之处的链接），无法读取；请改为 YAML 文件或删除它`);
  const sidecar = side ? { name: sideName, text: side.text } : undefined;
  return parseFile({
    name,
    bytes,
    sha256: sha256(bytes),
    sidecar,
    registry: options.registry,
  });
}

export async function reportFromBytes(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<Report> {
  return (await parseBytes(file, bytes, options)).report;
}

export async function readReport(file: string, options: ReadOptions = {}): Promise<Report> {
  return reportFromBytes(file, readFileBytes(file, options.root), options);
}
