/** Links to table cells, grouped by row: "表三 二、上年结转…（自然人、商业企业、总计）". */
import { cellsByRow } from '../../core/tables/cell-label.ts';
import { cellAnchor } from '../anchors.ts';
import { esc, link } from './html.ts';

/**
 * @param page the page the cells are on (a site href ending in "/"), or "" for this page
 * @param lead words before the rows, e.g. "涉及"
 */
export function cellLinksHtml(paths: readonly string[], page = '', lead = '涉及'): string {
  const rows = cellsByRow(paths);
  if (rows.length === 0) return '';
  const row = (r: (typeof rows)[number]) =>
    `${esc(r.table)} ${esc(r.row)}（${r.cells.map((c) => link(`${page}#${cellAnchor(c.path)}`, c.column)).join('、')}）`;
  return `<p class="check-cells">${esc(lead)}：${rows.map(row).join('；')}</p>`;
}
