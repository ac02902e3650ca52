/**
 * Raw words (index entries kept as bytes) split around page ranges and written again: what a
 * merge that takes an earlier merge's words and the changed shards' new pages relies on.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShard } from '../../src/search/build/build-shard.ts';
import { CborWriter } from '../../src/search/build/cbor-bytes.ts';
import { encodeRawWord, rawWordOutside, readChunk, readMeta, readRawChunk, writeChunk, type RawWord } from '../../src/search/build/pagefind-format.ts';
import { WINDOW } from '../../src/search/tokenize.ts';

let dir: string;
/** Every word of a shard of 12 reports, several on every page. */
let raws: RawWord[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-format-'));
  const records = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, url: `reports/r${i}/`, title: `标题${i}`, agency: '某机构', district: null, year: 2023, text: '甲乙丙丁，乙丙丁甲。丙丁'.repeat(1 + (i % 3)) + '戊'.repeat(i % 2), headerOffset: 10 }));
  buildShard(records, join(dir, 'shard'), { window: WINDOW, block: 400, chunkSize: 50_000 });
  raws = readMeta(join(dir, 'shard')).chunks.flatMap((c) => readRawChunk(join(dir, 'shard'), c.hash));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The words as written from raw parts and read back whole. */
function roundTrip(words: { word: string; parts: { raw: RawWord; pageOffset: number }[] }[], name: string) {
  const w = new CborWriter();
  for (const { word, parts } of words) encodeRawWord(w, word, parts);
  const out = join(dir, name);
  mkdirSync(join(out, 'index'), { recursive: true });
  const hash = writeChunk(out, words.length, w.bytes(), 1);
  return readChunk(out, hash);
}

describe('rawWordOutside', () => {
  // Words with 戊 are on odd pages only: [2, 3) and [4, 5), [6, 7) are gaps they have no page in.
  const gaps: [number, number][][] = [[[3, 5]], [[0, 1]], [[11, 12]], [[2, 4], [7, 10]], [[0, 12]], [[20, 30]], [[2, 3]], [[4, 5], [6, 7]]];
  it.each(gaps.map((g) => [JSON.stringify(g), g] as const))('keeps every page outside %s with its positions, in runs between the gaps', (name, gap) => {
    const whole = roundTrip(raws.map((raw) => ({ word: raw.word, parts: [{ raw, pageOffset: 0 }] })), `whole-${name}`);
    const inGap = (p: number) => gap.some(([a, b]) => p >= a && p < b);
    const kept = raws.flatMap((raw) => {
      const runs = rawWordOutside(raw, gap);
      for (const run of runs) {
        expect(run.word).toBe(raw.word);
        expect(run.first).toBeLessThanOrEqual(run.last);
        // A run never spans a gap, even one the word has no page in: other pages may go there.
        for (const [a] of gap) expect(run.first < a && run.last >= a, `${raw.word} ${run.first}–${run.last}`).toBe(false);
      }
      return runs.length ? [{ word: raw.word, parts: runs.map((r) => ({ raw: r, pageOffset: 0 })) }] : [];
    });
    const want = whole.flatMap((w) => {
      const pages = w.pages.filter(([p]) => !inGap(p));
      return pages.length ? [{ word: w.word, pages }] : [];
    });
    expect(roundTrip(kept, `kept-${name}`)).toEqual(want);
    // Sizes (one per page and one per position) as the runs count them.
    const sizes = new Map(kept.map((k) => [k.word, k.parts.reduce((n, p) => n + p.raw.size, 0)]));
    expect(sizes).toEqual(new Map(want.map((w) => [w.word, w.pages.reduce((n, [, locs]) => n + 1 + locs.length, 0)])));
    expect(want.length).toBeLessThanOrEqual(whole.length);
  });

  it('splits a word into runs that, with other pages put in the gap, write the word as it was', () => {
    const gap: [number, number][] = [[4, 6]];
    const wide = raws.filter((r) => r.first < 4 && r.last >= 6);
    expect(wide.length).toBeGreaterThan(3);
    const whole = roundTrip(wide.map((raw) => ({ word: raw.word, parts: [{ raw, pageOffset: 0 }] })), 'wide-whole');
    // The gap's pages come back from the same shard split the other way round.
    const inside = (raw: RawWord) => rawWordOutside(raw, [[0, 4], [6, 12]]);
    const spliced = wide.map((raw) => ({ word: raw.word, parts: [...rawWordOutside(raw, gap), ...inside(raw)].map((r) => ({ raw: r, pageOffset: 0 })).sort((a, b) => a.raw.first - b.raw.first) }));
    expect(spliced.some((s) => s.parts.length === 3)).toBe(true);
    expect(roundTrip(spliced, 'wide-spliced')).toEqual(whole);
  });
});
