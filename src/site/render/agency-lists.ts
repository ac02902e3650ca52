/**
 * The lists of every body, as HTML: the home page's (each with its count of reports) and the
 * agencies' index (each with a link per report). At 50,000 reports both list about 12,000 bodies
 * (1 and 8 MB of HTML), and the home page is rendered again whenever a figure or a check changes;
 * Astro's templating of those items was most of these pages' time. The same markup joined as
 * strings takes a few milliseconds.
 */
import type { AgencyGroup } from '../archive-model.ts';
import { esc, link } from './html.ts';

/** The addresses of a body's and a report's pages (the base path is the build's setting, which this module does not read). */
export interface ListHrefs {
  agency: (slug: string) => string;
  report: (id: string) => string;
}

const agencyLink = (a: AgencyGroup, hrefs: ListHrefs) => link(hrefs.agency(a.slug), a.name);

/** The home page's items: each body linked, with how many reports it has. */
export function agencyCountsHtml(agencies: readonly AgencyGroup[], hrefs: ListHrefs): string {
  let out = '';
  for (const a of agencies) out += `<li>${agencyLink(a, hrefs)}：${a.reports.length} 份</li>`;
  return out;
}

/** The agencies' index items: each body linked, then a link per report named by its year. */
export function agencyYearsHtml(agencies: readonly AgencyGroup[], hrefs: ListHrefs): string {
  let out = '';
  for (const a of agencies) {
    let years = '';
    for (const s of a.reports) years += `<a href="${esc(hrefs.report(s.id))}" aria-label="${esc(`${a.name} ${s.year ?? ''} 年度报告`)}">${s.year !== null ? esc(s.year) : '年度不详'}</a>`;
    out += `<li> ${agencyLink(a, hrefs)} <span class="years"> ${years} </span> </li>`;
  }
  return out;
}
