/**
 * Just enough CBOR (RFC 8949: unsigned and negative integers, text strings, arrays of known
 * length) to write Pagefind's index chunks and to walk them as bytes. A general decoder (cborg)
 * makes a JS array for every page and a number for every position, millions per shard, and the
 * merge spent more time collecting that garbage than merging; these read and write in place.
 */

const UINT = 0;
const NEGATIVE = 1;
const TEXT = 3;
const ARRAY = 4;

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

/** A growing byte buffer that CBOR items are appended to. */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private head(major: number, n: number): void {
    this.room(9);
    const b = this.buffer;
    const m = major << 5;
    if (n < 24) b[this.length++] = m | n;
    else if (n < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = n;
    } else if (n < 0x10000) {
      b[this.length++] = m | 25;
      b[this.length++] = n >>> 8;
      b[this.length++] = n & 0xff;
    } else if (n < 0x100000000) {
      b[this.length++] = m | 26;
      b[this.length++] = n >>> 24;
      b[this.length++] = (n >>> 16) & 0xff;
      b[this.length++] = (n >>> 8) & 0xff;
      b[this.length++] = n & 0xff;
    } else throw new RangeError(`CBOR 整数过大：${n}`);
  }

  uint(n: number): void {
    this.head(UINT, n);
  }

  int(n: number): void {
    if (n >= 0) this.head(UINT, n);
    else this.head(NEGATIVE, -1 - n);
  }

  array(length: number): void {
    this.head(ARRAY, length);
  }

  text(s: string): void {
    this.room(s.length * 3 + 9); // UTF-8 takes at most 3 bytes per UTF-16 unit
    const at = this.length;
    // The head's size depends on the byte length: write the bytes after the largest head, then move them.
    const { written } = utf8.encodeInto(s, this.buffer.subarray(at + 9));
    this.head(TEXT, written);
    this.buffer.copyWithin(this.length, at + 9, at + 9 + written);
    this.length += written;
  }

  /** Items already encoded elsewhere, copied as they are. */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Reads CBOR items one after another from `bytes`, starting at `at`. */
export class CborReader {
  readonly bytes: Uint8Array;
  at: number;
  /** Major type and first byte of the last item read. */
  private major = 0;
  private start = 0;

  constructor(bytes: Uint8Array, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  private fail(what: string): never {
    throw new Error(`CBOR 数据在第 ${this.start} 字节处不是${what}`);
  }

  /** The next head: sets `major`, returns its count or value. */
  private head(): number {
    const b = this.bytes;
    this.start = this.at;
    if (this.at >= b.length) this.fail('完整的数据');
    const first = b[this.at++]!;
    this.major = first >> 5;
    const info = first & 0x1f;
    if (info < 24) return info;
    if (info <= 26 && this.at + (1 << (info - 24)) > b.length) this.fail('完整的数据');
    if (info === 24) return b[this.at++]!;
    if (info === 25) {
      const n = (b[this.at]! << 8) | b[this.at + 1]!;
      this.at += 2;
      return n;
    }
    if (info === 26) {
      const n = ((b[this.at]! << 24) >>> 0) + ((b[this.at + 1]! << 16) | (b[this.at + 2]! << 8) | b[this.at + 3]!);
      this.at += 4;
      return n;
    }
    return this.fail('本程序支持的整数或定长数组');
  }

  array(): number {
    const n = this.head();
    if (this.major !== ARRAY) this.fail('数组');
    return n;
  }

  uint(): number {
    const n = this.head();
    if (this.major !== UINT) this.fail('非负整数');
    return n;
  }

  int(): number {
    const n = this.head();
    if (this.major === UINT) return n;
    if (this.major === NEGATIVE) return -1 - n;
    return this.fail('整数');
  }

  /**
   * Moves past up to `count` page entries of an index word, each `[page difference, [positions],
   * []]` (Pagefind's form for a page without meta positions), while they have that form with
   * integers of up to four bytes; `into` gets each one's page difference (`page`) and its size (one
   * for the page and one per position not negative: a negative number marks a weight). Returns how
   * many it moved past: an entry of another form, or (given `beforePage`) of a page not before it,
   * is left for the caller's reading item by item.
   *
   * Why: a merge restating the chunks of words every report has walks millions of entries; read
   * item by item they took 0.3 s of the 0.6 s spent reading 206 such chunks at 50,000 reports.
   */
  skipPageEntries(count: number, into: { page: number; size: number }, beforePage = Infinity): number {
    const b = this.bytes;
    let at = this.at;
    let passed = 0;
    for (; passed < count; passed++) {
      if (b[at] !== 0x83) break;
      let q = at + 1;
      const head = b[q]!;
      const info = head & 0x1f;
      if (head >> 5 !== UINT || info > 26) break;
      const delta = info < 24 ? info : info === 24 ? b[q + 1]! : info === 25 ? (b[q + 1]! << 8) | b[q + 2]! : ((b[q + 1]! << 24) >>> 0) + ((b[q + 2]! << 16) | (b[q + 3]! << 8) | b[q + 4]!);
      if (into.page + delta >= beforePage) break;
      q += info < 24 ? 1 : 1 + (1 << (info - 24));
      const list = b[q]!;
      const listInfo = list & 0x1f;
      if (list >> 5 !== ARRAY || listInfo > 25) break;
      const positions = listInfo < 24 ? listInfo : listInfo === 24 ? b[q + 1]! : (b[q + 1]! << 8) | b[q + 2]!;
      q += listInfo < 24 ? 1 : 1 + (1 << (listInfo - 24));
      let size = 1;
      let odd = false;
      for (let i = 0; i < positions; i++) {
        const first = b[q]!;
        const posInfo = first & 0x1f;
        if (first >> 5 > NEGATIVE || posInfo > 26) {
          odd = true;
          break;
        }
        if (first >> 5 === UINT) size++;
        q += posInfo < 24 ? 1 : 1 + (1 << (posInfo - 24));
      }
      // No meta positions; and all of it within the bytes (a read past their end gives undefined).
      if (odd || b[q] !== 0x80 || q + 1 > b.length) break;
      at = q + 1;
      into.page += delta;
      into.size += size;
    }
    this.at = at;
    return passed;
  }

  text(): string {
    return text.decode(this.textBytes());
  }

  /** A text's UTF-8 bytes, not decoded (their order is the code points' order). */
  textBytes(): Uint8Array {
    const n = this.head();
    if (this.major !== TEXT) this.fail('文本');
    if (this.at + n > this.bytes.length) this.fail('完整的文本');
    const bytes = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return bytes;
  }
}
