import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildFlags, heapFlags, heapLimitMiB, INITIAL_OLD_SPACE_MIB } from '../../../src/node/build/heap-limit.ts';

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

describe('the build process\'s own flags', () => {
  it('add a first old-generation limit to the heap limit, also when NODE_OPTIONS sets the limit', () => {
    expect(buildFlags({})).toEqual([`--max-old-space-size=${heapLimitMiB()}`, `--initial-old-space-size=${INITIAL_OLD_SPACE_MIB}`]);
    expect(buildFlags({ NODE_OPTIONS: '--max-old-space-size=2048' })).toEqual([`--initial-old-space-size=${INITIAL_OLD_SPACE_MIB}`]);
  });

  it('are flags this Node takes on its command line', () => {
    const run = spawnSync(process.execPath, [...buildFlags({}), '-p', 'require("node:v8").getHeapStatistics().heap_size_limit > 0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true');
  });
});
