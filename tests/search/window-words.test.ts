/** Word ids of the windows: the same id for the same window, and the word is the window itself. */
import { describe, expect, it } from 'vitest';
import { WindowWords } from '../../src/search/build/window-words.ts';
import { analyse, indexWords } from '../../src/search/tokenize.ts';

let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
/** Random Han characters with some punctuation and Latin: ~100,000 distinct windows. */
const text = Array.from({ length: 120_000 }, () => (rand() < 0.05 ? '，' : rand() < 0.05 ? ' ab ' : String.fromCodePoint(0x4e00 + Math.floor(rand() * 3000)))).join('');

describe('WindowWords', () => {
  it('gives each position the id of its window word, across pages and a growing table', () => {
    for (const size of [2, 4]) {
      const words = new WindowWords(size);
      const pages = [text.slice(0, 60_000), text.slice(60_000), text.slice(0, 60_000)].map((t) => analyse(t));
      const ids = new Int32Array(pages.reduce((n, a) => n + a.chars.length, 0));
      let at = 0;
      for (const a of pages) {
        words.idsOf(a, ids, at);
        at += a.chars.length;
      }
      const expected = pages.flatMap((a) => indexWords(a, size));
      expect(Array.from(ids, (id) => words.words[id])).toEqual(expected);
      expect(new Set(words.words).size).toBe(words.words.length);
      expect(words.words.length).toBe(new Set(expected).size);
      if (size === 4) expect(words.words.length).toBeGreaterThan(70_000);
    }
  });
});
