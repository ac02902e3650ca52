/**
 * The one tokenizer shared by the indexer (Node) and the search page (browser), so both sides cut
 * text the same way.
 *
 * Text is folded character by character (NFKC, lower case, accents dropped) and cut into runs of
 * letters and digits; punctuation, line breaks and spaces between words end a run. A space next to
 * a Han character is only layout ("2023 年") and does not. Every character of a run is one
 * position. Pagefind indexes, at each position, the window of the next WINDOW characters of the
 * run; a window cut short by the end of its run ends with RUN_END. So any string of at most
 * WINDOW characters is found with one prefix lookup (every window that starts with it), and a
 * longer one from a few windows at fixed distances (runLookups). Nothing matches across runs,
 * and none of Pagefind's word splitting or stemming applies (the words are index-ready already).
 */

/** Characters per indexed window (chosen by measurement: see bench/search/README.md). */
export const WINDOW = 4;

/**
 * Ends a window cut short by the end of its run. It must be a letter for Pagefind (or Pagefind
 * would split the window) that no folded query contains: folding removes it from all text. It
 * also keeps Pagefind's fallback for a query with no match (the longest indexed word that is a
 * prefix of it) from finding a short window: every window shorter than WINDOW carries it.
 */
export const RUN_END = 'ꙮ';

const RUN_CHAR = /^[\p{L}\p{N}]$/u;
const HAN = /^\p{Script=Han}$/u;
const MARKS = /\p{M}/gu;
const MARK = /^\p{M}$/u;
const LINE_BREAK = /^[\n\r\u2028\u2029\v\f\u0085]$/;
/** Unicode White_Space, which is what Pagefind splits words on. */
const SPACE = /^[\s\u0085\u180e]$/u;

const foldCache = new Map<string, string[]>();

/**
 * The searchable characters one character stands for: none for punctuation and spaces, usually
 * one, sometimes more (NFKC: ½ → 1 2, ㎡ → m 2). Folded characters are lower case, NFKC, without
 * combining marks.
 */
export function foldChar(ch: string): string[] {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = [];
    for (const c of ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '')) {
      if (c !== RUN_END && RUN_CHAR.test(c)) folded.push(c);
    }
    if (foldCache.size < 50_000) foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * Text as positions: `chars[i]` is the folded character at position i, `shown[i]` the original
 * character shown for it and `gap[i]` the punctuation and spaces before it, `runStart[i]` whether
 * a run starts there. `tail` is what follows the last position.
 */
export interface Analysed {
  chars: string[];
  shown: string[];
  gap: string[];
  runStart: boolean[];
  tail: string;
}

export function analyse(text: string): Analysed {
  const chars: string[] = [];
  const shown: string[] = [];
  const gap: string[] = [];
  const runStart: boolean[] = [];
  let pending = ''; // original text waiting for the next position
  let broken = true; // whether the next position starts a new run
  let lastChar = ''; // the last original character that had a position, for the Han-space rule
  let spaces = false; // spaces since lastChar (within the line)

  const code = Array.from(text);
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    const folded = foldChar(ch);
    if (folded.length === 0) {
      if (MARK.test(ch) && shown.length > 0 && pending === '') {
        shown[shown.length - 1] += ch; // an accent stays on its letter when shown
        continue;
      }
      pending += ch;
      if (LINE_BREAK.test(ch)) broken = true;
      else if (SPACE.test(ch)) spaces = true;
      else broken = true; // punctuation or a symbol ends the run
      continue;
    }
    if (spaces && !broken) {
      // A space inside a line ends the run unless a Han character is on either side.
      if (!(HAN.test(lastChar) || HAN.test(ch))) broken = true;
    }
    folded.forEach((c, k) => {
      chars.push(c);
      shown.push(k === 0 ? ch : '');
      gap.push(k === 0 ? pending : '');
      runStart.push(k === 0 && broken);
      pending = '';
      broken = false;
    });
    lastChar = ch;
    spaces = false;
  }
  return { chars, shown, gap, runStart, tail: pending };
}

/** The runs of folded characters, each an array of single characters. */
export function runsOf(a: Pick<Analysed, 'chars' | 'runStart'>): string[][] {
  const runs: string[][] = [];
  a.chars.forEach((c, i) => {
    if (a.runStart[i] || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(c);
  });
  return runs;
}

/** The folded runs of a piece of text: what a query term or the literal-substring truth compares. */
export function searchRuns(text: string): string[] {
  return runsOf(analyse(text)).map((r) => r.join(''));
}

/** The window Pagefind indexes at position `i` of a run. */
export function windowAt(run: readonly string[], i: number, size = WINDOW): string {
  const end = i + size;
  return run.slice(i, end).join('') + (end > run.length ? RUN_END : '');
}

/**
 * Every position's window, as where it ends: the window at position i is chars[i..end), followed
 * by RUN_END when that is shorter than `size` (its run ended first).
 */
export function forEachWindow(a: Pick<Analysed, 'chars' | 'runStart'>, size: number, visit: (i: number, end: number) => void): void {
  const n = a.chars.length;
  let runEnd = 0;
  for (let i = 0; i < n; i++) {
    if (i >= runEnd) {
      runEnd = i + 1;
      while (runEnd < n && !a.runStart[runEnd]) runEnd++;
    }
    visit(i, Math.min(i + size, runEnd));
  }
}

/** The words Pagefind indexes for a text, one per position, in order. */
export function indexWords(a: Pick<Analysed, 'chars' | 'runStart'>, size = WINDOW): string[] {
  const words: string[] = [];
  forEachWindow(a, size, (i, end) => words.push(a.chars.slice(i, end).join('') + (end - i < size ? RUN_END : '')));
  return words;
}

/**
 * The index words a run is looked up by, and where each sits in the run. Up to WINDOW characters:
 * the run itself, as a prefix (every window that starts with it). Longer: full windows at offsets
 * 0, WINDOW−1, 2·(WINDOW−1)… and the last WINDOW characters; each overlaps the next, and since no
 * window crosses the end of a run, a page matches where all of them sit at their offsets from one
 * position (checked by the search page, see client/engine.ts).
 */
export function runLookups(run: string, size = WINDOW): { word: string; offset: number }[] {
  if (size < 2) throw new RangeError('windows must be at least two characters long');
  const chars = Array.from(run);
  if (chars.length <= size) return [{ word: run, offset: 0 }];
  const offsets: number[] = [];
  for (let o = 0; o < chars.length - size; o += size - 1) offsets.push(o);
  offsets.push(chars.length - size);
  return offsets.map((offset) => ({ word: chars.slice(offset, offset + size).join(''), offset }));
}

/**
 * What was typed, as terms: whitespace separates terms (all must match), and each term is its
 * folded runs (punctuation inside a term separates runs, which must all match too).
 */
export function queryRuns(input: string): string[] {
  const runs = new Set<string>();
  for (const term of input.split(/[\s\u3000]+/u)) for (const run of searchRuns(term)) runs.add(run);
  // A run contained in another adds nothing: 硚口 硚口区 means the same as 硚口区.
  const all = [...runs];
  return all.filter((r) => !all.some((o) => o !== r && o.includes(r)));
}

/** Literal-substring truth: does text that analyses to these runs contain every query run? */
export function containsAll(textRuns: readonly string[], runs: readonly string[]): boolean {
  return runs.every((r) => textRuns.some((t) => t.includes(r)));
}
