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
 *
 * After one report changed, only the chunks near the words it changed can differ from the last
 * merge's: those are merged again and the rest are linked from the last merge (or taken over
 * with its folder, EarlierChunks.takeOver) without reading the shards' words in them
 * (mergeAround). The words merged again are read from the last merge's
 * chunks with the changed shards' pages taken out and their new pages put in, not from every
 * shard (a chunk of every shard held a range 24 times as wide). At 10,000 reports, after the
 * benchmark's edit (a sentence inserted, which moves every later position of its report), the
 * merge took 2.5–3.0 s reading every shard around 542 chunks; cut only near the 21 words whose
 * size changed, and written again within their bounds where only positions moved (202 chunks),
 * from the last merge's chunks, it takes 1.4–1.5 s (a whole merge: 6.4–7.0 s, the same day).
 * A chunk written again is gzipped in segments cut by its content (./segmented-gzip.ts), and the
 * segments away from its changed bytes are copied from its earlier file, not compressed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CborWriter } from './cbor-bytes.ts';
import { linkFile } from './link-file.ts';
import { WordHeap } from './word-heap.ts';
import { chunkBytes, compareWords, encodeRawWord, rawWordOutside, readMeta, readRawChunkFile, writeChunkFile, writeChunkFileAsync, writeMeta, PAGEFIND_VERSION, type MetaChunk, type MetaPage, type RawChunk, type RawWord } from './pagefind-format.ts';
import { GzipPool } from './gzip-pool.ts';
import { gzipSegments, gzipSegmentsAsync, type EarlierGzip } from './segmented-gzip.ts';

/**
 * gzip level of the published chunks: 4 is 3 to 4 times as fast as Pagefind's 6 on these chunks,
 * for 1.3–2.1 % more bytes (5: twice as fast, 0.6 %; measured at 10,000 and 50,000 reports:
 * bench/search/README.md). The merge is what a one-report rebuild waits for.
 */
const GZIP_LEVEL = 4;
/** Chunks being compressed and written on libuv's threads while the next ones are merged. */
const IN_FLIGHT = 4;
/** Chunks written on the merge's own thread between turns of the event loop (about 30 ms). */
const YIELD_EVERY = 8;

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
  /**
   * Its chunks in order, when known: with the words whose entries may differ from it
   * (MergeOptions.changed), the merge reads the shards only around those words and takes the
   * other chunks as they are (see mergeIndexes).
   */
  chunks?: readonly MergedChunk[];
  /**
   * Whether a merge around the changed words may take its chunk files over, moving its index/
   * folder into its own, instead of linking thousands of them: the caller will not use the earlier
   * merge again (it has marked it incomplete; a build removes it after its own merge anyway).
   */
  takeOver?: boolean;
}

/** A chunk of a merged index: its words' range, file name, bytes' digest before gzip and size (positions + pages). */
export interface MergedChunk {
  from: string;
  to: string;
  hash: string;
  digest: string;
  size: number;
  /**
   * Where each gzip segment of its file ends (./segmented-gzip.ts): the chunk written again after
   * an edit copies the segments away from it. Absent for a chunk linked from a merge whose chunk
   * list was not given (every segment of it is then compressed again when it is written again).
   */
  gz?: number[];
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
  /**
   * The words whose entries may differ from the earlier merge's, when the shards are those of the
   * earlier merge with the same pages each and only some shards changed (see changedWords); null
   * or absent: every word is merged.
   */
  changed?: MergeChanges | null;
  /**
   * Worker threads that compress a whole merge's chunks (./gzip-pool.ts); 0 or absent: libuv's
   * threads, segment by segment, which cost less for a small index than starting workers.
   */
  gzipWorkers?: number;
}

export interface MergeResult {
  metaHash: string;
  pages: number;
  chunks: number;
  /** Of them, linked from the earlier merge. */
  linked: number;
  /** contentDigest → hash of every chunk written: an EarlierChunks of this merge for the next one. */
  byContent: Record<string, string>;
  /** Every chunk in order (EarlierChunks.chunks for the next merge). */
  chunkList: MergedChunk[];
  /** Of the chunks, those taken from the earlier merge without reading the shards' words in them. */
  kept: number;
  /** Of the chunks, those written again within an earlier chunk's bounds (they hold only restated words). */
  restated: number;
  /** How many of the earlier merge's chunks were read (merging around the changed words). */
  earlierRead: number;
  /** Of the restated chunks' gzip segments, how many were copied from their earlier files, and how many there were. */
  segments: { copied: number; total: number };
}

