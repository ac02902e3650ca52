/**
 * Joins written side by side (src/node/build/join-file.ts): parts of several downloads that lie
 * next to each other in one file are read at once, and every join comes out byte for byte as
 * when it is written on its own, whatever the parts' sizes against the write buffers (1 MiB).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sideBySide, writeJoinFiles } from '../../../src/node/build/join-file.ts';
import type { JoinRecipe } from '../../../src/site/data/join-recipe.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-join-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1 << 20;
const pattern = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7919 + seed * 13 + (i >> 9)) % 251));

describe('sideBySide', () => {
  const at = (offset: number, length: number, file = 'a') => ({ file, offset, length });
  it('gives the order of parts that follow each other without a gap, in either order', () => {
    expect(sideBySide([at(10, 5), at(15, 3)])).toEqual([0, 1]);
    expect(sideBySide([at(15, 3), at(10, 5)])).toEqual([1, 0]);
    expect(sideBySide([at(20, 0), at(10, 10), at(20, 4)])).toEqual([1, 0, 2]);
  });
  it('gives null for a gap, an overlap, another file, or a single part', () => {
    expect(sideBySide([at(10, 5), at(16, 3)])).toBeNull();
    expect(sideBySide([at(10, 5), at(14, 3)])).toBeNull();
    expect(sideBySide([at(10, 5), at(15, 3, 'b')])).toBeNull();
    expect(sideBySide([at(10, 5)])).toBeNull();
  });
});

describe('writeJoinFiles', () => {
  const store = join(dir, 'store.bin');
  const other = join(dir, 'other.bin');
  const bytes = pattern(6 * MB, 1);
  const otherBytes = pattern(MB, 2);
  writeFileSync(store, bytes);
  writeFileSync(other, otherBytes);

  // As a report store lays out each report: its CSV row, then its JSON. Sizes around the buffer's.
  const sizes: [number, number][] = [[3, 40], [0, 7], [900, 300_000], [10, MB - 5], [MB + 3, 2], [700, 400_000], [5, 1_200_000], [1, 1]];
  const csvParts: { file: string; offset: number; length: number }[] = [];
  const jsonParts: { file: string; offset: number; length: number }[] = [];
  let offset = 17;
  for (const [csv, json] of sizes) {
    csvParts.push({ file: store, offset, length: csv });
    jsonParts.push({ file: store, offset: offset + csv, length: json });
    offset += csv + json + 11; // a listing after each
  }
  // One report's parts not side by side (a gap), one in another file.
  csvParts.push({ file: store, offset: 100, length: 50 });
  jsonParts.push({ file: store, offset: 200, length: 60 });
  csvParts.push({ file: other, offset: 0, length: 30 });
  jsonParts.push({ file: store, offset: 30, length: 20 });
  const json: JoinRecipe = { out: 'data/reports.json', head: '[', separator: ',', tail: ']', parts: jsonParts };
  const csv: JoinRecipe = { out: 'data/reports.csv', head: 'a,b\n', separator: '', tail: '', parts: csvParts };
  const expected = (recipe: JoinRecipe) =>
    Buffer.concat([
      Buffer.from(recipe.head),
      ...recipe.parts.flatMap((p, k) => [Buffer.from(k ? recipe.separator : ''), (p.file === other ? otherBytes : bytes).subarray(p.offset, p.offset + p.length)]),
      Buffer.from(recipe.tail),
    ]);

  it('writes downloads side by side byte for byte as each on its own', async () => {
    expect(offset).toBeLessThan(bytes.length);
    await writeJoinFiles([
      { recipe: json, path: join(dir, 'together.json') },
      { recipe: csv, path: join(dir, 'together.csv') },
    ]);
    await writeJoinFiles([{ recipe: json, path: join(dir, 'alone.json') }]);
    await writeJoinFiles([{ recipe: csv, path: join(dir, 'alone.csv') }]);
    for (const [recipe, name] of [[json, 'json'], [csv, 'csv']] as const) {
      const want = expected(recipe);
      expect(readFileSync(join(dir, `together.${name}`)).equals(want), name).toBe(true);
      expect(readFileSync(join(dir, `alone.${name}`)).equals(want), name).toBe(true);
    }
  });

  it('pads each part of a slotted join with spaces and a newline to the next multiple of its slot, side by side or alone', async () => {
    const slotted: JoinRecipe = { ...json, slot: 4096 };
    // Computed here, not with the code under test: each part then its padding (at least one byte).
    const want = Buffer.concat([
      Buffer.from('['),
      ...jsonParts.flatMap((p, k) => {
        const slot = (Math.floor(p.length / 4096) + 1) * 4096;
        const pad = Buffer.from(`${' '.repeat(slot - p.length - 1)}\n`);
        return [Buffer.from(k ? ',' : ''), (p.file === other ? otherBytes : bytes).subarray(p.offset, p.offset + p.length), pad];
      }),
      Buffer.from(']'),
    ]);
    // At least a byte of padding a part.
    expect(want.length).toBeGreaterThan(expected(json).length + jsonParts.length);
    await writeJoinFiles([
      { recipe: slotted, path: join(dir, 'slotted-together.json') },
      { recipe: csv, path: join(dir, 'slotted-together.csv') },
    ]);
    await writeJoinFiles([{ recipe: slotted, path: join(dir, 'slotted-alone.json') }]);
    expect(readFileSync(join(dir, 'slotted-together.json')).equals(want)).toBe(true);
    expect(readFileSync(join(dir, 'slotted-alone.json')).equals(want)).toBe(true);
    expect(readFileSync(join(dir, 'slotted-together.csv')).equals(expected(csv))).toBe(true);
  });

  it('writes downloads with different numbers of parts one after another', async () => {
    const fewer = { ...csv, parts: csvParts.slice(2) };
    await writeJoinFiles([
      { recipe: json, path: join(dir, 'apart.json') },
      { recipe: fewer, path: join(dir, 'apart.csv') },
    ]);
    expect(readFileSync(join(dir, 'apart.json')).equals(expected(json))).toBe(true);
    expect(readFileSync(join(dir, 'apart.csv')).equals(expected(fewer))).toBe(true);
  });

  it('fails naming every download and the short file, and leaves none of them', async () => {
    const short = { file: store, offset: bytes.length - 10, length: 10 + 25 };
    const late = { file: store, offset: bytes.length - 40, length: 30 };
    const paths = [join(dir, 'short.json'), join(dir, 'short.csv')];
    const failure = writeJoinFiles([
      { recipe: { ...json, parts: [jsonParts[0]!, short] }, path: paths[0]! },
      { recipe: { ...csv, parts: [csvParts[0]!, late] }, path: paths[1]! },
    ]);
    await expect(failure).rejects.toThrow(/无法生成 data\/reports\.json、data\/reports\.csv：.*store\.bin/);
    for (const path of paths) expect(() => readFileSync(path)).toThrow();
  });
});
