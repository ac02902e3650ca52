/**
 * Numbers the index words of a shard: the window at every position (../tokenize.ts
 * `forEachWindow`) gets the id of its word, the same id wherever the same window occurs. Windows
 * are looked up as sequences of character ids in an open-addressing table of typed arrays, so no
 * string is made per position (a shard has millions), only one per distinct word.
 */
import { forEachWindow, RUN_END, type Analysed } from '../tokenize.ts';

const EMPTY = 0;

function hashOf(ids: Int32Array, from: number, length: number): number {
  let h = Math.imul(length, 0x9e3779b1);
  for (let k = 0; k < length; k++) h = Math.imul(h ^ ids[from + k]!, 0x85ebca6b) ^ (h >>> 13);
  return h ^ (h >>> 16);
}

export class WindowWords {
  /** Each word by its id, in order of first appearance (a short window ends with RUN_END). */
  readonly words: string[] = [];
  private readonly size: number;
  /** Slot layout in `keys`: the window's length, then its character ids. */
  private readonly stride: number;
  private readonly charIds = new Map<string, number>();
  private readonly chars: string[] = [];
  private keys: Int32Array;
  /** Word id + 1 of each slot, EMPTY when free. */
  private slots: Int32Array;
  private page = new Int32Array(4096);

  constructor(size: number) {
    this.size = size;
    this.stride = size + 1;
    this.slots = new Int32Array(1 << 16);
    this.keys = new Int32Array(this.slots.length * this.stride);
  }

  /** Writes the word id of every position of `a` into `into`, from index `at`. */
  idsOf(a: Pick<Analysed, 'chars' | 'runStart'>, into: Int32Array, at: number): void {
    const n = a.chars.length;
    if (this.page.length < n) this.page = new Int32Array(n * 2);
    const page = this.page;
    for (let i = 0; i < n; i++) {
      const c = a.chars[i]!;
      let id = this.charIds.get(c);
      if (id === undefined) {
        id = this.chars.push(c) - 1;
        this.charIds.set(c, id);
      }
      page[i] = id;
    }
    forEachWindow(a, this.size, (i, end) => {
      into[at + i] = this.idOf(page, i, end - i);
    });
  }

  private idOf(page: Int32Array, from: number, length: number): number {
    const { keys, slots, stride } = this;
    const mask = slots.length - 1;
    for (let slot = hashOf(page, from, length) & mask; ; slot = (slot + 1) & mask) {
      const value = slots[slot]!;
      const base = slot * stride;
      if (value === EMPTY) {
        keys[base] = length;
        keys.set(page.subarray(from, from + length), base + 1);
        let word = '';
        for (let k = 0; k < length; k++) word += this.chars[page[from + k]!]!;
        const id = this.words.push(length < this.size ? word + RUN_END : word) - 1;
        slots[slot] = id + 1;
        if (this.words.length * 2 > slots.length) this.grow();
        return id;
      }
      if (keys[base] === length) {
        let k = 0;
        while (k < length && keys[base + 1 + k] === page[from + k]) k++;
        if (k === length) return value - 1;
      }
    }
  }

  /** Doubles the table (kept at most half full, so probes stay short). */
  private grow(): void {
    const { keys, slots, stride } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.keys = new Int32Array(this.slots.length * stride);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === EMPTY) continue;
      const from = old * stride;
      let slot = hashOf(keys, from + 1, keys[from]!) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      this.keys.set(keys.subarray(from, from + stride), slot * stride);
    }
  }
}
