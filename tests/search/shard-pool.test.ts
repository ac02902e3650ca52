/** Shards built on worker threads are the same files as shards built in this thread. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildShard } from '../../src/search/build/build-shard.ts';
import { ShardPool } from '../../src/search/build/shard-pool.ts';
import type { SearchRecord } from '../../src/search/records.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-shard-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number): SearchRecord => {
  const text = `第${i}份报告：大数据中心开展政务公开工作，行政许可 ${i}件。\n某局2023年度报告\n某局`;
  return { id: `r${i}`, url: `reports/r${i}/`, title: '某局2023年度报告', agency: '某局', district: null, year: 2023, text, headerOffset: text.indexOf('某局2023') };
};
const shards = [0, 1, 2].map((s) => Array.from({ length: 20 }, (_, i) => record(s * 20 + i)));
const options = { window: 4, block: 40, chunkSize: 200 };

/** Every file of a folder with its bytes. */
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p).toString('base64'));
    }
  };
  walk(root);
  return out;
}

describe('ShardPool', () => {
  it('builds on two workers exactly what buildShard writes in this thread', async () => {
    const pool = new ShardPool(2);
    try {
      const timings = await Promise.all(shards.map((records, i) => pool.build({ records, dir: join(dir, `pool-${i}`), options })));
      for (const t of timings) expect(t.words + t.blocks + t.index).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    shards.forEach((records, i) => {
      buildShard(records, join(dir, `here-${i}`), options);
      const here = files(join(dir, `here-${i}`));
      expect(here.size).toBeGreaterThan(20);
      expect(files(join(dir, `pool-${i}`))).toEqual(here);
    });
  });

  it('reports a shard that fails with its message, and goes on with the next', async () => {
    const pool = new ShardPool(2);
    try {
      const broken = [{ ...record(99), text: undefined as unknown as string }];
      await expect(pool.build({ records: broken, dir: join(dir, 'broken'), options })).rejects.toThrow(/undefined/);
      await expect(pool.build({ records: shards[0]!, dir: join(dir, 'after'), options })).resolves.toMatchObject({ words: expect.any(Number) });
    } finally {
      await pool.close();
    }
  });
});
