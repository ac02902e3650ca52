/**
 * The browser edge of the pipeline for one dropped, chosen or pasted file: bytes -> SHA-256
 * (crypto.subtle) -> the platform-neutral reader (src/formats/report-file.ts), the same call the
 * command line makes. Returns the Report, or the problem in words.
 */
import { isRecognised } from '../../core/parse-report.ts';
import type { AgencyRegistry } from '../../core/model/registry.ts';
import type { Report } from '../../core/model/report.ts';
import { reportFromFile, ReportFileError } from '../../formats/report-file.ts';
import { loadPinyin, PinyinNotLoaded } from './lazy-pinyin.ts';

export type Outcome = { ok: true; report: Report } | { ok: false; problem: string };

/** Name given to pasted text: a plain-text report. */
export const PASTED_NAME = 'pasted-text.txt';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A reader loaded on demand (Word, HTML, Markdown, pinyin-pro) could not be fetched: offline.
 * Browsers say so in their own words; all of them name a dynamically imported module.
 */
function chunkFailed(err: unknown): boolean {
  return err instanceof TypeError && /dynamically imported module|module script failed|Importing a module/i.test(err.message);
}

export async function readDropped(name: string, bytes: Uint8Array, registry: AgencyRegistry | undefined): Promise<Outcome> {
  const sha256 = await sha256Hex(bytes);
  const parse = () => reportFromFile({ name, bytes, sha256, registry });
  let report: Report;
  try {
    try {
      report = await parse();
    } catch (err) {
      // An agency slug the page has no spelling for: load pinyin-pro and parse again.
      if (!(err instanceof PinyinNotLoaded)) throw err;
      await loadPinyin();
      report = await parse();
    }
  } catch (err) {
    if (err instanceof ReportFileError) return { ok: false, problem: `无法读取文件“${name}”：${err.reason}` };
    if (chunkFailed(err)) return { ok: false, problem: `无法读取文件“${name}”：读取这种文件所需的程序没有下载（网络不通？）；请联网后重试` };
    return { ok: false, problem: `读取文件“${name}”时出错：${(err as Error).message ?? String(err)}` };
  }
  // The command line refuses such a file with the same words.
  if (!isRecognised(report)) return { ok: false, problem: `“${name}”中没有可识别的年度报告：既没有找到六个章节的标题，也没有找到表二、表三、表四` };
  return { ok: true, report };
}
