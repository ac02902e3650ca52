/**
 * The key-figures table's rows as strings (src/site/render/figures-rows.ts): the same markup the
 * Astro template wrote (a year's and an agency's pages, and the years' index, compared byte for
 * byte before and after with the sample archive), escaped, empty cells announced as 空白.
 */
import { describe, expect, it } from 'vitest';
import type { KeyFigures } from '../../../../src/core/summary/key-figures.ts';
import { figureCellsHtml, figureRowsHtml } from '../../../../src/site/render/figures-rows.ts';

const figures: KeyFigures = { received: 12, granted: 3, partlyGranted: null, denied: 0, unable: -3, reviews: 1.5, litigation: 0 };
const cells =
  '<td class="num">12</td><td class="num">3</td><td class="num empty"><span aria-hidden="true">—</span><span class="sr-only">空白</span></td>' +
  '<td class="num">0</td><td class="num">\u22123</td><td class="num">1.5</td><td class="num">0</td>';

describe('figureRowsHtml', () => {
  it('writes a cell per key figure in their order, an empty one as a dash read as 空白', () => {
    expect(figureCellsHtml(figures)).toBe(cells);
  });

  it('writes a row per report: its label linked, its note below, everything escaped', () => {
    const html = figureRowsHtml([
      { label: '湛河区<数据>局 & 中心', href: '/reports/2023-a"b/', note: "湛河区'", figures },
      { label: '合计', figures },
    ]);
    expect(html).toBe(
      `<tr> <th scope="row"><a href="/reports/2023-a&quot;b/">湛河区&lt;数据&gt;局 &amp; 中心</a><br><span class="aside">湛河区&#39;</span></th> ${cells} </tr>` +
        `<tr> <th scope="row">合计</th> ${cells} </tr>`,
    );
    expect(figureRowsHtml([])).toBe('');
  });
});
