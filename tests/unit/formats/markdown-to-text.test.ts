import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../src/formats/markdown-to-text.ts';
import { parseBytes } from '../../helpers/parse.ts';

describe('markdownToText', () => {
  it('keeps one output line per source line, front matter untouched', () => {
    const md = ['---', 'agency: 测试局', '---', '# **测试局2023年**政府信息公开工作年度报告', '', '## 一、总体情况', '正文*强调*与`代码`，\\*星号\\*。', '第二行[链接](https://x.y)![图](a.png)'].join('\n');
    expect(markdownToText(md).split('\n')).toEqual(['---', 'agency: 测试局', '---', '测试局2023年政府信息公开工作年度报告', '', '一、总体情况', '正文强调与代码，*星号*。', '第二行链接']);
  });

  it('turns a GFM table into pipe rows of its cells, bold figures and <br> included', () => {
    const md = ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| :-- | --: | --- | --- |', '| **规章** | **3** | 0 |  |', '| 行政<br>规范性文件 | 1 | 2\\|3 | 4 |'].join('\n');
    expect(markdownToText(md).split('\n')).toEqual([
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| --- | --- | --- | --- |',
      '| 规章 | 3 | 0 |  |',
      '| 行政规范性文件 | 1 | 2｜3 | 4 |',
    ]);
  });

  it('keeps paragraphs indented by spaces (code to CommonMark) and ordered list numbers as text', () => {
    const md = ['一、总体情况', '', '    2023年，我局收到申请0件。', '', '1. 属于国家秘密', '2. 其他法律行政法规禁止公开'].join('\n');
    expect(markdownToText(md).split('\n')).toEqual(['一、总体情况', '', '2023年，我局收到申请0件。', '', '1. 属于国家秘密', '2. 其他法律行政法规禁止公开']);
  });

  it('reads a report whose title and chapters carry emphasis and heading marks', async () => {
    const md = [
      '# 测试局**2023年**政府信息公开工作年度报告',
      '## **一、总体情况**',
      '本年度共收到政府信息公开申请*3*件。',
      '**二、主动公开政府信息情况**',
      '__三、收到和处理政府信息公开申请情况__',
      '### 四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '===',
      '*六、其他需要报告的事项*',
      '无。',
    ].join('\n');
    const { report } = await parseBytes('r.md', md);
    expect(report.title).toBe('测试局2023年政府信息公开工作年度报告');
    expect(report.agency).toBe('测试局');
    expect(report.sections.map((s) => [s.no, s.title])).toEqual([
      [1, '总体情况'],
      [2, '主动公开政府信息情况'],
      [3, '收到和处理政府信息公开申请情况'],
      [4, '政府信息公开行政复议、行政诉讼情况'],
      [5, '存在的主要问题及改进情况'],
      [6, '其他需要报告的事项'],
    ]);
    expect(report.sections[0]!.markdown).toBe('本年度共收到政府信息公开申请3件。');
  });
});
