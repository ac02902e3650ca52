import { describe, expect, it } from 'vitest';
import { medianQuery } from '../../bench/search/first-query.ts';
import type { QueryMeasure } from '../../bench/search/measure-query.ts';

const run = (ms: number, wireBytes: number): QueryMeasure => ({ query: '行政许可', mode: 'typed', results: 5, ms, wireBytes, bodyBytes: wireBytes * 2, requests: 12, byKind: { index: wireBytes } });

describe('medianQuery', () => {
  it('reports the run in the middle by time, with its own bytes, and the range of times', () => {
    expect(medianQuery([run(300.4, 30), run(90.2, 10), run(120.6, 20)])).toEqual({
      query: '行政许可',
      mode: 'typed',
      results: 5,
      ms: 121,
      msRange: [90, 300],
      bytesSent: 20,
      bytesFiles: 40,
      requests: 12,
      byKind: { index: 20 },
    });
  });

  it('takes the later of the two middle runs for an even count', () => {
    expect(medianQuery([run(40, 4), run(10, 1), run(30, 3), run(20, 2)]).bytesSent).toBe(3);
  });

  it('refuses no runs', () => {
    expect(() => medianQuery([])).toThrow('no runs');
  });
});
