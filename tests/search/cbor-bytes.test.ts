/** The small CBOR writer and reader used for Pagefind's index chunks, against cborg. */
import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { CborReader, CborWriter } from '../../src/search/build/cbor-bytes.ts';

const ints = [0, 1, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, -1, -24, -25, -256, -257, -65536, -65537];
const texts = ['', 'a', '大数据中', `据中心ꙮ`, '𠀀𠀁大', 'x'.repeat(23), 'x'.repeat(24), '字'.repeat(100)];

describe('CborWriter', () => {
  it('writes what cborg writes for integers, text and arrays', () => {
    const w = new CborWriter();
    w.array(ints.length + texts.length + 1);
    for (const n of ints) w.int(n);
    for (const t of texts) w.text(t);
    w.array(0);
    expect(Buffer.from(w.bytes())).toEqual(Buffer.from(encode([...ints, ...texts, []])));
  });

  it('grows past its first buffer and copies raw items', () => {
    const w = new CborWriter();
    const long = '数'.repeat(40_000);
    w.array(3);
    w.text(long);
    w.raw(encode([1, 2, 3]));
    w.uint(70_000);
    expect(decode(w.bytes())).toEqual([long, [1, 2, 3], 70_000]);
  });

  it('refuses integers CBOR cannot hold in four bytes', () => {
    expect(() => new CborWriter().uint(2 ** 32)).toThrow(RangeError);
  });
});

describe('CborReader', () => {
  it('reads back integers, text and arrays, and says where it stopped', () => {
    const bytes = encode([...ints, ...texts, []]);
    const r = new CborReader(bytes);
    expect(r.array()).toBe(ints.length + texts.length + 1);
    expect(ints.map(() => r.int())).toEqual(ints);
    expect(texts.map(() => r.text())).toEqual(texts);
    expect(r.array()).toBe(0);
    expect(r.at).toBe(bytes.length);
  });

  it('names the byte where the data is not what was expected', () => {
    expect(() => new CborReader(encode(['a'])).uint()).toThrow(/第 0 字节处不是非负整数/);
    expect(() => new CborReader(encode([-1]), 1).uint()).toThrow(/第 1 字节/);
    expect(() => new CborReader(encode(2 ** 40)).int()).toThrow(/整数/);
    expect(() => new CborReader(new Uint8Array(0)).array()).toThrow(/完整/);
    expect(() => new CborReader(encode(65536).subarray(0, 3)).uint()).toThrow(/第 0 字节处不是完整的数据/);
    expect(() => new CborReader(encode('大数据').subarray(0, 5)).text()).toThrow(/完整的文本/);
  });
});

describe('CborReader.skipPageEntries', () => {
  /** Pages and sizes read item by item, as Pagefind's form says (see readRawWord). */
  const itemByItem = (entries: unknown[]) => {
    let page = 0;
    let size = 0;
    for (const e of entries as [number, number[], unknown[]][]) {
      page += e[0];
      size += 1 + e[1].filter((l) => l >= 0).length;
    }
    return { page, size };
  };

  it('walks entries of every integer width, weights included, as an item-by-item read does', () => {
    const entries = [
      [0, [0, 5, 9], []],
      [1, [23], []],
      [24, [-1, 24, 255], []],
      [256, [256, 65535, -257], []],
      [65536, [65536, 2 ** 32 - 1], []],
      [3, [], []],
      [7, Array.from({ length: 30 }, (_, i) => i * 1000), []],
    ];
    const bytes = encode(entries);
    const r = new CborReader(bytes, 1);
    const into = { page: 0, size: 0 };
    expect(r.skipPageEntries(entries.length, into)).toBe(entries.length);
    expect(into).toEqual(itemByItem(entries));
    expect(r.at).toBe(bytes.length);
  });

  it('stops at an entry of another form, at the count asked for, and at the end of the bytes', () => {
    // Meta positions: the caller's item-by-item read names the word.
    const withMeta = encode([[1, [2], []], [2, [3], [4]], [3, [4], []]]);
    const r = new CborReader(withMeta, 1);
    const into = { page: 0, size: 0 };
    expect(r.skipPageEntries(3, into)).toBe(1);
    expect(into).toEqual({ page: 1, size: 2 });
    expect(r.array()).toBe(3); // left at the second entry

    const three = encode([[1, [2], []], [2, [3], []], [3, [4], []]]);
    const counted = new CborReader(three, 1);
    expect(counted.skipPageEntries(2, { page: 0, size: 0 })).toBe(2);
    expect(counted.array()).toBe(3);

    // Cut inside the last entry: the entries before it only.
    const cut = new CborReader(three.subarray(0, three.length - 2), 1);
    const before = { page: 0, size: 0 };
    expect(cut.skipPageEntries(3, before)).toBe(2);
    expect(before).toEqual({ page: 3, size: 4 });

    // Before a page: the entries of pages 1 and 3 (page differences 1, 2), not page 6's.
    const upTo = new CborReader(three, 1);
    const below = { page: 0, size: 0 };
    expect(upTo.skipPageEntries(3, below, 6)).toBe(2);
    expect(below).toEqual({ page: 3, size: 4 });
    expect(upTo.skipPageEntries(3, below, 7)).toBe(1);
    expect(below.page).toBe(6);

    // A text where a position should be, or an integer wider than four bytes.
    expect(new CborReader(encode([[1, ['x'], []]]), 1).skipPageEntries(1, { page: 0, size: 0 })).toBe(0);
    expect(new CborReader(encode([[2 ** 40, [1], []]]), 1).skipPageEntries(1, { page: 0, size: 0 })).toBe(0);
  });
});
