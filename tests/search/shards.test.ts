/** Splitting the archive into shards. */
import { describe, expect, it } from 'vitest';
import { planShards } from '../../src/search/shards.ts';

const reports = (year: number | null, n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => ({ id: `${year ?? 'x'}-${prefix}${i}`, year }));

describe('planShards', () => {
  it('makes one shard per year, newest first, unknown years last', () => {
    const shards = planShards([...reports(2022, 3), ...reports(null, 1), ...reports(2023, 2)], 10);
    expect(shards.map((s) => [s.id, s.year, s.records.length])).toEqual([
      ['2023', 2023, 2],
      ['2022', 2022, 3],
      ['unknown', null, 1],
    ]);
  });

  it('splits a large year into parts of at most about maxPages', () => {
    const shards = planShards(reports(2023, 100), 30);
    expect(shards.map((s) => s.id)).toEqual(['2023-1', '2023-2', '2023-3', '2023-4']);
    expect(shards.reduce((n, s) => n + s.records.length, 0)).toBe(100);
    for (const s of shards) expect(s.records.length).toBeGreaterThan(10);
  });

  it('keeps the other parts unchanged when a report is added to a split year', () => {
    const before = planShards(reports(2023, 100), 30);
    const after = planShards([...reports(2023, 100), { id: '2023-added', year: 2023 }], 30);
    const changed = before.filter((s, i) => JSON.stringify(s.records) !== JSON.stringify(after[i]!.records));
    expect(changed).toHaveLength(1);
    expect(after.find((s) => s.id === changed[0]!.id)!.records.map((r) => r.id)).toContain('2023-added');
  });
});
