import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapFlags, heapLimitMiB } from '../../../src/node/build/heap-limit.ts';

const GiB = 1024 ** 3;
const own = Math.floor(getHeapStatistics().heap_size_limit / (1024 * 1024));

describe('the build processes\' heap limit', () => {
  it('is three quarters of the machine, never below V8\'s own', () => {
    expect(heapLimitMiB(24 * GiB)).toBe(Math.max(own, 18432));
    expect(heapLimitMiB(1 * GiB)).toBe(own);
  });

  it('is left alone when NODE_OPTIONS sets one', () => {
    expect(heapFlags({ NODE_OPTIONS: '--max-old-space-size=2048' })).toEqual([]);
    expect(heapFlags({})).toEqual([`--max-old-space-size=${heapLimitMiB()}`]);
  });
});
