/**
 * gzip in segments cut by content: an ordinary gzip file, the same bytes whether written afresh or
 * copied in part from an earlier file, and cuts that fall where they fell before an edit.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipSegments, gzipSegmentsAsync, segmentEnds } from '../../src/search/build/segmented-gzip.ts';

let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
/** Bytes like an index chunk's: runs of small numbers (position differences) between recurring headers. */
function indexLike(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = i % 97 < 4 ? 0x83 + (i % 97) : Math.floor(rand() * rand() * 60);
  return out;
}
const insert = (b: Buffer, at: number, bytes: number[]) => Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at)]);
const replace = (b: Buffer, at: number, bytes: number[]) => Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at + bytes.length)]);

describe('gzipSegments', () => {
  it.each([0, 1, 8191, 8192, 8193, 65536, 65537, 300_000])('writes a gzip file of %i bytes that gunzip reads back', async (n) => {
    const raw = indexLike(n);
    const file = gzipSegments(raw, 4);
    expect(gunzipSync(file.bytes).equals(raw)).toBe(true);
    expect(file.reused).toBe(0);
    expect(file.ends).toHaveLength(segmentEnds(raw).length);
    expect(file.ends.at(-1) ?? 10).toBe(file.bytes.length - 10);
    // On libuv's threads: the same bytes.
    const async = await gzipSegmentsAsync(raw, 4);
    expect(async.bytes.equals(file.bytes)).toBe(true);
    expect(async.ends).toEqual(file.ends);
  });

  it('cuts segments of 8 to 64 KB, by content: after an edit the cuts fall where they fell before', () => {
    const raw = indexLike(400_000);
    const ends = segmentEnds(raw);
    expect(ends.length).toBeGreaterThan(400_000 / 65536);
    expect(ends.at(-1)).toBe(raw.length);
    ends.forEach((end, i) => {
      const size = end - (i ? ends[i - 1]! : 0);
      if (i < ends.length - 1) expect(size).toBeGreaterThanOrEqual(8192);
      expect(size).toBeLessThanOrEqual(65536);
    });
    // Two bytes inserted at 200,000: every cut some way past it is the old one moved by two.
    const after = segmentEnds(insert(raw, 200_000, [1, 2]));
    const moved = ends.filter((e) => e > 200_000 + 65536).map((e) => e + 2);
    expect(moved.length).toBeGreaterThan(2);
    for (const e of moved) expect(after).toContain(e);
    expect(after.filter((e) => e < 200_000)).toEqual(ends.filter((e) => e < 200_000));
  });

  it('is no larger than one deflate stream of the whole, within 1 %', () => {
    const raw = indexLike(400_000);
    expect(gzipSegments(raw, 4).bytes.length).toBeLessThan(gzipSync(raw, { level: 4 }).length * 1.01);
  });

  /** Each edit, and the bytes it changes in the edited buffer ([from, to) each). */
  const edits: [string, (b: Buffer) => Buffer, [number, number][]][] = [
    ['two bytes inserted in the middle', (b) => insert(b, 150_000, [7, 9]), [[150_000, 150_002]]],
    ['a byte changed in the middle', (b) => replace(b, 150_001, [61]), [[150_001, 150_002]]],
    ['three bytes removed in the middle', (b) => Buffer.concat([b.subarray(0, 150_000), b.subarray(150_003)]), [[150_000, 150_001]]],
    ['a byte changed near the start', (b) => replace(b, 5, [62]), [[5, 6]]],
    ['bytes added at the end', (b) => Buffer.concat([b, Buffer.from([1, 2, 3])]), [[300_000, 300_003]]],
    ['two places changed', (b) => replace(replace(b, 40_000, [63]), 250_000, [63]), [[40_000, 40_001], [250_000, 250_001]]],
    ['three places changed, bytes inserted at each', (b) => insert(insert(insert(b, 220_000, [5]), 120_000, [5]), 20_000, [5]), [[20_000, 20_001], [120_001, 120_002], [220_002, 220_003]]],
  ];
  it.each(edits)('writes, after %s, what compressing afresh writes, copying the segments away from the edits', (_name, edit, changed) => {
    const raw = indexLike(300_000);
    const earlier = gzipSegments(raw, 4);
    const edited = edit(raw);
    const fresh = gzipSegments(edited, 4);
    const copying = gzipSegments(edited, 4, { raw, file: earlier.bytes, ends: earlier.ends });
    expect(copying.bytes.equals(fresh.bytes)).toBe(true);
    expect(copying.ends).toEqual(fresh.ends);
    expect(gunzipSync(copying.bytes).equals(edited)).toBe(true);
    // Compressed again: the segments holding changed bytes or having them in the 32 KB before
    // them (a segment's dictionary), and at most one more after each edit, where the cuts come back in step.
    const cuts = segmentEnds(edited);
    const touched = cuts.filter((end, i) => {
      const start = i ? cuts[i - 1]! : 0;
      return changed.some(([from, to]) => Math.max(0, start - 32768) < to && end > from);
    }).length;
    const compressed = fresh.ends.length - copying.reused;
    expect(touched).toBeGreaterThanOrEqual(changed.length);
    expect(compressed).toBeGreaterThanOrEqual(touched);
    expect(compressed).toBeLessThanOrEqual(touched + changed.length);
    expect(copying.reused).toBeGreaterThan(fresh.ends.length / 3);
  });

  it('copies every segment of the same bytes, and none from a file whose segments are not these', () => {
    const raw = indexLike(200_000);
    const earlier = gzipSegments(raw, 4);
    expect(gzipSegments(raw, 4, { raw, file: earlier.bytes, ends: earlier.ends }).reused).toBe(earlier.ends.length);
    // A whole gzip of the same bytes: its ends do not describe it, so nothing is taken from it.
    const whole = gzipSync(raw, { level: 4 });
    const edited = replace(raw, 100_000, [1]);
    const fromWhole = gzipSegments(edited, 4, { raw, file: whole, ends: earlier.ends });
    expect(fromWhole.reused).toBe(0);
    expect(fromWhole.bytes.equals(gzipSegments(edited, 4).bytes)).toBe(true);
  });
});
