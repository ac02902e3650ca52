/**
 * The lists of every body as strings (src/site/render/agency-lists.ts): the markup the Astro
 * templates of the home page and the agencies' index wrote, compared byte for byte before and
 * after on both pages of a 50,000-report archive (12,000 bodies) and of the sample archive.
 * Attribute values are escaped as text is (Astro left < > ' as they were there; both read the same).
 */
import { describe, expect, it } from 'vitest';
import type { AgencyGroup, ReportSummary } from '../../../../src/site/archive-model.ts';
import { agencyCountsHtml, agencyYearsHtml } from '../../../../src/site/render/agency-lists.ts';

/** Under a portal folder: every link goes through these. */
const hrefs = { agency: (slug: string) => `/xxgk/agencies/${slug}/`, report: (id: string) => `/xxgk/reports/${id}/` };

const report = (id: string, year: number | null) => ({ id, year }) as ReportSummary;
const agencies: AgencyGroup[] = [
  { slug: 'jia', name: '甲<局>', district: '乙区', reports: [report('2022-jia', 2022), report('2023-jia', 2023)] },
  { slug: 'bing', name: "丙'中心", district: null, reports: [report('bing-x', null)] },
];

describe('agency lists', () => {
  it('writes the home page items: each body linked, with its count of reports', () => {
    expect(agencyCountsHtml(agencies, hrefs)).toBe('<li><a href="/xxgk/agencies/jia/">甲&lt;局&gt;</a>：2 份</li><li><a href="/xxgk/agencies/bing/">丙&#39;中心</a>：1 份</li>');
  });

  it('writes the index items: each body linked, then a link per report named by its year (年度不详 without one)', () => {
    expect(agencyYearsHtml(agencies, hrefs)).toBe(
      '<li> <a href="/xxgk/agencies/jia/">甲&lt;局&gt;</a> <span class="years"> ' +
        '<a href="/xxgk/reports/2022-jia/" aria-label="甲&lt;局&gt; 2022 年度报告">2022</a><a href="/xxgk/reports/2023-jia/" aria-label="甲&lt;局&gt; 2023 年度报告">2023</a> </span> </li>' +
        '<li> <a href="/xxgk/agencies/bing/">丙&#39;中心</a> <span class="years"> <a href="/xxgk/reports/bing-x/" aria-label="丙&#39;中心  年度报告">年度不详</a> </span> </li>',
    );
    expect(agencyYearsHtml([], hrefs)).toBe('');
  });
});
