/**
 * What the validator page shows for one parsed report, as HTML: the facts the parser found, a
 * summary line, 表二/表三/表四 exactly as the report page renders them (same grids, same markup,
 * failing cells marked) with the checks beside 表三 and 表四, the diagnostics with their source
 * lines, and the Report as JSON. Pure (no DOM), so it is the same in the browser and in tests.
 */
import type { Report } from '../core/model/report.ts';
import { checkListHtml } from '../site/render/check-list.ts';
import { diagnosticsHtml } from '../site/render/diagnostics.ts';
import { esc } from '../site/render/html.ts';
import { officialTableHtml } from '../site/render/official-table.ts';
import { checksFor, failingPaths, formatDate, TEMPLATE_NAMES } from '../site/report-view.ts';
import { appealsGrid, proactiveGrid, requestsGrid } from '../site/tables/table-grid.ts';

export interface ResultCounts {
  failingChecks: number;
  errors: number;
  warnings: number;
}

export function resultCounts(report: Report): ResultCounts {
  return {
    failingChecks: report.checks.filter((c) => !c.ok).length,
    errors: report.diagnostics.filter((d) => d.level === 'error').length,
    warnings: report.diagnostics.filter((d) => d.level === 'warning').length,
  };
}

/** "3 项校验未通过" / "全部校验通过", then the reading problems when there are any. */
export function summaryLine(report: Report): string {
  const n = resultCounts(report);
  const checks = n.failingChecks > 0 ? `${n.failingChecks} 项校验未通过` : '全部校验通过';
  const problems = [n.errors ? `${n.errors} 个错误` : '', n.warnings ? `${n.warnings} 个警告` : ''].filter(Boolean).join('、');
  return problems ? `${checks}；读取时发现 ${problems}` : checks;
}

/** The Report as the command line prints it (`npm run --silent parse -- FILE`), without the final newline. */
export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2);
}

const fact = (term: string, value: string) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;

function factsHtml(r: Report, fileName: string): string {
  const agency = r.canonicalAgency ? esc(r.canonicalAgency) : '（未找到）';
  const alias = r.agency && r.agency !== r.canonicalAgency ? `<span class="aside">（标题作“${esc(r.agency)}”）</span>` : '';
  return `<dl class="facts">${[
    fact('标题', r.title ? esc(r.title) : '（未找到）'),
    fact('发布机关', agency + alias),
    fact('所属区县', r.district ? esc(r.district) : '未注明'),
    fact('报告年度', r.year !== null ? `${r.year} 年` : '不详'),
    fact('发布日期', r.publishedOn ? `<time datetime="${esc(r.publishedOn)}">${esc(formatDate(r.publishedOn))}</time>` : '未注明'),
    fact('表格样式', esc(TEMPLATE_NAMES[r.template])),
    fact('报告编号', `<code>${esc(r.id)}</code>`),
    fact('文件', `${esc(fileName)}（${esc(r.source.format.toUpperCase())}，${esc(r.source.encoding)}）`),
    fact('SHA-256', `<code class="hash">${esc(r.source.sha256)}</code>`),
  ].join('')}</dl>`;
}

export function resultHtml(r: Report, fileName: string): string {
  const n = resultCounts(r);
  const opts = { failing: failingPaths(r, [], r.id) };
  const status = n.errors ? 'status-error' : n.failingChecks ? 'status-fail' : 'status-pass';
  const section = (id: string, title: string, body: string) => `<section id="${id}" class="check-section" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`;
  return [
    `<h2 id="check-result-title" tabindex="-1">校验结果：${esc(fileName)}</h2>`,
    `<p id="check-summary" class="check-summary ${status}">${esc(summaryLine(r))}</p>`,
    factsHtml(r, fileName),
    section('check-proactive', '表二', officialTableHtml(proactiveGrid(r, opts))),
    section(
      'check-requests',
      '表三',
      officialTableHtml(requestsGrid(r, opts)) + checkListHtml({ id: 'checks-requests', title: '表三 校验', checks: checksFor(r.checks, 'requests') }),
    ),
    section('check-appeals', '表四', officialTableHtml(appealsGrid(r, opts)) + checkListHtml({ id: 'checks-appeals', title: '表四 校验', checks: checksFor(r.checks, 'appeals') })),
    r.diagnostics.length > 0 ? diagnosticsHtml(r.diagnostics) : '<section id="diagnostics" class="diagnostics" aria-labelledby="diagnostics-title"><h2 id="diagnostics-title">读取问题</h2><p>没有读取问题。</p></section>',
    '<details id="report-json-section" class="report-json">',
    '<summary>解析结果（JSON，与命令行 <code>npm run parse</code> 的输出相同）</summary>',
    '<p class="json-actions"><button type="button" data-action="copy-json">复制 JSON</button> <button type="button" data-action="download-json">下载 JSON</button></p>',
    `<pre id="report-json" tabindex="0">${esc(reportJson(r))}</pre>`,
    '</details>',
  ].join('');
}
