/**
 * Label wording seen in real reports: 结转下一年度继续办理, 现行有效件数（历史累计）, numbering
 * with or without the chapter numbers, tables with or without 表二/表三 captions, and the 2019
 * template with its printed explanations in brackets after the labels (as Wuhan's bodies print it).
 */
import { describe, expect, it } from 'vitest';
import { tabRows, cellPerLine } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';
import { figureDiff, parseBytes } from '../../helpers/parse.ts';

const figures = (r: { proactive: unknown; requests: unknown; appeals: unknown }) => ({ proactive: r.proactive, requests: r.requests, appeals: r.appeals });

function variant(text: string, edits: [string | RegExp, string][]): string {
  let out = text;
  for (const [from, to] of edits) out = out.replace(from instanceof RegExp ? from : new RegExp(from.replace(/[.*+?^${}()|[\]\\（）]/g, '\\$&'), 'g'), to);
  if (out === text) throw new Error('the fixture edits changed nothing');
  return out;
}

describe('label variants of the 2021 template', () => {
  const f = fixtureReport('2021');

  it.each([
    ['结转下一年度继续办理 and 现行有效件数（历史累计）', [['四、结转下年度继续办理', '四、结转下一年度继续办理'], ['现行有效件数', '现行有效件数（历史累计）']]],
    ['no numbering on chapters or table labels', [[/^(\t?)[一二三四五六]、/gm, '$1'], [/（[一二三四五六七]）/g, ''], [/(^|\t)\d\./gm, '$1']]],
    ['numbering of the chapter before the row numbering', [['（一）予以公开', '三、（一）予以公开'], ['（七）总计', '三、（七）总计']]],
    ['tables with captions', [['第二十条第（一）项', '表二：主动公开政府信息情况\n第二十条第（一）项'], ['（本列数据', '表三 收到和处理政府信息公开申请情况\n（本列数据'], [/^(\t?)行政复议(?=\t|$)/m, '$1表四 政府信息公开行政复议、行政诉讼情况\n$1行政复议']]],
    ['arabic chapter numbers', [[/^一、总体情况/m, '1. 总体情况'], [/^二、主动公开/m, '2. 主动公开'], [/^三、收到/m, '3. 收到'], [/^四、政府信息公开行政复议/m, '4. 政府信息公开行政复议'], [/^五、/m, '5. '], [/^六、/m, '6. ']]],
  ] as [string, [string | RegExp, string][]][])('%s', async (_name, edits) => {
    for (const render of [tabRows, cellPerLine]) {
      const { report } = await parseBytes('v.txt', variant(render(f), edits));
      expect(figureDiff(f.expected, figures(report))).toEqual([]);
      expect(report.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    }
  });
});

describe('2019 template as printed with explanations in brackets', () => {
  const f = fixtureReport('2019');
  const edits: [string | RegExp, string][] = [
    [/规章\t31/, '规章（设区的市、自治州人民政府应提供相关数据）\t31'],
    [/规范性文件\t41/, '规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规范”“规程”“规则”等字样的公文，一般情况下属于规范性文件）\t41\t42\t43\n其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件）\t186\t86\t255\nX'],
    [/X\t42\t43/, ''],
    [/其他对外管理服务事项\t/, '其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、行政奖励、行政裁决、行政给付和其他类，以及公共服务事项）\t'],
    [/上一年项目数量/g, '上一年项目数量（指2018年事项数）'],
    [/本年增\/减/g, '本年增/减（指2019年增加或减少的事项数，减用负值表示，如-8）'],
  ];

  it('reads every figure of its own rows and leaves the local extra row out', async () => {
    const { report } = await parseBytes('v.txt', variant(tabRows(f), edits));
    expect(report.template).toBe('2019');
    expect(figureDiff(f.expected, figures(report))).toEqual([]);
    expect(report.diagnostics).toEqual([]);
  });
});
