/** What went wrong reading a file: errors and warnings, each with its line in the source. */
import type { DiagnosticEntry } from '../../core/model/report.ts';
import { esc } from './html.ts';

export function diagnosticsHtml(diagnostics: readonly DiagnosticEntry[]): string {
  const item = (d: DiagnosticEntry) =>
    `<li class="diag-${d.level}"><strong>${d.level === 'error' ? '错误' : '警告'}</strong>${d.line !== null ? `<span class="source-line">（原文第 ${d.line} 行）</span>` : ''}：${esc(d.message)}</li>`;
  return `<section id="diagnostics" class="diagnostics" aria-labelledby="diagnostics-title"><h2 id="diagnostics-title">读取问题</h2><ul>${diagnostics.map(item).join('')}</ul></section>`;
}
