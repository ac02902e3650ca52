/**
 * The items of a quality page's group (src/pages/quality/index.astro) as HTML. At 50,000 reports
 * the page lists about 3,000 problems with a link per cell involved (6 MB of HTML), and it is
 * rendered again whenever a check starts or stops failing; Astro's templating of those items
 * was most of that page's time. The same markup joined as strings takes a few milliseconds.
 */
import type { QualityItem, QualityLink } from '../quality.ts';
import { esc, link } from './html.ts';

/**
 * One `<li>` per item: its report or file (linked when it has a page), the source line, the
 * message, the cells and the other pages involved. `href`: a site path's address (the base path
 * is the build's setting, which this module, run in the browser too, does not read).
 */
export function qualityItemsHtml(items: readonly QualityItem[], href: (path: string) => string): string {
  const linkTo = (l: QualityLink) => link(href(l.path), l.label);
  let out = '';
  for (const item of items) {
    const subject = item.subjectPath ? link(href(item.subjectPath), item.subject) : `<strong>${esc(item.subject)}</strong>`;
    const line = item.line !== null ? `<span class="source-line">（原文第 ${esc(item.line)} 行）</span>` : '';
    let cells = '';
    for (const row of item.cells) cells += `<span class="check-cells"><br>${esc(row.label)}：${row.links.map(linkTo).join('、')}</span>`;
    let related = '';
    for (const l of item.related) related += `<br>${linkTo(l)}`;
    out += `<li> ${subject} ${line}：${esc(item.message)} ${cells} ${related} </li>`;
  }
  return out;
}
