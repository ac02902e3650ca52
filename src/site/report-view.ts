/** Small pure helpers of the report page: which checks go beside which table, what to highlight, dates. */
import type { CheckResult, Report } from '../core/model/report.ts';
import type { ArchiveProblemData } from '../loader/archive-file.ts';

export type TableKey = 'requests' | 'appeals';

/** Checks shown beside 表三 (its identities and the text's figure) or 表四. */
export function checksFor(checks: readonly CheckResult[], table: TableKey): CheckResult[] {
  return checks.filter((c) => (table === 'appeals' ? c.id.startsWith('appeals.') : c.id.startsWith('requests.') || c.id.startsWith('text.')));
}

/**
 * The cells of an archive problem on a given page: the carry-over check names 二、上年结转 of the
 * later report; on the earlier report the same columns of 四、结转下年度继续办理 are involved.
 */
export function problemCells(p: ArchiveProblemData, pageId: string): string[] {
  if (p.pageId === pageId) return p.cells;
  if (p.kind === 'carry-over' && p.otherPageId === pageId) return p.cells.map((c) => c.replace('requests.carriedOver.', 'requests.carriedForward.'));
  return [];
}

/** Paths of every cell to highlight on a report page. */
export function failingPaths(report: Report, problems: readonly ArchiveProblemData[], pageId: string): Set<string> {
  const out = new Set<string>();
  for (const c of report.checks) if (!c.ok) for (const p of c.cells) out.add(p);
  for (const p of problems) for (const c of problemCells(p, pageId)) out.add(c);
  return out;
}

/** "2024-01-17" -> "2024年1月17日". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export const TEMPLATE_NAMES: Record<Report['template'], string> = {
  '2021': '2021 年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年版格式（旧版表格）',
};

/** 1 -> "一" … 6 -> "六" */
export function chapterNumeral(no: number): string {
  return '一二三四五六'[no - 1] ?? String(no);
}

/** "1.2 KB" style sizes, in Chinese units of bytes. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
