import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { cellInfo } from '../../../src/core/tables/cell-label.ts';
import { figureSource, keyFigures, totalFigures } from '../../../src/core/summary/key-figures.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

const r = distinctReport('2021').report;

describe('keyFigures', () => {
  it('reads single cells and sums the rows that make up a figure', () => {
    const q = r.requests;
    const denied = Object.values(q.denied).reduce((s, row) => s + row.total!, 0);
    const unable = Object.values(q.unableToProvide).reduce((s, row) => s + row.total!, 0);
    expect(keyFigures(r)).toEqual({
      received: q.newReceived.total,
      granted: q.granted.total,
      partlyGranted: q.partlyGranted.total,
      denied,
      unable,
      reviews: 28010,
      litigation: 28050 + 28090,
    });
    // Independently: the denied rows are outcomes 3..10, row k column j = k*100+j, total = k*600+21.
    expect(denied).toBe([3, 4, 5, 6, 7, 8, 9, 10].reduce((s, k) => s + k * 600 + 21, 0));
  });

  it('is null when every cell of a figure is empty, and counts filled cells when some are', () => {
    const blank: Report = structuredClone(r);
    blank.appeals.review.total = null;
    for (const row of Object.values(blank.requests.unableToProvide)) row.total = null;
    blank.appeals.litigationDirect.total = null;
    const k = keyFigures(blank);
    expect(k.reviews).toBeNull();
    expect(k.unable).toBeNull();
    expect(k.litigation).toBe(28090);
  });

  it('totals several reports, leaving a figure null only when all are', () => {
    const a = { received: 1, granted: null, partlyGranted: 2, denied: null, unable: 0, reviews: null, litigation: 5 };
    const b = { received: 10, granted: 3, partlyGranted: null, denied: null, unable: 0, reviews: null, litigation: 0 };
    expect(totalFigures([a, b])).toEqual({ received: 11, granted: 3, partlyGranted: 2, denied: null, unable: 0, reviews: null, litigation: 5 });
    expect(totalFigures([]).received).toBeNull();
  });

  it('says where each figure comes from in the tables\' words', () => {
    expect(figureSource('received', cellInfo)).toBe('表三“一、本年新收政府信息公开申请数量”（总计）');
    expect(figureSource('denied', cellInfo)).toBe('表三“（三）不予公开”各项之和（总计）');
  });
});
