/**
 * The quality page's items as strings (src/site/render/quality-items.ts): the markup the Astro
 * template wrote, compared byte for byte before and after on the quality page of a 50,000-report
 * archive (3,000 items) and of the sample archive, here for each part of an item, escaped.
 * Attribute values are escaped as text is (Astro left < > ' as they were there; both read the same).
 */
import { describe, expect, it } from 'vitest';
import type { QualityItem } from '../../../../src/site/quality.ts';
import { qualityItemsHtml } from '../../../../src/site/render/quality-items.ts';

/** Under a portal folder: every link goes through it. */
const href = (path: string) => `/xxgk/${path}`;

const item = (over: Partial<QualityItem>): QualityItem => ({ subject: '甲局报告', subjectPath: 'reports/2023-jia/', message: '表三不平衡', line: null, cells: [], related: [], ...over });

describe('qualityItemsHtml', () => {
  it('links a report, gives its source line, and lists the cells of each row with a link per column', () => {
    const cells = [
      { label: '表三 一、本年新收', links: [{ label: '自然人', path: 'reports/2023-jia/#cell-a' }, { label: '总计', path: 'reports/2023-jia/#cell-b' }] },
      { label: '表三 四、结转', links: [{ label: '总计', path: 'reports/2023-jia/#cell-c' }] },
    ];
    const html = qualityItemsHtml([item({ line: 73, subjectPath: 'reports/2023-jia/#check-requests-balance-total', cells })], href);
    expect(html).toBe(
      '<li> <a href="/xxgk/reports/2023-jia/#check-requests-balance-total">甲局报告</a> <span class="source-line">（原文第 73 行）</span>：表三不平衡 ' +
        '<span class="check-cells"><br>表三 一、本年新收：<a href="/xxgk/reports/2023-jia/#cell-a">自然人</a>、<a href="/xxgk/reports/2023-jia/#cell-b">总计</a></span>' +
        '<span class="check-cells"><br>表三 四、结转：<a href="/xxgk/reports/2023-jia/#cell-c">总计</a></span>  </li>',
    );
  });

  it('names a file without a page in bold, with no line, and links the other pages involved', () => {
    const html = qualityItemsHtml(
      [
        item({ subject: '2023/乙 & 丙.doc', subjectPath: null, message: '与 <另一文件> 重复', related: [{ label: '2023/丁.txt', path: 'reports/2023-ding/' }] }),
        item({ subject: "戊'局", message: '"未注明"年度' }),
      ],
      href,
    );
    expect(html).toBe(
      '<li> <strong>2023/乙 &amp; 丙.doc</strong> ：与 &lt;另一文件&gt; 重复  <br><a href="/xxgk/reports/2023-ding/">2023/丁.txt</a> </li>' +
        '<li> <a href="/xxgk/reports/2023-jia/">戊&#39;局</a> ：&quot;未注明&quot;年度   </li>',
    );
    expect(qualityItemsHtml([], href)).toBe('');
  });
});
