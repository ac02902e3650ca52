/**
 * A shard's Pagefind index (meta file and index chunks), built here instead of by a Pagefind
 * process. Every record is index-ready already (one window word per position, nothing for
 * Pagefind to split, stem or fold: ../tokenize.ts), so all the indexer has to do is list, for
 * every word, the pages and positions it occurs at — which this does in typed arrays, at a
 * fraction of a Pagefind process's time and memory (see bench/search/README.md). The files are
 * the ones Pagefind 1.6 writes for the same words, as the merge (./merge-index.ts) reads them;
 * tests/search/shard-index.test.ts compares both word for word.
 *
 * Pages are numbered in the order they are added; each page's word count is its number of
 * positions (what Pagefind records for a page whose words all index).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareWords, wordSize, writeChunk, writeMeta, PAGEFIND_VERSION, type IndexWord, type MetaChunk, type WordPage } from './pagefind-format.ts';

export interface ShardIndexWriteOptions {
  language: string;
  /** Target chunk size, in Pagefind's units (positions + pages); the merge cuts chunks again. */
  chunkSize: number;
}

export class ShardIndex {
  /** Word → id, in order of first appearance, and back. */
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** The word id at every position of every page, pages one after another. */
  private occurrences = new Int32Array(1 << 16);
  private length = 0;
  /** Where each page's positions end in `occurrences`. */
  private readonly pageEnds: number[] = [];

  get pages(): number {
    return this.pageEnds.length;
  }

  /** The next page: its index words, one per position, in order. */
  addPage(words: readonly string[]): void {
    if (this.length + words.length > this.occurrences.length) {
      const grown = new Int32Array(Math.max(this.occurrences.length * 2, this.length + words.length));
      grown.set(this.occurrences.subarray(0, this.length));
      this.occurrences = grown;
    }
    const { ids, occurrences } = this;
    let at = this.length;
    for (const word of words) {
      let id = ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        ids.set(word, id);
        this.words.push(word);
      }
      occurrences[at++] = id;
    }
    this.length = at;
    this.pageEnds.push(at);
  }

  /**
   * Writes `pagefind.<language>_<hash>.pf_meta` and `index/<hash>.pf_index` into `dir`: words in
   * Pagefind's order (code points), each word's pages in page order, positions ascending.
   */
  write(dir: string, options: ShardIndexWriteOptions): { metaHash: string; words: number; chunks: number } {
    const { words, length } = this;
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
    let from = 0;
    this.pageEnds.forEach((end, page) => {
      pageOf.fill(page, from, end);
      from = end;
    });
    const pageStart = (page: number) => (page === 0 ? 0 : this.pageEnds[page - 1]!);

    const order = Uint32Array.from(words.keys()).sort((a, b) => compareWords(words[a]!, words[b]!));
    mkdirSync(join(dir, 'index'), { recursive: true });
    const chunks: MetaChunk[] = [];
    let chunk: IndexWord[] = [];
    let size = 0;
    const flush = () => {
      chunks.push({ from: chunk[0]!.word, to: chunk[chunk.length - 1]!.word, hash: writeChunk(dir, chunk) });
      chunk = [];
      size = 0;
    };
    for (const id of order) {
      const pages: WordPage[] = [];
      let page = -1;
      let locs: number[] = [];
      let last = 0;
      for (let k = start[id]!; k < start[id + 1]!; k++) {
        const i = byWord[k]!;
        if (pageOf[i] !== page) {
          page = pageOf[i]!;
          locs = [];
          pages.push([page, locs]);
          last = pageStart(page);
        }
        // Pagefind codes positions as differences: the first from 0, each next from the one before.
        locs.push(i - last);
        last = i;
      }
      chunk.push({ word: words[id]!, pages });
      size += wordSize(chunk[chunk.length - 1]!);
      if (size >= options.chunkSize) flush();
    }
    if (chunk.length) flush();

    const metaPages = this.pageEnds.map((end, page) => ({ hash: `p${page.toString(36)}`, wordCount: end - pageStart(page) }));
    const metaHash = writeMeta(dir, options.language, { version: PAGEFIND_VERSION, pages: metaPages, chunks });
    return { metaHash, words: words.length, chunks: chunks.length };
  }
}
