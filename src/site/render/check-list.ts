/**
 * The checks of one table, beside it: a pass mark when every identity holds, otherwise each
 * failing identity in words with links to its cells (highlighted in the table); then the
 * archive-wide problems about the table (carry-over between years), on the report page only.
 */
import type { CheckResult } from '../../core/model/report.ts';
import type { ArchiveProblemData } from '../../loader/archive-file.ts';
import { checkAnchor } from '../anchors.ts';
import { problemCells } from '../report-view.ts';
import { cellLinksHtml } from './cell-links.ts';
import { attrs, classes, esc } from './html.ts';

export interface CheckListInput {
  /** Element id of the section; its heading gets `${id}-title`. */
  id: string;
  title: string;
  checks: readonly CheckResult[];
  /** Archive-wide problems about this table (the carry-over check). */
  problems?: readonly ArchiveProblemData[];
  /** Id of the report the page shows (to tell which file of a pair is this one). */
  pageId?: string;
  /** The href of another report's page (the other year of a carry-over problem). */
  reportHref?: (id: string) => string;
}

function failingHtml(c: CheckResult): string {
  const line = c.line !== null ? `<span class="source-line">（原文第 ${c.line} 行）</span>` : '';
  return `<li${attrs({ id: checkAnchor(c.id), class: 'check-fail' })}><p>${esc(c.message)}${line}</p>${cellLinksHtml(c.cells)}</li>`;
}

function problemHtml(p: ArchiveProblemData, i: number, input: CheckListInput): string {
  const pageId = input.pageId ?? '';
  const other = (id: string | null | undefined) =>
    id && id !== pageId && input.reportHref ? `<p><a href="${esc(input.reportHref(id))}">查看对照年度的报告</a></p>` : '';
  return (
    `<li${attrs({ id: `${input.id}-archive-${i + 1}`, class: 'check-fail' })}>` +
    `<p><span class="mark" aria-hidden="true">✗</span> 跨年度校验未通过：${esc(p.message)}</p>` +
    cellLinksHtml(problemCells(p, pageId)) +
    other(p.otherPageId) +
    other(p.pageId) +
    '</li>'
  );
}

export function checkListHtml(input: CheckListInput): string {
  const { id, title, checks, problems = [] } = input;
  const failing = checks.filter((c) => !c.ok);
  const passing = checks.length - failing.length;
  const parts: string[] = [`<h3 id="${esc(`${id}-title`)}">${esc(title)}</h3>`];
  if (checks.length === 0 && problems.length === 0) parts.push('<p class="check-none">没有可校验的数据（相关单元格均为空白）。</p>');
  if (checks.length > 0 && failing.length === 0) parts.push(`<p class="check-pass"><span class="mark" aria-hidden="true">✓</span> 表内 ${checks.length} 项勾稽关系全部通过。</p>`);
  if (failing.length > 0) {
    parts.push(`<p class="check-fail-summary"><span class="mark" aria-hidden="true">✗</span> ${failing.length} 项未通过${passing > 0 ? `，${passing} 项通过` : ''}：</p>`);
    parts.push(`<ul class="check-list">${failing.map(failingHtml).join('')}</ul>`);
  }
  if (problems.length > 0) parts.push(`<ul class="check-list">${problems.map((p, i) => problemHtml(p, i, input)).join('')}</ul>`);
  const cls = classes('checks', (failing.length > 0 || problems.length > 0) && 'checks-failing');
  return `<section${attrs({ class: cls, id, 'aria-labelledby': `${id}-title` })}>${parts.join('')}</section>`;
}
