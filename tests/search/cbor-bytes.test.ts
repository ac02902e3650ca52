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
