/**
 * A shard's index written again from an earlier build of the same shard when only some of its
 * pages changed (the same reports in the same order): the earlier index's words with the changed
 * pages' entries taken out and their new ones put in, cut into chunks as ./shard-index.ts cuts
 * them. The files are byte for byte those a build of every page writes
 * (tests/search/shard-patch.test.ts).
 *
 * Why: after one report changed, building its shard of 500 again read every report's text into
 * windows (about 0.2 s) and sorted every position (0.15 s) for the words of one page. Here only
 * the changed pages are read, and the earlier index's entries without a changed page are copied
 * as bytes: a shard of 500 generated reports with one changed took 160–172 ms in a fresh process
 * instead of 393–434 ms; in a one-report rebuild at 10,000 reports, 150–235 ms instead of
 * 430–480 ms on its thread (bench/README.md).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysed } from '../tokenize.ts';
import { indexWords } from '../tokenize.ts';
import { CborReader, CborWriter } from './cbor-bytes.ts';
import { compareWords, encodeRawWord, rawWordOutside, readChunkBytes, readMeta, readRawWord, writeChunk, writeMeta, type MetaChunk, type RawWord } from './pagefind-format.ts';

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

/** A page's entry of one word, as a RawWord of that page alone (its positions coded as Pagefind codes them); `w`: a writer to use (it is reset). */
function pageEntry(w: CborWriter, word: string, page: number, positions: readonly number[]): RawWord {
  w.reset();
  w.array(positions.length);
  let last = 0;
  for (const p of positions) {
    w.uint(p - last);
    last = p;
  }
  w.array(0);
  return { word, pages: 1, size: positions.length + 1, first: page, last: page, firstRest: w.bytes().slice(), others: new Uint8Array(0) };
}

/** The words of the changed pages in compareWords order, each with its new entries in page order. */
function newEntries(changed: ReadonlyMap<number, Pick<Analysed, 'chars' | 'runStart'>>, window: number): { word: string; entries: RawWord[] }[] {
  const byWord = new Map<string, RawWord[]>();
  const writer = new CborWriter();
  for (const page of [...changed.keys()].sort((a, b) => a - b)) {
    const positions = new Map<string, number[]>();
    indexWords(changed.get(page)!, window).forEach((word, i) => {
      const list = positions.get(word);
      if (list) list.push(i);
      else positions.set(word, [i]);
    });
    for (const [word, list] of positions) {
      const entries = byWord.get(word);
      const entry = pageEntry(writer, word, page, list);
      if (entries) entries.push(entry);
      else byWord.set(word, [entry]);
    }
  }
  return [...byWord].sort(([a], [b]) => compareWords(a, b)).map(([word, entries]) => ({ word, entries }));
}

export interface ShardPatchOptions {
  language: string;
  window: number;
  /** The shard's chunk size (ShardIndexWriteOptions.chunkSize), which the earlier build was cut with too. */
  chunkSize: number;
}

/**
 * Writes into `dir` the index of the shard in `earlierDir` with the pages of `changed` (page
 * number → its new analysed text) replaced; every other page is as it was there. Returns the
 * words whose entries differ from the earlier build's, in word order: what the merge would
 * otherwise find by reading both builds whole (changedWords in ./merge-index.ts).
 */
