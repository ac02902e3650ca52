/**
 * Reading and writing Pagefind 1.6's index files (pagefind/src/index/*.rs): each is
 * gzip("pagefind_dcd" + CBOR). Only what the merge needs: the meta file (pages and the word
 * ranges of the index chunks) and the index chunks (word → pages → positions).
 *
 *   pf_meta   [version, [[page hash, word count, fragment group]], [[from, to, chunk hash]], filters, sorts, meta fields]
 *   pf_index  [[[word, [[page (delta-coded), positions, meta positions]], diacritic variants]]]
 *
 * The layout is Pagefind's own and not a public API: PAGEFIND_VERSION pins the version this was
 * written against, and reading any other version is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { CborReader, CborWriter } from './cbor-bytes.ts';

export const PAGEFIND_VERSION = '1.6.0';

/** The language every record is indexed as: one Pagefind neither segments nor stems. */
export const INDEX_LANGUAGE = 'und';
const SIGNATURE = Buffer.from('pagefind_dcd');

export interface MetaPage {
  hash: string;
  wordCount: number;
}
export interface MetaChunk {
  from: string;
  to: string;
  hash: string;
}
export interface PagefindMeta {
  version: string;
  pages: MetaPage[];
  chunks: MetaChunk[];
}

/**
 * One page's positions of a word: page number (absolute here), positions as Pagefind codes them
 * (the first position, then each one's distance from the one before).
 */
export type WordPage = [page: number, locs: number[]];
export interface IndexWord {
  word: string;
  pages: WordPage[];
}

