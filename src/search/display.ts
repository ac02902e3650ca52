/**
 * What a result shows, without shipping every report's full text: the report's text is cut into
 * blocks of positions, and a result loads the one block around its first match (a few hundred
 * characters, gzip-compressed) to show title, agency, year and a readable snippet. Pagefind's own
 * fragments hold the index windows, not readable text, and are not published.
 *
 * Shared by the indexer (writing blocks) and the search page (reading them).
 */
import { analyse, type Analysed } from './tokenize.ts';

/** Positions per block, and the context each block carries from its neighbours. */
export const BLOCK = { size: 400, before: 32, after: 96 };
const LEADING_JUNK = /^[\s，。、；：！？）」』》”’,.;:!?)\]】]+/u;

/** Characters of the text start shown when the match is in the title or agency name. */
const LEAD = 90;

/** One block file: the result's fields and the text of positions [s, s + positions in x). */
export interface DisplayBlock {
  /** Report page, relative to the site's base path. */
  u: string;
  /** Title, agency, district, year. */
  t: string;
  a: string;
  d: string | null;
  y: number | null;
  /** First position of x, and where the header fields begin. */
  s: number;
  h: number;
  /** The original text of these positions (with the punctuation and spaces between them). */
  x: string;
  /** The first characters of the report's text, when this block reaches into the header. */
  l?: string;
}

export interface BlockSource {
  url: string;
  title: string;
  agency: string;
  district: string | null;
  year: number | null;
}

function textOf(a: Analysed, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += a.gap[i]! + a.shown[i]!;
  if (to >= a.chars.length) text += a.tail;
  return text;
}

/**
 * How many positions of `a` come from text before `offset` (a string index into the analysed
 * text): where a record's header fields begin, without analysing its text a second time.
 */
export function positionsBefore(a: Analysed, offset: number): number {
  let at = 0;
  let start = 0; // where the character of position i begins (shared by all it folds to: ㎡ → m 2)
  for (let i = 0; i < a.chars.length; i++) {
    at += a.gap[i]!.length;
    if (a.shown[i] !== '') start = at;
    if (start >= offset) return i;
    at += a.shown[i]!.length;
  }
  return a.chars.length;
}

/** Every block of a report; block k serves matches at positions [k·size, (k+1)·size). */
export function displayBlocks(source: BlockSource, a: Analysed, headerStart: number, size = BLOCK.size): DisplayBlock[] {
  const blocks: DisplayBlock[] = [];
  const count = Math.max(1, Math.ceil(a.chars.length / size));
  for (let k = 0; k < count; k++) {
    let s = Math.max(0, k * size - BLOCK.before);
    while (s > 0 && a.shown[s] === '') s--; // not inside a character that folds to several (㎡)
    const e = Math.min(a.chars.length, (k + 1) * size + BLOCK.after);
    const block: DisplayBlock = { u: source.url, t: source.title, a: source.agency, d: source.district, y: source.year, s, h: headerStart, x: textOf(a, s, e) };
    if (e > headerStart) block.l = textOf(a, 0, Math.min(LEAD, headerStart)).trim();
    blocks.push(block);
  }
  return blocks;
}

export const blockIndex = (position: number, size = BLOCK.size) => Math.floor(Math.max(0, position) / size);

/** A snippet as pieces of text, `mark` where a query run matches. */
export type SnippetPart = { text: string; mark: boolean };

/**
 * The snippet around `position`: about 20 characters before it and 60 after, every match of a
 * query run marked. A match in the header (title, agency…) shows the text's first lines instead,
 * since the title is shown anyway.
 */
export function snippet(block: DisplayBlock, position: number, runs: readonly string[]): { parts: SnippetPart[]; lead: boolean } {
  if (position >= block.h) {
    const lead = block.l ?? '';
    return { parts: lead ? [{ text: lead + '…', mark: false }] : [], lead: true };
  }
  const a = analyse(block.x);
  const local = position - block.s;
  const from = Math.max(0, local - 20);
  const to = Math.min(a.chars.length, local + 60);
  // Which positions a run covers, within one run of text (runStart of the block's first
  // position is not known, but a match never needs it).
  const marked = new Array<boolean>(a.chars.length).fill(false);
  for (const run of runs) {
    const r = Array.from(run);
    for (let i = Math.max(0, from - r.length + 1); i + r.length <= Math.min(a.chars.length, to + r.length - 1); i++) {
      let ok = true;
      for (let j = 0; j < r.length && ok; j++) ok = a.chars[i + j] === r[j] && (j === 0 || !a.runStart[i + j]);
      if (ok) for (let j = 0; j < r.length; j++) marked[i + j] = true;
    }
  }
  const parts: SnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (from > 0 || block.s > 0) push('…', false);
  for (let i = from; i < to; i++) {
    // The punctuation and spaces before a character are marked only inside one match; the
    // snippet does not start with a comma or a closing bracket.
    const gap = i === from ? a.gap[i]!.replace(LEADING_JUNK, '') : a.gap[i]!;
    if (gap) push(gap, i > from && marked[i]! && marked[i - 1]!);
    push(a.shown[i]!, marked[i]!);
  }
  if (to < a.chars.length) push('…', false);
  else if (a.tail.trim()) push(a.tail.trimEnd(), false);
  return { parts: parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') })).filter((p) => p.text !== ''), lead: false };
}
