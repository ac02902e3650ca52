/**
 * Merges the shards' Pagefind indexes into one Pagefind index, reading and writing one chunk at
 * a time (memory does not grow with the archive).
 *
 * Why one index: the search page then loads one meta file and, per looked-up word, one chunk —
 * with one index per shard it loads every shard's meta and at least one chunk per shard for every
 * word (measured: bench/search/README.md).
 *
 * Why we cut the chunks ourselves: Pagefind loads, for a word typed as a prefix, only the chunk
 * whose range holds that prefix when one does, so words of the prefix in later chunks were never
 * seen (one year of the benchmark: 政务 found 485 of 1,666 reports). Here a group of words sharing
 * a prefix of fewer than WINDOW characters either fits in the rest of the current chunk or starts
 * a new one; a prefix of a group that spans chunks then lies before every chunk's range, and
 * Pagefind falls back to loading every chunk whose range overlaps the prefix, which is all of them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CborWriter } from './cbor-bytes.ts';
import { linkFile } from './link-file.ts';
import { chunkBytes, compareWords, encodeRawWord, readMeta, readRawChunk, writeChunkAsync, writeMeta, PAGEFIND_VERSION, type MetaChunk, type MetaPage, type RawWord } from './pagefind-format.ts';

/**
 * gzip level of the published chunks: 4 is 3 to 4 times as fast as Pagefind's 6 on these chunks,
 * for 1.3–2.1 % more bytes (5: twice as fast, 0.6 %; measured at 10,000 and 50,000 reports:
 * bench/search/README.md). The merge is what a one-report rebuild waits for.
 */
const GZIP_LEVEL = 4;
/** Chunks being compressed and written on libuv's threads while the next ones are merged. */
const IN_FLIGHT = 4;

export interface MergeShard {
  dir: string;
  /** Where this shard's pages start in the merged index. */
  pageOffset: number;
}

/**
 * The chunks of an earlier merge, written by the same code: a chunk whose bytes before gzip are
 * the same as one of these is linked from it instead of compressed and written again. After one
 * report changed, most chunks are (at 10,000 reports, after the benchmark's one-sentence edit,
 * 2,396 to 2,620 of 2,623), and compressing them was most of the merge that a one-report rebuild
 * waits for. Only the chunks holding that report's words after the edit differ.
 */
export interface EarlierChunks {
  /** Its index/ folder. */
  dir: string;
  /** contentDigest of each chunk's bytes before gzip → the chunk's hash (its file name). */
  byContent: ReadonlyMap<string, string>;
}

/** What a chunk is known by before it is compressed. */
const contentDigest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

export interface MergeOptions {
  language: string;
  /** Target chunk size, in Pagefind's units (positions + pages). */
  chunkSize: number;
  /** Prefix groups shorter than this many characters are kept whole (the tokenizer's WINDOW). */
  window: number;
  /** The hash each merged page is known by (the search page maps it back to the report). */
  pageHash: (page: number) => string;
  /** Word count each page is ranked with. */
  wordCount: (page: number, original: number) => number;
  earlier?: EarlierChunks | null;
}

export interface MergeResult {
  metaHash: string;
  pages: number;
  chunks: number;
  /** Of them, linked from the earlier merge. */
  linked: number;
  /** contentDigest → hash of every chunk written: an EarlierChunks of this merge for the next one. */
  byContent: Record<string, string>;
}

/** Words of one shard in order, a chunk at a time. */
function* shardWords(shard: MergeShard, chunks: readonly MetaChunk[]): Generator<RawWord> {
  for (const c of chunks) yield* readRawChunk(shard.dir, c.hash);
}

/** A word of the merged index: its pages in each shard that has it, in page order. */
interface MergedWord {
  word: string;
  parts: { raw: RawWord; pageOffset: number }[];
  size: number;
}

/** Words of all shards in order, each word's pages from every shard joined (in page order). */
function* mergedWords(shards: readonly MergeShard[], metas: readonly { chunks: MetaChunk[] }[]): Generator<MergedWord> {
  const heads = shards.map((s, i) => {
    const it = shardWords(s, metas[i]!.chunks);
    return { it, word: it.next() };
  });
  for (;;) {
    let min: string | null = null;
    for (const h of heads) if (!h.word.done && (min === null || compareWords(h.word.value.word, min) < 0)) min = h.word.value.word;
    if (min === null) return;
    const parts: MergedWord['parts'] = [];
    let size = 0;
    heads.forEach((h, i) => {
      if (!h.word.done && h.word.value.word === min) {
        parts.push({ raw: h.word.value, pageOffset: shards[i]!.pageOffset });
        size += h.word.value.size;
        h.word = h.it.next();
      }
    });
    yield { word: min, parts, size };
  }
}