/** A file's bytes before gzip, with the signature checked. */
function gunzipFile(path: string, file: Uint8Array): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path} 不是 Pagefind 索引文件`);
  return raw;
}

/** A file's CBOR, after the signature. */
function unpack(path: string): Uint8Array {
  return gunzipFile(path, readFileSync(path)).subarray(SIGNATURE.length);
}

function pack(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]), { level: 6 });
}

export function metaFile(dir: string): string {
  const name = readdirSync(dir).find((f) => f.endsWith('.pf_meta'));
  if (!name) throw new Error(`${dir} 中没有 Pagefind 的 pf_meta 文件`);
  return join(dir, name);
}

export function readMeta(dir: string): PagefindMeta {
  const [version, pages, chunks, filters, sorts] = decode(unpack(metaFile(dir))) as [string, [string, number, string][], [string, string, string][], unknown[], unknown[]];
  if (version !== PAGEFIND_VERSION) throw new Error(`Pagefind 索引版本 ${version} 与合并程序支持的 ${PAGEFIND_VERSION} 不符`);
  if (filters.length || sorts.length) throw new Error('合并程序不支持 Pagefind 的筛选或排序索引');
  return { version, pages: pages.map(([hash, wordCount]) => ({ hash, wordCount })), chunks: chunks.map(([from, to, hash]) => ({ from, to, hash })) };
}

/**
 * The words of one index chunk with absolute page numbers (plus `pageOffset`). Pagefind codes a
 * weight change as a negative number before a position; every word of our records has the same
 * weight, so the leading marker is dropped (the search then uses Pagefind's default weight).
 */
export function readChunk(dir: string, hash: string, pageOffset = 0): IndexWord[] {
  const [words] = decode(unpack(join(dir, 'index', `${hash}.pf_index`))) as [[string, [number, number[], number[]][], unknown[]][]];
  return words.map(([word, pages, variants]) => {
    if (variants.length) throw new Error(`索引词“${word}”有变体：记录应已去掉变音符号`);
    let page = 0;
    return {
      word,
      pages: pages.map(([delta, locs, metaLocs]): WordPage => {
        if (metaLocs.length) throw new Error(`索引词“${word}”出现在元数据中：记录不应有可检索的元数据`);
        page += delta;
        const first = locs[0] !== undefined && locs[0] < 0 ? 1 : 0;
        if (locs.slice(first).some((l) => l < 0)) throw new Error(`索引词“${word}”的位置带有不同权重`);
        return [page + pageOffset, first ? locs.slice(1) : locs];
      }),
    };
  });
}

/**
 * One word of an index chunk, kept as its bytes: what the merge needs to copy it into another
 * chunk with its pages renumbered, without decoding every position.
 */
export interface RawWord {
  word: string;
  pages: number;
  /** Pagefind's measure of a word's size in a chunk: positions plus one per page. */
  size: number;
  /** Its first and last page number, as numbered in its chunk's index. */
  first: number;
  last: number;
  /** The rest of the first page's entry after its page number (positions, meta positions), as CBOR. */
  firstRest: Uint8Array;
  /** The entries of the other pages, as CBOR (their page numbers are differences, so they stay). */
  others: Uint8Array;
}

/** The bytes of one index chunk (CBOR, after Pagefind's signature). */
export function readChunkBytes(dir: string, hash: string): Uint8Array {
  return unpack(join(dir, 'index', `${hash}.pf_index`));
}

/** The words of one index chunk, as bytes (see RawWord). */
export function readRawChunk(dir: string, hash: string): RawWord[] {
  return readRawChunkFile(dir, hash).words;
}

/** An index chunk read: its words as bytes, its bytes before gzip (signature included) and its file. */
export interface RawChunk {
  words: RawWord[];
  raw: Uint8Array;
  file: Uint8Array;
}

/** One index chunk's words, as bytes (see RawWord), with the bytes they were read from. */
export function readRawChunkFile(dir: string, hash: string): RawChunk {
  const path = join(dir, 'index', `${hash}.pf_index`);
  const file = readFileSync(path);
  const raw = gunzipFile(path, file);
  const r = new CborReader(raw.subarray(SIGNATURE.length));
  if (r.array() !== 1) throw new Error(`${path} 不是 Pagefind 索引块`);
  const count = r.array();
  const words: RawWord[] = [];
  for (let w = 0; w < count; w++) words.push(readRawWord(r, path));
  return { words, raw, file };
}

/** The word entry at the reader's place, as bytes (see RawWord); the reader moves past it. `path`: the chunk's, for errors. */
export function readRawWord(r: CborReader, path: string): RawWord {
  r.array();
  const word = r.text();
  const pages = r.array();
  if (pages === 0) throw new Error(`${path}：索引词“${word}”没有页面`);
  // Pages' numbers and sizes so far; one for each page, one for each position (see RawWord).
  const sum = { page: 0, size: 0 };
  /** One entry read item by item: the first, and any the quick walk leaves. */
  const readEntry = () => {
    r.array();
    sum.page += r.uint();
    const rest = r.at;
    const locs = r.array();
    sum.size++;
    for (let l = 0; l < locs; l++) if (r.int() >= 0) sum.size++; // a negative number marks a weight, not a position
    if (r.array() !== 0) throw new Error(`${path}：索引词“${word}”出现在元数据中，记录不应有可检索的元数据`);
    return rest;
  };
  const firstRest = readEntry();
  const first = sum.page;
  const others = r.at;
  for (let p = 1; p < pages; ) {
    p += r.skipPageEntries(pages - p, sum);
    if (p < pages) {
      readEntry();
      p++;
    }
  }
  const { page, size } = sum;
  const end = r.at;
  if (r.array() !== 0) throw new Error(`${path}：索引词“${word}”有变体，记录应已去掉变音符号`);
  return { word, pages, size, first, last: page, firstRest: r.bytes.subarray(firstRest, others), others: r.bytes.subarray(others, end) };
}

/** The rest of a page entry after its page number (positions, meta positions): its size (one for the page, one per position). */
function restSize(r: CborReader): number {
  let size = 1;
  const locs = r.array();
  for (let l = 0; l < locs; l++) if (r.int() >= 0) size++;
  r.array(); // meta positions: none (readRawChunk refuses any)
  return size;
}

/**
 * The pages of a raw word outside the page ranges `gaps` ([from, to)), as raw words of their own:
 * one per run of its pages between gaps, none when every page lies in one. Entries are copied as
 * bytes; only the first of each run gets its page number written out (its `first`).
 */
export function rawWordOutside(raw: RawWord, gaps: readonly (readonly [number, number])[]): RawWord[] {
  if (!gaps.some(([from, to]) => raw.first < to && raw.last >= from)) return [raw];
  // The gaps in page order (they do not overlap): pages come in order, so where a page lies is
  // found by moving forward through them, not by testing every gap at every page.
  const sorted = gaps.every((gap, i) => i === 0 || gaps[i - 1]![0] <= gap[0]) ? gaps : [...gaps].sort((a, b) => a[0] - b[0]);
  let passed = 0; // gaps that start at or before the page looked at last
  /** Which stretch between gaps a page is in (the gaps starting at or before it): a run ends at a gap even when the word has no page in it. */
  const stretch = (page: number) => {
    while (passed < sorted.length && sorted[passed]![0] <= page) passed++;
    return passed;
  };
  /** Whether the page stretch() was last asked about lies in a gap. */
  const inGap = (page: number) => passed > 0 && page < sorted[passed - 1]![1];
  const pastGaps = Math.max(...sorted.map(([, to]) => to));
  const runs: RawWord[] = [];
  let run: { first: number; last: number; firstRest: Uint8Array; from: number; to: number; pages: number; size: number; stretch: number } | null = null;
  const end = () => {
    if (run) runs.push({ word: raw.word, pages: run.pages, size: run.size, first: run.first, last: run.last, firstRest: run.firstRest, others: raw.others.subarray(run.from, run.to) });
    run = null;
  };
  let page = raw.first;
  // Pages and size of the entries read so far.
  let pages = 1;
  let size = restSize(new CborReader(raw.firstRest));
  const firstStretch = stretch(page);
  if (!inGap(page)) run = { first: page, last: page, firstRest: raw.firstRest, from: 0, to: 0, pages: 1, size, stretch: firstStretch };
  const r = new CborReader(raw.others);
  while (r.at < raw.others.length) {
    // Within a run, up to the next gap: the entries passed in one walk over their bytes.
    if (run !== null && passed < sorted.length) {
      const walked = { page, size: 0 };
      const n = r.skipPageEntries(Infinity, walked, sorted[passed]![0]);
      if (n > 0) {
        page = walked.page;
        pages += n;
        size += walked.size;
        run.last = page;
        run.to = r.at;
        run.pages += n;
        run.size += walked.size;
        if (r.at >= raw.others.length) break;
      }
    }
    r.array();
    page += r.uint();
    const restAt = r.at;
    const entrySize = restSize(r);
    const at = stretch(page);
    const gap = inGap(page);
    if (run && (gap || at !== run.stretch)) end();
    if (page >= pastGaps) {
      // Every page from here on lies past the gaps: one run to the end, counted from the word's totals without reading further.
      run = { first: page, last: raw.last, firstRest: raw.others.subarray(restAt, r.at), from: r.at, to: raw.others.length, pages: raw.pages - pages, size: raw.size - size, stretch: at };
      break;
    }
    pages++;
    size += entrySize;
    if (gap) continue;
    if (run) {
      run.last = page;
      run.to = r.at;
      run.pages++;
      run.size += entrySize;
    } else run = { first: page, last: page, firstRest: raw.others.subarray(restAt, r.at), from: r.at, to: r.at, pages: 1, size: entrySize, stretch: at };
  }
  end();
  return runs;
}

/** Starts a word entry of a chunk: the word and how many pages follow. */
export function encodeWordStart(w: CborWriter, word: string, pages: number): void {
  w.array(3);
  w.text(word);
  w.array(pages);
}

/** Ends a word entry (no diacritic variants: the records are folded already). */
export function encodeWordEnd(w: CborWriter): void {
  w.array(0);
}

/** One page of a word: its number's difference from the previous page's, and its positions (differences too). */
export function encodePage(w: CborWriter, delta: number, locs: ArrayLike<number>): void {
  w.array(3);
  w.uint(delta);
  w.array(locs.length);
  for (let i = 0; i < locs.length; i++) w.uint(locs[i]!);
  w.array(0);
}

/** A word whose pages come from several chunks' RawWords, each part's pages moved up by its offset (in page order). */
export function encodeRawWord(w: CborWriter, word: string, parts: readonly { raw: RawWord; pageOffset: number }[]): void {
  let pages = 0;
  for (const p of parts) pages += p.raw.pages;
  encodeWordStart(w, word, pages);
  let last = 0;
  for (const { raw, pageOffset } of parts) {
    w.array(3);
    w.uint(raw.first + pageOffset - last);
    w.raw(raw.firstRest);
    w.raw(raw.others);
    last = raw.last + pageOffset;
  }
  encodeWordEnd(w);
}

/** A chunk file before gzip: the signature, then `words` word entries (encoded one after another in `body`), in a buffer of its own. */
export function chunkBytes(words: number, body: Uint8Array): Buffer {
  const head = new CborWriter();
  head.array(1);
  head.array(words);
  return Buffer.concat([SIGNATURE, head.bytes(), body]);
}

/**
 * Writes a chunk of `words` word entries (encoded one after another in `body`), named by its
 * content so a browser never keeps a stale one; returns the name. `level` is gzip's: a shard's own
 * chunks are only read by the merge and are written fast. The merge compresses its published
 * chunks itself (./segmented-gzip.ts) and writes them with writeChunkFile.
 */
export function writeChunk(dir: string, words: number, body: Uint8Array, level: number): string {
  return writeChunkFile(dir, gzipSync(chunkBytes(words, body), { level }));
}

/** A chunk's file, compressed already, written under its name (see writeChunk); returns the name. */
export function writeChunkFile(dir: string, file: Uint8Array): string {
  const hash = shortHash(file, 10);
  writeFileSync(join(dir, 'index', `${hash}.pf_index`), file);
  return hash;
}

/** The same, written on libuv's threads. */
export async function writeChunkFileAsync(dir: string, file: Uint8Array): Promise<string> {
  const hash = shortHash(file, 10);
  await writeFile(join(dir, 'index', `${hash}.pf_index`), file);
  return hash;
}

export function writeMeta(dir: string, language: string, meta: PagefindMeta): string {
  const bytes = pack([meta.version, meta.pages.map((p) => [p.hash, p.wordCount, '']), meta.chunks.map((c) => [c.from, c.to, c.hash]), [], [], []]);
  const hash = `${language}_${shortHash(bytes, 11)}`;
  writeFileSync(join(dir, `pagefind.${hash}.pf_meta`), bytes);
  return hash;
}

export function shortHash(bytes: Uint8Array, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

/** Code point order, which is the UTF-8 byte order Pagefind sorts words in. */
export function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral characters) sort after the rest of the BMP in code point order.
      const fx = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
      const fy = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
      return fx - fy;
    }
  }
  return a.length - b.length;
}
