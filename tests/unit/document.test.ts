/** The document around the tables: title, agency, district, year, date, chapters, prose. */
import { describe, expect, it } from 'vitest';
import { agencyAndYearFromTitle, dateOfLine, districtFromAgency, yearFromStatisticsPeriod } from '../../src/core/document/metadata.ts';
import { isRecognised } from '../../src/core/parse-report.ts';
import { balancedCells } from '../helpers/balanced-report.ts';
import { parseText } from '../helpers/parse-text.ts';
import { renderReport } from '../helpers/render-report.ts';

const cells = balancedCells();
const report = renderReport((p) => String(cells.get(p)), 'tab-rows', { statement: `本年度共收到政府信息公开申请${cells.get('requests.newReceived.total')}件。` });
const replaceTitle = (title: string) => report.replace('硚口区测试局2023年度政府信息公开工作年度报告', title);

describe('title', () => {
  it('joins a title broken across lines and removes stray spaces', () => {
    const r = parseText(replaceTitle('硚口区测试局 2023 年度政府\n信息公开工作年度报告'));
    expect(r.title).toBe('硚口区测试局2023年度政府信息公开工作年度报告');
    expect(r.agency).toBe('硚口区测试局');
  });
  it('prefers the titled line naming a year over portal chrome above it', () => {
    const r = parseText(`首页 > 政务公开 > 政府信息公开年度报告\n发布时间：2024-01-10\n${report}`);
    expect(r.title).toBe('硚口区测试局2023年度政府信息公开工作年度报告');
  });
  it('reads full-width digits in the title', () => {
    expect(parseText(replaceTitle('硚口区测试局２０２３年政府信息公开工作年度报告')).year).toBe(2023);
  });
  it.each([
    ['硚口区大数据中心2023年度政府信息公开工作年度报告', '硚口区大数据中心', 2023],
    ['2023年硚口区大数据中心政府信息公开工作年度报告', '硚口区大数据中心', 2023],
    ['硚口区大数据中心（2023年度）政府信息公开工作年度报告', '硚口区大数据中心', 2023],
    ['关于硚口区大数据中心政府信息公开工作年度报告', '硚口区大数据中心', null],
    ['硚口区教育局政府信息公开工作2023年度报告', '硚口区教育局', 2023],
    ['武汉市硚口区民政局政务公开工作2022年报', '武汉市硚口区民政局', 2022],
  ])('%s -> %s, %s', (title, agency, year) => {
    expect(agencyAndYearFromTitle(title)).toEqual({ agency, year });
  });
});

describe('district', () => {
  it.each([
    ['硚口区大数据中心', '硚口区'],
    ['武汉市硚口区企业服务中心', '硚口区'],
    ['湛河区政务服务和大数据管理局', '湛河区'],
    ['浦东新区生态环境局', '浦东新区'],
    ['东湖新技术开发区管理委员会', '东湖新技术开发区'],
    ['宁乡县人民政府办公室', '宁乡县'],
    ['政务服务和大数据管理局', null],
    ['区大数据中心', null],
    ['武汉市人民政府办公厅', null],
    ['光谷生物城园区管理委员会', null],
    // Real districts ending in 城区 / 矿区, and one-character counties (found by the corpus generator).
    ['东城区教育委员会', '东城区'],
    ['杭州市上城区住房和城乡建设局', '上城区'],
    ['老城区文化和旅游局', '老城区'],
    ['石家庄市栾城区医疗保障局', '栾城区'],
    ['井陉矿区应急管理局', '井陉矿区'],
    ['荔湾区乡村振兴局', '荔湾区'],
    ['长春市绿园区退役军人事务局', '绿园区'],
    ['碑林区人民政府办公室', '碑林区'],
    ['太原市万柏林区应急管理局', '万柏林区'],
    ['郏县粮食和物资储备局', '郏县'],
    ['洛阳市嵩县不动产登记中心', '嵩县'],
    ['主城区环境卫生管理处', null],
  ])('%s -> %s', (agency, district) => {
    expect(districtFromAgency(agency)).toBe(district);
  });
});