/** A stream that can be looked ahead into. */
class Lookahead {
  private readonly source: Iterator<MergedWord>;
  private readonly buffer: { word: MergedWord; size: number; chars: string[] }[] = [];
  private head = 0;
  private done = false;

  constructor(source: Iterator<MergedWord>) {
    this.source = source;
  }

  peek(i: number) {
    while (this.buffer.length - this.head <= i && !this.done) {
      const next = this.source.next();
      if (next.done) this.done = true;
      else this.buffer.push({ word: next.value, size: next.value.size, chars: Array.from(next.value.word) });
    }
    return this.buffer[this.head + i];
  }

  shift() {
    const item = this.peek(0);
    this.head++;
    if (this.head > 4096) {
      this.buffer.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }
}

const sharedPrefix = (a: readonly string[], b: readonly string[]) => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

/** Links an earlier merge's chunk into this one; false when that file is gone (it is then written again). */
function linkEarlier(earlierDir: string, outDir: string, hash: string): boolean {
  try {
    linkFile(join(earlierDir, `${hash}.pf_index`), join(outDir, 'index', `${hash}.pf_index`));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

export async function mergeIndexes(shards: readonly MergeShard[], outDir: string, options: MergeOptions): Promise<MergeResult> {
  mkdirSync(join(outDir, 'index'), { recursive: true });
  const metas = shards.map((s) => readMeta(s.dir));
  const pages: MetaPage[] = [];
  metas.forEach((m, i) => {
    if (pages.length !== shards[i]!.pageOffset) throw new Error(`分片 ${shards[i]!.dir} 的页码起点应为 ${pages.length}`);
    for (const p of m.pages) {
      const n = pages.length;
      pages.push({ hash: options.pageHash(n), wordCount: options.wordCount(n, p.wordCount) });
    }
  });

  const stream = new Lookahead(mergedWords(shards, metas));
  const chunks: MetaChunk[] = [];
  const names = new Set<string>();
  const cbor = new CborWriter();
  let count = 0;
  let from = '';
  let to = '';
  let size = 0;
  let previous: string[] | null = null;
  const writing = new Set<Promise<void>>();
  const byContent: Record<string, string> = {};
  let linked = 0;
  const named = (chunk: MetaChunk, digest: string, hash: string) => {
    if (names.has(hash)) throw new Error(`两个索引块同名：${hash}`);
    names.add(hash);
    chunk.hash = hash;
    byContent[digest] = hash;
  };
  const flush = async () => {
    if (!count) return;
    const chunk: MetaChunk = { from, to, hash: '' };
    chunks.push(chunk);
    const bytes = chunkBytes(count, cbor.bytes());
    cbor.reset();
    count = 0;
    size = 0;
    const digest = contentDigest(bytes);
    const known = options.earlier?.byContent.get(digest);
    if (known && linkEarlier(options.earlier!.dir, outDir, known)) {
      named(chunk, digest, known);
      linked++;
      return;
    }
    const written = writeChunkAsync(outDir, bytes, GZIP_LEVEL).then((hash) => named(chunk, digest, hash));
    writing.add(written);
    void written.then(() => writing.delete(written), () => undefined);
    if (writing.size >= IN_FLIGHT) await Promise.race(writing);
  };

  for (let item = stream.shift(); item; item = stream.shift()) {
    if (count && previous) {
      let boundary = size >= options.chunkSize;
      const level = sharedPrefix(previous, item.chars) + 1; // the widest prefix group starting here
      if (!boundary && level < options.window && level < item.chars.length) {
        // Does the group of words starting with this prefix fit in the rest of the chunk?
        const prefix = item.chars.slice(0, level);
        let group = item.size;
        for (let i = 0; size + group <= options.chunkSize; i++) {
          const next = stream.peek(i);
          if (!next || sharedPrefix(prefix, next.chars) < level) break;
          group += next.size;
        }
        boundary = size + group > options.chunkSize;
      }
      if (boundary) await flush();
    }
    encodeRawWord(cbor, item.word.word, item.word.parts);
    if (!count) from = item.word.word;
    to = item.word.word;
    count++;
    size += item.size;
    previous = item.chars;
  }
  await flush();
  await Promise.all(writing);

  const metaHash = writeMeta(outDir, options.language, { version: PAGEFIND_VERSION, pages, chunks });
  return { metaHash, pages: pages.length, chunks: chunks.length, linked, byContent };
}