export function patchShardIndex(earlierDir: string, dir: string, changed: ReadonlyMap<number, Pick<Analysed, 'chars' | 'runStart'>>, options: ShardPatchOptions): { resized: string[]; restated: string[] } {
  const meta = readMeta(earlierDir);
  for (const page of changed.keys()) if (!(page >= 0 && page < meta.pages.length)) throw new RangeError(`搜索分片 ${earlierDir} 没有第 ${page} 页`);
  const gaps = [...changed.keys()].map((page) => [page, page + 1] as const);
  const added = newEntries(changed, options.window);
  mkdirSync(join(dir, 'index'), { recursive: true });

  const chunks: MetaChunk[] = [];
  const cbor = new CborWriter();
  let count = 0;
  let size = 0;
  // The chunk's first and last word, as UTF-8 (decoded only for the meta file).
  let first: Uint8Array = new Uint8Array(0);
  let last: Uint8Array = first;
  const flush = () => {
    chunks.push({ from: utf8Text.decode(first), to: utf8Text.decode(last), hash: writeChunk(dir, count, cbor.bytes(), 0) });
    cbor.reset();
    count = 0;
    size = 0;
  };
  /** A word's entry is in the chunk: as ShardIndex.write cuts, after the word that reaches the size. */
  const placed = (word: Uint8Array, wordSize: number) => {
    if (!count) first = word;
    last = word;
    count++;
    size += wordSize;
    if (size >= options.chunkSize) flush();
  };
  const resized: string[] = [];
  const restated: string[] = [];
  /**
   * A word with a changed page, in the earlier build (`old`: its entry and size) or not; as
   * changedWords (./merge-index.ts) would find comparing the two builds: resized when it is new,
   * gone or of another size, restated when only its bytes differ.
   */
  const put = (word: string, bytes: Uint8Array, parts: RawWord[], old?: { entry: Uint8Array; size: number }) => {
    if (!parts.length) {
      if (old) resized.push(word);
      return;
    }
    if (parts.length > 1) parts.sort((x, y) => x.first - y.first);
    const from = cbor.length;
    encodeRawWord(cbor, word, parts.map((raw) => ({ raw, pageOffset: 0 })));
    const wordSize = parts.reduce((n, p) => n + p.size, 0);
    if (!old || old.size !== wordSize) resized.push(word);
    else if (Buffer.compare(cbor.bytes().subarray(from), old.entry) !== 0) restated.push(word);
    placed(bytes, wordSize);
  };
  const addedBytes = added.map((w) => utf8.encode(w.word));
  const isChanged = new Uint8Array(meta.pages.length);
  for (const page of changed.keys()) isChanged[page] = 1;

  let a = 0;
  for (const chunk of meta.chunks) {
    const path = join(earlierDir, 'index', `${chunk.hash}.pf_index`);
    const r = new CborReader(readChunkBytes(earlierDir, chunk.hash));
    if (r.array() !== 1) throw new Error(`${path} 不是 Pagefind 索引块`);
    for (let w = r.array(); w > 0; w--) {
      // The entry is read as bytes: most words have no changed page and are copied as they are.
      const start = r.at;
      r.array();
      const word = r.textBytes();
      const pageCount = r.array();
      let wordSize = pageCount;
      let page = 0;
      let touched = false;
      for (let k = 0; k < pageCount; k++) {
        r.array();
        page += r.uint();
        if (isChanged[page]) touched = true;
        for (let l = r.array(); l > 0; l--) if (r.int() >= 0) wordSize++;
        r.array();
      }
      r.array();
      for (; a < added.length && Buffer.compare(addedBytes[a]!, word) < 0; a++) put(added[a]!.word, addedBytes[a]!, [...added[a]!.entries]);
      const same = a < added.length && Buffer.compare(addedBytes[a]!, word) === 0;
      if (!touched && !same) {
        cbor.raw(r.bytes.subarray(start, r.at));
        placed(word, wordSize);
        continue;
      }
      const raw = readRawWord(new CborReader(r.bytes, start), path);
      const parts = rawWordOutside(raw, gaps);
      if (same) parts.push(...added[a++]!.entries);
      put(raw.word, word, parts, { entry: r.bytes.subarray(start, r.at), size: wordSize });
    }
  }
  for (; a < added.length; a++) put(added[a]!.word, addedBytes[a]!, [...added[a]!.entries]);
  if (count) flush();

  const pages = meta.pages.map((p, page) => ({ hash: p.hash, wordCount: changed.get(page)?.chars.length ?? p.wordCount }));
  writeMeta(dir, options.language, { version: meta.version, pages, chunks });
  return { resized, restated };
}
