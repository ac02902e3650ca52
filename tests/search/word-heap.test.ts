/** The merge's heap of sources (src/search/build/word-heap.ts): least word first, in Pagefind's order. */
import { describe, expect, it } from 'vitest';
import { compareWords } from '../../src/search/build/pagefind-format.ts';
import { WordHeap } from '../../src/search/build/word-heap.ts';

let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
// BMP characters on both sides of the surrogates, and astral ones: UTF-16 order is not code point order.
const ALPHABET = ['甲', '乙', 'a', 'z', '\uff5e', '𠀀', '𪚥', '丁'];
const word = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');

describe('WordHeap', () => {
  it('gives back every word pushed, least first, with pushes between pops', () => {
    const heap = new WordHeap<{ word: string; n: number }>();
    const pushed: string[] = [];
    const popped: string[] = [];
    const held: string[] = [];
    for (let round = 0; round < 200; round++) {
      for (let k = Math.floor(rand() * 4); k > 0; k--) {
        const w = word();
        pushed.push(w);
        held.push(w);
        heap.push({ word: w, n: round });
      }
      // Each pop is the least of what is in the heap now.
      if (rand() < 0.6 && heap.size) {
        const least = [...held].sort(compareWords)[0]!;
        expect(heap.peek()!.word).toBe(least);
        expect(heap.pop()!.word).toBe(least);
        held.splice(held.indexOf(least), 1);
        popped.push(least);
      }
    }
    while (heap.size) popped.push(heap.pop()!.word);
    expect(heap.pop()).toBeUndefined();
    expect([...popped].sort()).toEqual([...pushed].sort());
    expect(pushed.length).toBeGreaterThan(200);
  });

  it('pops in compareWords order when filled first, astral characters after the rest of the BMP', () => {
    const heap = new WordHeap<{ word: string }>();
    const words = [...Array.from({ length: 500 }, word), '𠀀', '\uff5e', '\uff5e'];
    for (const w of words) heap.push({ word: w });
    const out = Array.from({ length: words.length }, () => heap.pop()!.word);
    expect(out).toEqual([...words].sort(compareWords));
    expect(out.indexOf('𠀀')).toBeGreaterThan(out.lastIndexOf('\uff5e'));
  });
});