/** The first of `n` places (0 to n) where `after` holds, for an `after` that holds from some place on. */
function firstWhere(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
const sameEntry = (a: RawWord, b: RawWord) => a.pages === b.pages && a.first === b.first && a.last === b.last && sameBytes(a.firstRest, b.firstRest) && sameBytes(a.others, b.others);

/**
 * The words whose merged entries may differ from an earlier merge's, in compareWords order.
 * `resized`: words added, removed, or whose size (positions + pages, what chunk boundaries are
 * decided by) changed: the chunks near them may be cut differently. `restated`: words of the same
 * size whose pages or positions changed (a sentence inserted earlier in a page moves every later
 * position): only the bytes of the chunk holding each one change, not where chunks end.
 */
export interface ChangedWords {
  resized: readonly string[];
  restated: readonly string[];
}

/**
 * The words whose entries differ between two versions of a shard (with the same pages). With the
 * other shards unchanged, these are the only words whose merged entries can differ (for
 * MergeOptions.changed; several shards' are joined by joinChanged).
 */
export function changedWords(before: string, after: string): ChangedWords {
  const [a, b] = [before, after].map((dir) => new ShardCursor(dir, readMeta(dir).chunks));
  const resized: string[] = [];
  const restated: string[] = [];
  let x = a!.next();
  let y = b!.next();
  while (x || y) {
    const order = !x ? 1 : !y ? -1 : compareWords(x.word, y.word);
    if (order < 0) {
      resized.push(x!.word);
      x = a!.next();
    } else if (order > 0) {
      resized.push(y!.word);
      y = b!.next();
    } else {
      if (!sameEntry(x!, y!)) (x!.size === y!.size ? restated : resized).push(x!.word);
      x = a!.next();
      y = b!.next();
    }
  }
  return { resized, restated };
}

/** What changed since an earlier merge of the same shards (each with the same pages): which shards (their places in the merge's list), and the words. */
export interface MergeChanges extends ChangedWords {
  shards: readonly number[];
}

/** The changes of several shards, each shard's words by changedWords: a word resized in one of them is resized. */
export function joinChanged(all: readonly { shard: number; words: ChangedWords }[]): MergeChanges {
  const resized = new Set(all.flatMap((c) => c.words.resized));
  const restated = new Set(all.flatMap((c) => c.words.restated).filter((w) => !resized.has(w)));
  return { shards: all.map((c) => c.shard), resized: [...resized].sort(compareWords), restated: [...restated].sort(compareWords) };
}

/** A word of the merged index: its pages in each shard that has it, in page order. */
interface MergedWord {
  word: string;
  parts: { raw: RawWord; pageOffset: number }[];
  size: number;
}

/**
 * A shard's words in order, read a chunk at a time, that can be moved to the first word not
 * before a given one. Merging around changed words moves every shard's cursor forward from one
 * place to the next, so each chunk of a shard is read at most once (more only when a look ahead
 * went past where the next place starts, in an earlier chunk), and chunks skipped are not read.
 */
class ShardCursor {
  private readonly dir: string;
  private readonly chunks: readonly MetaChunk[];
  /** The chunk `words` holds (chunks.length: past the last). */
  private loaded = -1;
  private words: RawWord[] = [];
  /** The chunk read last, with its bytes. */
  private file: RawChunk | null = null;
  private at = 0;
  /** Chunks read so far. */
  reads = 0;

  constructor(dir: string, chunks: readonly MetaChunk[]) {
    this.dir = dir;
    this.chunks = chunks;
  }

  private load(c: number): void {
    this.file = c < this.chunks.length ? readRawChunkFile(this.dir, this.chunks[c]!.hash) : null;
    this.words = this.file?.words ?? [];
    if (c < this.chunks.length) this.reads++;
    this.loaded = c;
    this.at = 0;
  }

  /** The chunk named `hash` when it is the one read last (its words, bytes and file), else null. */
  loadedFile(hash: string): RawChunk | null {
    return this.loaded >= 0 && this.loaded < this.chunks.length && this.chunks[this.loaded]!.hash === hash ? this.file : null;
  }

  /** To the first word not before `from` (null: the first word). */
  seek(from: string | null): void {
    let c = 0;
    if (from !== null) {
      // From the chunk held when `from` is not before it (the usual case: moving forward).
      if (this.loaded >= 0 && this.loaded < this.chunks.length && compareWords(this.chunks[this.loaded]!.from, from) <= 0) c = this.loaded;
      while (c < this.chunks.length && compareWords(this.chunks[c]!.to, from) < 0) c++;
    }
    if (c !== this.loaded) this.load(c);
    this.at = from === null ? 0 : firstWhere(this.words.length, (i) => compareWords(this.words[i]!.word, from) >= 0);
  }

  next(): RawWord | undefined {
    while (this.at >= this.words.length) {
      if (this.loaded + 1 >= this.chunks.length) return undefined;
      this.load(this.loaded + 1);
    }
    return this.words[this.at++];
  }
}

/** Where merged words come from: a cursor over an index's words, and the parts each of its words gives a merged word (none: it gives nothing). */
interface WordSource {
  cursor: ShardCursor;
  parts: (raw: RawWord) => MergedWord['parts'];
}

/** A shard's words, its pages numbered from its place in the merge. */
const shardSource = (cursor: ShardCursor, pageOffset: number): WordSource => ({ cursor, parts: (raw) => [{ raw, pageOffset }] });

/** An earlier merge's words without the pages in `gaps` (the changed shards' pages, which their new versions give). */
const earlierSource = (cursor: ShardCursor, gaps: readonly (readonly [number, number])[]): WordSource => ({ cursor, parts: (raw) => rawWordOutside(raw, gaps).map((r) => ({ raw: r, pageOffset: 0 })) });

const firstPage = (part: MergedWord['parts'][number]) => part.raw.first + part.pageOffset;

/**
 * Words of all sources in order from where their cursors are, each word's pages from every source
 * joined in page order. A source moves past a word only when the word after it is asked for: a
 * chunk written again within its bounds (restateChunk) then ends without reading the next one.
 */
function* mergedWords(sources: readonly WordSource[]): Generator<MergedWord> {
  type Head = { source: WordSource; at: number; raw: RawWord | undefined; word: string };
  const heads = new WordHeap<Head>();
  /** The source to its next word, back in the heap unless it has none. */
  const advance = (h: Head) => {
    h.raw = h.source.cursor.next();
    if (!h.raw) return;
    h.word = h.raw.word;
    heads.push(h);
  };
  sources.forEach((source, at) => advance({ source, at, raw: undefined, word: '' }));
  const used: Head[] = [];
  for (;;) {
    for (const h of used) advance(h);
    used.length = 0;
    const min = heads.peek()?.word;
    if (min === undefined) return;
    while (heads.peek()?.word === min) used.push(heads.pop()!);
    // In the sources' order, as a scan of them would take them.
    if (used.length > 1) used.sort((a, b) => a.at - b.at);
    const parts: MergedWord['parts'] = [];
    let size = 0;
    for (const h of used) {
      for (const part of h.source.parts(h.raw!)) {
        parts.push(part);
        size += part.raw.size;
      }
    }
    // A word whose every page was in a changed shard that no longer has it.
    if (!parts.length) continue;
    if (parts.length > 1) parts.sort((a, b) => firstPage(a) - firstPage(b));
    yield { word: min, parts, size };
  }
}

/** An earlier chunk's file and bytes, to copy gzip segments from when it is written again. */
type EarlierFile = (chunk: MergedChunk) => EarlierGzip | null;

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

/**
 * Moves an earlier merge's index/ folder to be this merge's, with every chunk file in it (one
 * rename, not a link per chunk: 3,900 of 4,100 chunks at 50,000 reports after one report changed,
 * and as many files for the build to remove with the earlier merge); false where it cannot be
 * moved (this merge's folder then starts empty).
 */
function takeOverChunks(earlierDir: string, indexDir: string): boolean {
  try {
    rmdirSync(indexDir);
    renameSync(earlierDir, indexDir);
    return true;
  } catch {
    mkdirSync(indexDir, { recursive: true });
    return false;
  }
}

/** The names in a folder (none when it is not there). */
function namesIn(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

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

/** Writes a merge's chunks in order: each linked from the earlier merge when it has the same bytes, else compressed and written, a few at a time. */
class ChunkWriter {
  readonly chunks: MergedChunk[] = [];
  readonly byContent: Record<string, string> = {};
  linked = 0;
  kept = 0;
  restated = 0;
  /** Of the restated chunks' gzip segments, those copied from their earlier files, and all. */
  readonly segments = { copied: 0, total: 0 };
  private readonly names = new Set<string>();
  /** The earlier merge's chunks by name: a chunk linked from one keeps its segments' ends. */
  private readonly earlierByName: Map<string, MergedChunk>;
  private readonly writing = new Set<Promise<void>>();

  private readonly outDir: string;
  private readonly earlier: EarlierChunks | null | undefined;
  /**
   * Whether chunks are compressed and written on this thread. A merge around a few changed words
   * writes a few hundred chunks in a build that keeps both cores busy, and handing each to
   * libuv's threads and back cost more CPU than compressing it: at 10,000 reports, after the
   * benchmark's edit, the merge's process used 595 ms of CPU instead of 738 ms (ten runs each,
   * bench/README.md). A whole merge writes thousands of chunks while the next are merged.
   */
  private readonly sync: boolean;
  /** Chunks written on this thread since the event loop last ran. */
  private unyielded = 0;

  /** The earlier chunk files when this merge took them over (see takeOverChunks): they are its own already, not linked. */
  private readonly takenOver: ReadonlySet<string> | null;

  /** Where a whole merge's chunks are compressed, when not on libuv's threads (MergeOptions.gzipWorkers). */
  private readonly pool: GzipPool | null;

  constructor(outDir: string, earlier: EarlierChunks | null | undefined, sync: boolean, takenOver: ReadonlySet<string> | null = null, gzipWorkers = 0) {
    this.pool = !sync && gzipWorkers > 0 ? new GzipPool(gzipWorkers) : null;
    this.takenOver = takenOver;
    this.outDir = outDir;
    this.earlier = earlier;
    this.sync = sync;
    this.earlierByName = new Map(earlier?.chunks?.map((c) => [c.hash, c]));
  }

  /** Puts the earlier merge's chunk of this name into this merge; false when that file is gone. */
  private fromEarlier(hash: string): boolean {
    return this.takenOver ? this.takenOver.has(`${hash}.pf_index`) : linkEarlier(this.earlier!.dir, this.outDir, hash);
  }

  /** Whether this merge has a chunk of this name. */
  has(hash: string): boolean {
    return this.names.has(hash);
  }

  private named(chunk: MergedChunk, hash: string): void {
    if (this.names.has(hash)) throw new Error(`两个索引块同名：${hash}`);
    this.names.add(hash);
    chunk.hash = hash;
    this.byContent[chunk.digest] = hash;
  }

  /** A chunk of the earlier merge, as it is (its file is there: see mergeIndexes). */
  keep(earlier: MergedChunk): void {
    const chunk = { ...earlier, hash: '' };
    this.chunks.push(chunk);
    if (!this.fromEarlier(earlier.hash)) throw new Error(`上次合并的索引块 ${earlier.hash} 不见了`);
    this.named(chunk, earlier.hash);
    this.linked++;
    this.kept++;
  }

  /**
   * A chunk of these bytes (see chunkBytes), linked from the earlier merge when it has them, else
   * compressed, copying what it can from `earlierFile` (the chunk it restates), and written.
   */
  async add(from: string, to: string, size: number, bytes: Uint8Array, earlierFile?: EarlierGzip | null): Promise<void> {
    const chunk: MergedChunk = { from, to, hash: '', digest: contentDigest(bytes), size };
    this.chunks.push(chunk);
    const known = this.earlier?.byContent.get(chunk.digest);
    if (known && this.fromEarlier(known)) {
      this.named(chunk, known);
      const gz = this.earlierByName.get(known)?.gz;
      if (gz) chunk.gz = gz;
      this.linked++;
      return;
    }
    if (this.sync) {
      const file = gzipSegments(bytes, GZIP_LEVEL, earlierFile);
      chunk.gz = file.ends;
      if (earlierFile) {
        this.segments.copied += file.reused;
        this.segments.total += file.ends.length;
      }
      this.named(chunk, writeChunkFile(this.outDir, file.bytes));
      // Now and then the event loop runs: the build's timers (it hands the downloads' recipes to
      // their thread as Astro records them) waited for the whole merge otherwise.
      if (++this.unyielded >= YIELD_EVERY) {
        this.unyielded = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return;
    }
    // Only a whole merge writes here: it has no earlier file of a chunk to copy from.
    const written = (this.pool ? this.pool.gzip(bytes, GZIP_LEVEL) : gzipSegmentsAsync(bytes, GZIP_LEVEL)).then((file) => {
      chunk.gz = file.ends;
      return writeChunkFileAsync(this.outDir, file.bytes).then((hash) => this.named(chunk, hash));
    });
    this.writing.add(written);
    void written.then(() => this.writing.delete(written), () => undefined);
    if (this.writing.size >= IN_FLIGHT) await Promise.race(this.writing);
  }

  done(): Promise<unknown> {
    return Promise.all(this.writing);
  }

  /** Stops the compressing workers, if any (also after a failure: they would keep the process alive). */
  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

/**
 * Cuts the merged words of `stream` into chunks (see the module comment) until the stream ends,
 * or until `stopAt` says that the chunk boundary just reached, before `word`, is where the rest can
 * be taken from the earlier merge. Returns that word, or null when the stream ended.
 */
async function cutChunks(stream: Lookahead, writer: ChunkWriter, options: MergeOptions, stopAt: ((word: string) => boolean) | null): Promise<string | null> {
  const cbor = new CborWriter();
  let count = 0;
  let from = '';
  let to = '';
  let size = 0;
  let previous: string[] | null = null;
  const flush = async () => {
    if (!count) return;
    const bytes = chunkBytes(count, cbor.bytes());
    cbor.reset();
    await writer.add(from, to, size, bytes);
    count = 0;
    size = 0;
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
      if (boundary) {
        await flush();
        if (stopAt?.(item.word.word)) return item.word.word;
      }
    }
    encodeRawWord(cbor, item.word.word, item.word.parts);
    if (!count) from = item.word.word;
    to = item.word.word;
    count++;
    size += item.size;
    previous = item.chars;
  }
  await flush();
  return null;
}

/**
 * Writes again the earlier chunk `earlier` from the merged words of `stream` up to `until` (the
 * next earlier chunk's first word; null: to the end), where only restated words differ: its words
 * and their sizes are the earlier chunk's, so it ends where the whole merge ends it.
 */
async function restateChunk(stream: Lookahead, writer: ChunkWriter, earlier: MergedChunk, until: string | null, earlierFile: EarlierFile): Promise<void> {
  const cbor = new CborWriter();
  let count = 0;
  let to = '';
  let size = 0;
  // Up to its last word, not to the next chunk's first: looking at that word would read the next chunk.
  while (to !== earlier.to) {
    const item = stream.peek(0);
    if (!item || (until !== null && compareWords(item.word.word, until) >= 0)) break;
    stream.shift();
    encodeRawWord(cbor, item.word.word, item.word.parts);
    to = item.word.word;
    count++;
    size += item.size;
  }
  if (to !== earlier.to || size !== earlier.size) throw new Error(`索引块 ${earlier.from}…${earlier.to} 的词或大小与上次合并不同，不能只改写其内容`);
  writer.restated++;
  // Read for its words just now: most of its compressed bytes are copied from it.
  await writer.add(earlier.from, to, size, chunkBytes(count, cbor.bytes()), earlierFile(earlier));
}

/**
 * Merges only around the changed words and takes every other chunk from the earlier merge; the
 * result is the whole merge's, byte for byte. Cutting is what must be redone near a resized word:
 * it starts again at an earlier chunk's first word (where the whole merge starts a chunk afresh
 * too), far enough before the resized word that no boundary before that looked ahead at it (a
 * boundary looks ahead at most `chunkSize` of words), and stops at a boundary that is also one of
 * the earlier merge's, once no resized word is near. Elsewhere an earlier chunk holding a restated
 * word is written again within its own bounds.
 */
async function mergeAround(earlier: readonly MergedChunk[], changed: MergeChanges, wordsFrom: (from: string | null) => Lookahead, earlierFile: EarlierFile, writer: ChunkWriter, options: MergeOptions): Promise<void> {
  const resized = changed.resized;
  const firstWordOf = new Map(earlier.map((c, i) => [c.from, i]));
  /** The earlier chunk whose span (from its first word to the next chunk's) holds `word`. */
  const chunkOf = (word: string) => Math.max(0, firstWhere(earlier.length, (i) => compareWords(earlier[i]!.from, word) > 0) - 1);
  const restatedChunks = new Set(changed.restated.map(chunkOf));
  /** Earlier chunk k as it is, or written again when it holds a restated word. */
  const take = async (k: number) => {
    if (!restatedChunks.has(k)) writer.keep(earlier[k]!);
    else await restateChunk(wordsFrom(earlier[k]!.from), writer, earlier[k]!, earlier[k + 1]?.from ?? null, earlierFile);
  };
  /** Where cutting must start for a resized word in chunk k: more than chunkSize of words before that chunk. */
  const startFor = (k: number) => {
    let j = k;
    for (let before = 0; j > 0 && before <= options.chunkSize; ) before += earlier[--j]!.size;
    return j;
  };
  /** The first resized word not before `word`. */
  const resizedFrom = (word: string) => firstWhere(resized.length, (i) => compareWords(resized[i]!, word) >= 0);
  let at = 0;
  let next = 0;
  while (at < earlier.length) {
    if (next >= resized.length) {
      for (; at < earlier.length; at++) await take(at);
      return;
    }
    const start = Math.max(at, startFor(chunkOf(resized[next]!)));
    for (; at < start; at++) await take(at);
    const stopped = await cutChunks(wordsFrom(start === 0 ? null : earlier[start]!.from), writer, options, (word) => {
      const m = firstWordOf.get(word);
      if (m === undefined || m <= start) return false;
      const n = resizedFrom(word);
      return n >= resized.length || startFor(chunkOf(resized[n]!)) > m;
    });
    if (stopped === null) return;
    at = firstWordOf.get(stopped)!;
    next = resizedFrom(stopped);
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

  const { changed } = options;
  let earlier = options.earlier;
  // Around the changed words only when every earlier chunk is still there to be linked (one
  // listing of its folder, not a look for each of 4,000 files).
  const earlierFiles = changed && earlier?.chunks?.length ? namesIn(earlier.dir) : null;
  const around = earlierFiles && earlier!.chunks!.every((c) => earlierFiles.has(`${c.hash}.pf_index`)) ? earlier!.chunks! : null;
  const indexDir = join(outDir, 'index');
  const takenOver = around !== null && earlier?.takeOver === true && takeOverChunks(earlier.dir, indexDir);
  if (takenOver) earlier = { ...earlier!, dir: indexDir };
  const writer = new ChunkWriter(outDir, earlier, around !== null, takenOver ? earlierFiles : null, options.gzipWorkers);
  // Around them, the words are the earlier merge's with the changed shards' pages taken from
  // their new versions: one chunk of the earlier merge is read where every shard's would be.
  const earlierCursor = around ? new ShardCursor(dirname(earlier!.dir), around) : null;
  const sources = earlierCursor
    ? [
        earlierSource(earlierCursor, changed!.shards.map((i) => [shards[i]!.pageOffset, shards[i]!.pageOffset + metas[i]!.pages.length] as const)),
        ...changed!.shards.map((i) => shardSource(new ShardCursor(shards[i]!.dir, metas[i]!.chunks), shards[i]!.pageOffset)),
      ]
    : shards.map((shard, i) => shardSource(new ShardCursor(shard.dir, metas[i]!.chunks), shard.pageOffset));
  const wordsFrom = (from: string | null) => {
    for (const source of sources) source.cursor.seek(from);
    return new Lookahead(mergedWords(sources));
  };
  // The file of an earlier chunk being restated, as its words were read (null: not at hand, or written without segments).
  const earlierFile: EarlierFile = (chunk) => {
    const read = chunk.gz ? earlierCursor?.loadedFile(chunk.hash) : null;
    return read ? { raw: read.raw, file: read.file, ends: chunk.gz! } : null;
  };
  try {
    if (around) await mergeAround(around, changed!, wordsFrom, earlierFile, writer, options);
    else await cutChunks(wordsFrom(null), writer, options, null);
    await writer.done();
  } finally {
    await writer.close();
  }
  // The earlier chunks this merge does not have.
  if (takenOver) for (const c of around!) if (!writer.has(c.hash)) unlinkSync(join(indexDir, `${c.hash}.pf_index`));

  const chunks: MetaChunk[] = writer.chunks.map(({ from, to, hash }) => ({ from, to, hash }));
  const metaHash = writeMeta(outDir, options.language, { version: PAGEFIND_VERSION, pages, chunks });
  return { metaHash, pages: pages.length, chunks: chunks.length, linked: writer.linked, byContent: writer.byContent, chunkList: writer.chunks, kept: writer.kept, restated: writer.restated, earlierRead: earlierCursor?.reads ?? 0, segments: writer.segments };
}
