/**
 * The bench moves the last build aside instead of deleting it before a measured build, and
 * deletes what it set aside at its end (bench/lib/aside.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAside, roomToSetAside, setAside } from '../../bench/lib/aside.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-aside-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('setAside, emptyAside', () => {
  it('moves a folder whole into the aside folder, twice under two names, and deletes them at the end', () => {
    const aside = join(tmp, 'aside');
    const dist = join(tmp, 'dist');
    mkdirSync(join(dist, 'reports'), { recursive: true });
    writeFileSync(join(dist, 'reports', 'a.html'), 'first');
    setAside(dist, aside);
    expect(existsSync(dist)).toBe(false);
    mkdirSync(dist);
    writeFileSync(join(dist, 'b.html'), 'second');
    setAside(dist, aside);
    const moved = readdirSync(aside).sort();
    expect(moved).toHaveLength(2);
    expect(moved.every((name) => name.endsWith('-dist'))).toBe(true);
    expect(moved.map((name) => (existsSync(join(aside, name, 'b.html')) ? readFileSync(join(aside, name, 'b.html'), 'utf8') : readFileSync(join(aside, name, 'reports', 'a.html'), 'utf8'))).sort()).toEqual(['first', 'second']);
    // Nothing there: nothing moved, no error.
    setAside(join(tmp, 'missing'), aside);
    expect(readdirSync(aside)).toHaveLength(2);
    emptyAside(aside);
    expect(existsSync(aside)).toBe(false);
  });
});

describe('roomToSetAside', () => {
  const GiB = 2 ** 30;
  it('keeps the last build aside when twice a build of that size and 4 GiB more are free, else it is deleted', () => {
    // 1,000 reports: 0.6 GB and 4 GiB.
    expect(roomToSetAside(5 * GiB, 1000)).toBe(true);
    expect(roomToSetAside(4 * GiB, 1000)).toBe(false);
    // 50,000 reports: 30 GB and 4 GiB, more than the 26–29 GB this machine has free beside a 50,000-report build.
    expect(roomToSetAside(41 * GiB, 50_000)).toBe(true);
    expect(roomToSetAside(29 * GiB, 50_000)).toBe(false);
  });
});
