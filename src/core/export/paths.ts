/**
 * Where a report's files go in the built site, relative to dist/. Every path is built from the
 * report's id (a validated slug) and fixed names only, never from a file name or text of the
 * report, so nothing a report says can write outside its folder. The original's own name is only
 * offered as a download name, cleaned of path separators, control and bidi characters.
 */
import { isSlug } from '../id/slug.ts';
import type { Report } from '../model/report.ts';

export class UnsafePathError extends Error {}

/** Extension of the published original, by format. A page could run if served as .html: it is not. */
const ORIGINAL_EXTENSION: Record<Report['source']['format'], string> = {
  txt: '.txt',
  md: '.md',
  html: '.html.txt',
  docx: '.docx',
};

export interface ReportPaths {
  /** The report's folder, e.g. "reports/2023-qiaokou-dashuju-zhongxin/". */
  dir: string;
  /** Its page. */
  page: string;
  /** Its normalized JSON. */
  json: string;
  /** The original file, byte for byte, next to the page. */
  original: string;
  /** A safe name to offer when the original is downloaded (the file's own name, cleaned). */
  downloadName: string;
}

/** True for a relative POSIX path whose every segment is an ordinary name. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((seg, i, all) => (seg === '' ? i === all.length - 1 : seg !== '.' && seg !== '..'));
}

/** Characters that reorder, hide or separate: bidi controls, zero-width marks, separators. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

/**
 * A file name that is only a name: NFKC (fullwidth ．／ become . and /, so they are caught),
 * the last path segment, no invisible characters, no reserved characters, no leading dots.
 */
export function safeFileName(name: string, fallback: string): string {
  const normalized = name.normalize('NFKC').replace(INVISIBLE, '');
  const last = normalized.split(/[/\\]/).pop() ?? '';
  let clean = last.replace(RESERVED, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (clean.length > 120) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  if (clean === '' || WINDOWS_DEVICE.test(clean)) return fallback;
  return clean;
}

export function reportPaths(report: Pick<Report, 'id' | 'source'>): ReportPaths {
  if (!isSlug(report.id) || report.id.length > 100) throw new UnsafePathError(`报告编号“${report.id}”不是安全的路径名`);
  const ext = ORIGINAL_EXTENSION[report.source.format];
  if (!ext) throw new UnsafePathError(`未知的文件格式“${report.source.format}”`);
  const dir = `reports/${report.id}/`;
  return {
    dir,
    page: `${dir}index.html`,
    json: `data/reports/${report.id}.json`,
    original: `${dir}${report.id}${ext}`,
    downloadName: safeFileName(report.source.file, `${report.id}${ext}`),
  };
}
