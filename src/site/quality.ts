/**
 * The quality page's content: every report with a failing check or a diagnostic, and every file
 * that is not a report, grouped by kind, each item linking to the page and the cells involved.
 */
import type { Report } from '../core/model/report.ts';
import { cellsByRow } from '../core/tables/cell-label.ts';
import type { ArchiveFileEntry, ArchiveProblemData } from '../loader/archive-file.ts';
import { problemCells } from './report-view.ts';
import { checkAnchor, routes } from './urls.ts';

export interface QualityLink {
  label: string;
  /** Site path (no base). */
  path: string;
}

/** Cells of one table row: "表三 二、上年结转…" with a link per column. */
export interface QualityCellRow {
  label: string;
  links: QualityLink[];
}

export interface QualityItem {
  /** The report or file concerned. */
  subject: string;
  subjectPath: string | null;
  message: string;
  line: number | null;
  cells: QualityCellRow[];
  /** Other pages involved (the other file of a duplicate pair). */
  related: QualityLink[];
}

export interface QualityGroup {
  kind: string;
  title: string;
  level: 'error' | 'warning';
  items: QualityItem[];
}

const CHECK_KINDS: { kind: string; test: (id: string) => boolean; title: string }[] = [
  { kind: 'requests.balance', test: (id) => id.startsWith('requests.balance.'), title: '表三：一、本年新收 + 二、上年结转 不等于 三（七）总计 + 四、结转下年度继续办理' },
  { kind: 'requests.rowTotal', test: (id) => id.startsWith('requests.rowTotal.'), title: '表三：某一行的“总计”不等于各类申请人之和' },
  { kind: 'requests.handledTotal', test: (id) => id.startsWith('requests.handledTotal.'), title: '表三：三（七）总计 不等于各项办理结果之和' },
  { kind: 'appeals', test: (id) => id.startsWith('appeals.'), title: '表四：总计不等于 结果维持 + 结果纠正 + 其他结果 + 尚未审结' },
  { kind: 'text', test: (id) => id.startsWith('text.'), title: '正文所述的申请数量与表三“一、本年新收”不一致' },
];

/** What the quality page needs of a report (a whole Report, or its listing's failing checks). */
export type QualityReport = Pick<Report, 'title' | 'diagnostics' | 'checks'> & { source: Pick<Report['source'], 'file'> };

export interface QualityInput {
  reports: { id: string; report: QualityReport }[];
  files: ArchiveFileEntry[];
  problems: ArchiveProblemData[];
}

const cellLinks = (pageId: string, cells: readonly string[], prefix = ''): QualityCellRow[] =>
  cellsByRow(cells).map((r) => ({ label: `${prefix}${r.table} ${r.row}`, links: r.cells.map((c) => ({ label: c.column, path: routes.cell(pageId, c.path) })) }));

export function qualityGroups(input: QualityInput): QualityGroup[] {
  const groups: QualityGroup[] = [];
  const add = (kind: string, title: string, level: QualityGroup['level'], items: QualityItem[]) => {
    if (items.length) groups.push({ kind, title, level, items });
  };
  const name = (r: QualityReport) => r.title || r.source.file;

  add('unreadable', '无法读取的文件', 'error', input.files.filter((f) => f.pageId === null).map((f) => ({ subject: f.file, subjectPath: null, message: f.error.message, line: f.error.line, cells: [], related: [] })));
  add(
    'unrecognised',
    '未能识别为年度报告的文件',
    'error',
    input.files.filter((f) => f.pageId !== null).map((f) => ({ subject: f.file, subjectPath: routes.report(f.pageId!), message: f.error.message, line: f.error.line, cells: [], related: [] })),
  );
  const pair = (p: ArchiveProblemData): QualityItem => ({
    subject: p.file,
    subjectPath: p.pageId ? routes.report(p.pageId) : null,
    message: p.message,
    line: null,
    cells: [],
    related: p.otherPageId ? [{ label: `另一份：${p.other}`, path: routes.report(p.otherPageId) }] : [],
  });
  add('duplicate', '编号重复或同一机关同一年度有多份报告', 'error', input.problems.filter((p) => p.kind !== 'carry-over').map(pair));
  add(
    'error',
    '读取错误',
    'error',
    input.reports.flatMap(({ id, report }) =>
      report.diagnostics.filter((d) => d.level === 'error').map((d) => ({ subject: name(report), subjectPath: `${routes.report(id)}#diagnostics`, message: d.message, line: d.line, cells: [], related: [] })),
    ),
  );
  for (const k of CHECK_KINDS) {
    add(
      `check-${k.kind}`,
      k.title,
      'error',
      input.reports.flatMap(({ id, report }) =>
        report.checks
          .filter((c) => !c.ok && k.test(c.id))
          .map((c) => ({ subject: name(report), subjectPath: `${routes.report(id)}#${checkAnchor(c.id)}`, message: c.message, line: c.line, cells: cellLinks(id, c.cells), related: [] })),
      ),
    );
  }
  add(
    'carry-over',
    '跨年度：本年“二、上年结转”不等于上一年度报告的“四、结转下年度继续办理”',
    'warning',
    input.problems
      .filter((p) => p.kind === 'carry-over')
      .map((p) => ({
        subject: p.file,
        subjectPath: p.pageId ? routes.report(p.pageId) : null,
        message: p.message,
        line: null,
        cells: [
          ...(p.pageId ? cellLinks(p.pageId, problemCells(p, p.pageId)) : []),
          ...(p.otherPageId ? cellLinks(p.otherPageId, problemCells(p, p.otherPageId), '上一年度报告 ') : []),
        ],
        related: [],
      })),
  );
  add(
    'warning',
    '读取警告',
    'warning',
    input.reports.flatMap(({ id, report }) =>
      report.diagnostics.filter((d) => d.level === 'warning').map((d) => ({ subject: name(report), subjectPath: `${routes.report(id)}#diagnostics`, message: d.message, line: d.line, cells: [], related: [] })),
    ),
  );
  return groups;
}
