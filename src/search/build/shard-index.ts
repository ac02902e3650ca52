/**
 * A shard's Pagefind index (meta file and index chunks), built here instead of by a Pagefind
 * process. Every record is index-ready already (one window word per position, nothing for
 * Pagefind to split, stem or fold: ../tokenize.ts), so all the indexer has to do is list, for
 * every word, the pages and positions it occurs at — which this does in typed arrays (word ids
 * from ./window-words.ts, a counting sort by word), at a fraction of a Pagefind process's time
 * and memory (see bench/search/README.md). The files are
 * the ones Pagefind 1.6 writes for the same words, as the merge (./merge-index.ts) reads them;
 * tests/search/shard-index.test.ts compares both word for word.
 *
 * Pages are numbered in the order they are added; each page's word count is its number of
 * positions (what Pagefind records for a page whose words all index).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysed } from '../tokenize.ts';
import { CborWriter } from './cbor-bytes.ts';
import { compareWords, encodePage, encodeWordEnd, encodeWordStart, writeChunk, writeMeta, PAGEFIND_VERSION, type MetaChunk } from './pagefind-format.ts';
import { WindowWords } from './window-words.ts';

/**
 * gzip level of a shard's chunks: only the merge reads them, so they are stored, not compressed
 * (0): at 50,000 reports level 1 took 6 s to write and 1.7 s for the merge to read, 0 takes
 * 0.8 s and 0.4 s, for twice the bytes in the cache (565 MB instead of 253 MB).
 */
const GZIP_LEVEL = 0;

export interface ShardIndexWriteOptions {
  language: string;
  /** Target chunk size, in Pagefind's units (positions + pages); the merge cuts chunks again. */
  chunkSize: number;
}

export class ShardIndex {
  private readonly windows: WindowWords;
  /** The word id at every position of every page, pages one after another. */
  private occurrences = new Int32Array(1 << 16);
  private length = 0;
  /** Where each page's positions end in `occurrences`. */
  private readonly pageEnds: number[] = [];

  /** `window`: characters per indexed window (../tokenize.ts WINDOW). */
  constructor(window: number) {
    this.windows = new WindowWords(window);
  }

  /** The next page: a record's analysed text, one index word per position. */
  addPage(a: Pick<Analysed, 'chars' | 'runStart'>): void {
    const end = this.length + a.chars.length;
    if (end > this.occurrences.length) {
      const grown = new Int32Array(Math.max(this.occurrences.length * 2, end));
      grown.set(this.occurrences.subarray(0, this.length));
      this.occurrences = grown;
    }
    this.windows.idsOf(a, this.occurrences, this.length);
    this.length = end;
    this.pageEnds.push(end);
  }

  /**
   * Writes `pagefind.<language>_<hash>.pf_meta` and `index/<hash>.pf_index` into `dir`: words in
   * Pagefind's order (code points), each word's pages in page order, positions ascending.
   */
  write(dir: string, options: ShardIndexWriteOptions): { metaHash: string; words: number; chunks: number } {
    const { length } = this;
    const { words } = this.windows;
    const occurrences = this.occurrences.subarray(0, length);
    // Counting sort of the positions by word: a stable pass keeps each word's positions in page
    // and position order.
    const start = new Int32Array(words.length + 1);
    for (let i = 0; i < length; i++) start[occurrences[i]! + 1]!++;
    for (let w = 0; w < words.length; w++) start[w + 1]! += start[w]!;
    const next = start.slice(0, words.length);
    const byWord = new Int32Array(length);
    for (let i = 0; i < length; i++) byWord[next[occurrences[i]!]!++] = i;
    const pageOf = new Int32Array(length);
    const pageStart = new Int32Array(this.pageEnds.length);
    this.pageEnds.forEach((end, page) => {
      const from = page === 0 ? 0 : this.pageEnds[page - 1]!;
      pageStart[page] = from;
      pageOf.fill(page, from, end);
    });

    const order = Uint32Array.from(words.keys()).sort((a, b) => compareWords(words[a]!, words[b]!));
    mkdirSync(join(dir, 'index'), { recursive: true });
    const chunks: MetaChunk[] = [];
    const cbor = new CborWriter();
    let count = 0;
    let size = 0;
    let first = '';
    const locs: number[] = [];
    for (let o = 0; o < order.length; o++) {
      const id = order[o]!;
      const end = start[id + 1]!;
      let pages = 0;
      for (let k = start[id]!, page = -1; k < end; k++) {
        if (pageOf[byWord[k]!] !== page) {
          page = pageOf[byWord[k]!]!;
          pages++;
        }
      }
      encodeWordStart(cbor, words[id]!, pages);
      let lastPage = 0;
      for (let k = start[id]!; k < end; ) {
        const page = pageOf[byWord[k]!]!;
        // Pagefind codes page numbers and positions as differences from the one before.
        locs.length = 0;
        let last = pageStart[page]!;
        for (; k < end && pageOf[byWord[k]!] === page; k++) {
          locs.push(byWord[k]! - last);
          last = byWord[k]!;
        }
        encodePage(cbor, page - lastPage, locs);
        lastPage = page;
      }
      encodeWordEnd(cbor);
      if (!count) first = words[id]!;
      count++;
      size += end - start[id]! + pages;
      if (size >= options.chunkSize || o === order.length - 1) {
        chunks.push({ from: first, to: words[id]!, hash: writeChunk(dir, count, cbor.bytes(), GZIP_LEVEL) });
        cbor.reset();
        count = 0;
        size = 0;
      }
    }

    const metaPages = this.pageEnds.map((end, page) => ({ hash: `p${page.toString(36)}`, wordCount: end - pageStart[page]! }));
    const metaHash = writeMeta(dir, options.language, { version: PAGEFIND_VERSION, pages: metaPages, chunks });
    return { metaHash, words: words.length, chunks: chunks.length };
  }
}