describe('year and date', () => {
  it('takes the year from the statistics period when the title has none', () => {
    expect(yearFromStatisticsPeriod('所列统计数据时间范围为 2022 年 1 月 1 日至 2022 年 12 月 31 日。')).toBe(2022);
    expect(yearFromStatisticsPeriod('本年报中所列数据的统计期限自2023年1月1日起至2023年12月31日止。')).toBe(2023);
    const r = parseText(replaceTitle('硚口区测试局政府信息公开工作年度报告'));
    expect(r.year).toBe(2023);
    expect(r.id).toMatch(/^2023-/);
  });
  it.each([
    ['2024年1月17日', '2024-01-17'],
    ['    2024年1月17日', '2024-01-17'],
    ['２０２４年１月１７日', '2024-01-17'],
    ['二〇二四年一月十七日', '2024-01-17'],
    ['2023年12月5日', '2023-12-05'],
    ['2024年13月1日', null],
    ['2024年1月17日发布了通知', null],
  ])('%s -> %s', (line, date) => {
    expect(dateOfLine(line)).toBe(date);
  });
  it('reads the publication date of an indented signature block with full-width digits', () => {
    const r = parseText(report.replace('武汉市硚口区测试局\n2024年1月20日', '\u3000\u3000武汉市硚口区测试局\n\u2002\u2002\u2002２０２４年２月３日'));
    expect(r.publishedOn).toBe('2024-02-03');
    expect(r.sections[5]!.markdown).toBe('本年度未收取信息处理费。');
  });
});

describe('chapters', () => {
  it('finds headings with other numbering and Markdown marks', () => {
    const text = report
      .replace('一、总体情况', '## 一、总体情况')
      .replace('二、主动公开政府信息情况', '**二、主动公开政府信息情况**')
      .replace('三、收到和处理政府信息公开申请情况', '三．收到和处理政府信息公开申请情况')
      .replace('五、存在的主要问题及改进情况', '存在的主要问题及改进情况');
    const r = parseText(text);
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });
  it('finds a heading left in a row of empty table cells', () => {
    const r = parseText(report.replace('\n四、政府信息公开行政复议、行政诉讼情况\n', '\n\t四、政府信息公开行政复议、行政诉讼情况\t\t\n'));
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('warns about a missing chapter and keeps the others', () => {
    const r = parseText(report.replace('五、存在的主要问题及改进情况\n', ''));
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 6]);
    expect(r.diagnostics.some((d) => d.level === 'warning' && d.message.includes('存在的主要问题及改进情况'))).toBe(true);
  });
  it('escapes Markdown and HTML in the text so it stays text', () => {
    const r = parseText(report.replace('信息公开的及时性有待提高。', '<script>alert(1)</script> *不是强调* [不是链接](x)'));
    const md = r.sections[4]!.markdown;
    expect(md).toContain('\\<script>');
    expect(md).toContain('\\*不是强调');
    expect(md).toContain('\\[不是链接]');
  });
});

describe('missing tables and unrecognisable files', () => {
  it('a report missing 表四 is an error naming the chapter line', () => {
    const text = report.replace(/行政复议\t[\s\S]*?\n(?=\n五、)/, '');
    const r = parseText(text);
    const err = r.diagnostics.find((d) => d.level === 'error')!;
    expect(err.message).toContain('缺少表四');
    expect(err.line).toBe(text.split('\n').indexOf('四、政府信息公开行政复议、行政诉讼情况') + 1);
    expect(r.appeals.review.total).toBeNull();
    expect(r.checks.some((c) => c.id.startsWith('appeals.'))).toBe(false);
    expect(isRecognised(r)).toBe(true);
  });
  it('text with no chapter and no table is not a report', () => {
    const r = parseText('这是一份会议通知。\n请各单位准时参加。');
    expect(isRecognised(r)).toBe(false);
    expect(r.diagnostics.filter((d) => d.level === 'error').length).toBeGreaterThanOrEqual(3);
    expect(r.id).toMatch(/^file-test-0{8}$/);
  });
});
