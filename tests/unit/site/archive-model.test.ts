import { describe, expect, it } from 'vitest';
import { compareNames, groupByAgency, groupByDistrict, groupByYear, newestReports, sortReports, summarize, type ReportSummary } from '../../../src/site/archive-model.ts';
import { briefOf } from '../../../src/core/summary/report-brief.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

const figures = (received: number | null, denied: number | null = 0) => ({ received, granted: 0, partlyGranted: 0, denied, unable: 0, reviews: 0, litigation: 0 });
function s(id: string, agency: string, year: number | null, received: number | null, extra: Partial<ReportSummary> = {}): ReportSummary {
  return { id, title: `${agency}${year}年度报告`, agency, canonicalAgency: agency, agencySlug: id.replace(/^\d+-/, ''), district: '硚口区', year, publishedOn: null, template: '2021', figures: figures(received), failingChecks: 0, errors: 0, warnings: 0, ...extra };
}

const list = [
  s('2023-zhanhe', '湛河区政务服务和大数据管理局', 2023, 5, { district: '湛河区', publishedOn: '2024-01-20' }),
  s('2022-qiaokou', '硚口区大数据中心', 2022, null, { publishedOn: '2023-01-31' }),
  s('2023-qiaokou', '硚口区大数据中心', 2023, 42, { publishedOn: '2024-01-17' }),
  s('2023-aoti', '奥体中心', 2023, 42),
  s('2021-qiaokou', '硚口区大数据中心', 2021, 0),
];

describe('summarize', () => {
  it('keeps what the listings show, with key figures and problem counts', () => {
    const { report } = distinctReport('2021');
    const sum = summarize(briefOf(report));
    expect(sum).toMatchObject({ id: report.id, year: 2023, template: '2021', failingChecks: 0, errors: 0 });
    expect(sum.figures.received).toBe(report.requests.newReceived.total);
  });
});

describe('sorting', () => {
  it('orders names by pinyin (奥 before 硚 before 湛)', () => {
    expect(['湛河区', '硚口区', '奥体中心'].sort(compareNames)).toEqual(['奥体中心', '硚口区', '湛河区']);
  });

  it('by agency, then id', () => {
    expect(sortReports(list, 'agency').map((r) => r.id)).toEqual(['2023-aoti', '2021-qiaokou', '2022-qiaokou', '2023-qiaokou', '2023-zhanhe']);
  });

  it('by a figure, largest first, empty figures last, ties by agency', () => {
    expect(sortReports(list, 'received').map((r) => r.id)).toEqual(['2023-aoti', '2023-qiaokou', '2023-zhanhe', '2021-qiaokou', '2022-qiaokou']);
  });

  it('does not change the list it is given', () => {
    const before = list.map((r) => r.id);
    sortReports(list, 'received');
    expect(list.map((r) => r.id)).toEqual(before);
  });
});

describe('grouping', () => {
  it('by agency: each body once with its reports oldest first, bodies in pinyin order', () => {
    const groups = groupByAgency(list);
    expect(groups.map((g) => [g.name, g.reports.map((r) => r.year)])).toEqual([
      ['奥体中心', [2023]],
      ['硚口区大数据中心', [2021, 2022, 2023]],
      ['湛河区政务服务和大数据管理局', [2023]],
    ]);
    expect(groupByDistrict(groups).map((d) => [d.district, d.agencies.length])).toEqual([
      ['硚口区', 2],
      ['湛河区', 1],
    ]);
  });

  it('by year: newest year first, reports without a year left out', () => {
    const years = groupByYear([...list, s('file-x', '某局', null, 1)]);
    expect(years.map((y) => [y.year, y.reports.map((r) => r.id)])).toEqual([
      [2023, ['2023-aoti', '2023-qiaokou', '2023-zhanhe']],
      [2022, ['2022-qiaokou']],
      [2021, ['2021-qiaokou']],
    ]);
  });

  it('newest publications first; undated ones after', () => {
    expect(newestReports(list, 3).map((r) => r.id)).toEqual(['2023-zhanhe', '2023-qiaokou', '2022-qiaokou']);
  });
});
