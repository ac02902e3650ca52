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
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

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

function unpack(path: string): Uint8Array {
  const raw = gunzipSync(readFileSync(path));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path} 不是 Pagefind 索引文件`);
  return raw.subarray(SIGNATURE.length);
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

/** Pagefind's measure of a chunk's size: positions plus one per page. */
export const wordSize = (w: IndexWord) => w.pages.reduce((n, [, locs]) => n + locs.length + 1, 0);

/** Writes a chunk named by its content (so a browser never keeps a stale one); returns the name. */
export function writeChunk(dir: string, words: readonly IndexWord[]): string {
  const encoded = words.map((w) => {
    let last = 0;
    const pages = w.pages.map(([page, locs]) => {
      const delta = page - last;
      last = page;
      return [delta, locs, []];
    });
    return [w.word, pages, []];
  });
  const bytes = pack([encoded]);
  const hash = shortHash(bytes, 10);
  writeFileSync(join(dir, 'index', `${hash}.pf_index`), bytes);
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
