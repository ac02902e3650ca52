/**
 * The shard index written by our own code (src/search/build/shard-index.ts, through buildShard)
 * against the real Pagefind 1.6 indexing the same records (./helpers/pagefind-shard.ts): for the
 * five sample reports, 300 generated ones and a record of awkward characters, every word has the
 * same pages (as report ids) and positions, words come in the same order, and every page has the
 * same word count.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate/corpus.ts';
import { loadRegistry } from '../../src/node/load-registry.ts';
import { readReport, reportFromBytes } from '../../src/node/read-report.ts';
import { buildShard, type ShardPage } from '../../src/search/build/build-shard.ts';
import { compareWords, readChunk, readMeta, type IndexWord } from '../../src/search/build/pagefind-format.ts';
import { searchRecord, type SearchRecord } from '../../src/search/records.ts';
import { analyse, indexWords, WINDOW } from '../../src/search/tokenize.ts';
import { ROOT, SAMPLES } from '../helpers/paths.ts';
import { pagefindShard } from './helpers/pagefind-shard.ts';

const CHUNK = 3000; // small, so both indexes have many chunks
/** Pagefind's measure of a word's size in a chunk: positions plus one per page. */
const wordSize = (w: IndexWord) => w.pages.reduce((n, [, locs]) => n + locs.length + 1, 0);
let dir: string;
let records: SearchRecord[];

/** A shard as report id → word count, and "word" → "report id" → absolute positions. */
interface ReadShard {
  words: string[];
  wordCount: Map<string, number>;
  postings: Map<string, Map<string, number[]>>;
}

function readShard(shardDir: string, idOf: (page: number) => string): ReadShard {
  const meta = readMeta(shardDir);
  const wordCount = new Map(meta.pages.map((p, page) => [idOf(page), p.wordCount]));
  const words: string[] = [];
  const postings = new Map<string, Map<string, number[]>>();
  for (const chunk of meta.chunks) {
    for (const { word, pages } of readChunk(shardDir, chunk.hash)) {
      words.push(word);
      const byId = new Map<string, number[]>();
      for (const [page, locs] of pages) {
        let at = 0;
        byId.set(idOf(page), locs.map((d) => (at += d)));
      }
      postings.set(word, byId);
    }
  }
  return { words, wordCount, postings };
}

let ours: ReadShard;
let theirs: ReadShard;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-shard-index-'));
  const registry = loadRegistry(join(ROOT, 'content', 'agencies.yaml'));
  const samples = await Promise.all(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readReport(join(SAMPLES, f), { registry })));
  const generated = [];
  for await (const { entry, bytes } of generateReports(300, 'shard-index')) generated.push(await reportFromBytes(`/corpus/${entry.file}`, bytes, { root: '/corpus' }));
  records = [...samples, ...generated].map(searchRecord);
  // Astral characters (sorted after the rest of the BMP), characters that fold to several
  // positions (㎡, ½), accents, Latin and digits, lone characters between punctuation.
  const odd = '𠀀𠀁大𠀂 数据 ㎡½ Café naïve ÅSTRÖM 2023年 ﬁ 丨、乙。甲ꙮ乙 \uffe5100 𝟘𝟙 ǅ İstanbul';
  records.push({ id: 'zz-odd', url: 'reports/zz-odd/', title: '字符', agency: '某机构', district: null, year: 2023, text: `${odd}\n字符\n某机构`, headerOffset: odd.length + 1 });
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // as planShards orders a shard
  expect(new Set(records.map((r) => r.id)).size).toBe(records.length);

  buildShard(records, join(dir, 'ours'), { window: WINDOW, block: 400, chunkSize: CHUNK });
  const pages = JSON.parse(readFileSync(join(dir, 'ours', 'pages.json'), 'utf8')) as ShardPage[];
  ours = readShard(join(dir, 'ours'), (page) => pages[page]!.id);
  const pagefindIds = await pagefindShard(records, join(dir, 'pagefind'), { window: WINDOW, chunkSize: CHUNK });
  theirs = readShard(join(dir, 'pagefind'), (page) => pagefindIds[page]!);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shard index written without Pagefind', () => {
  it('numbers pages in the records’ order, with pages.json naming them', () => {
    const pages = JSON.parse(readFileSync(join(dir, 'ours', 'pages.json'), 'utf8')) as ShardPage[];
    expect(pages.map((p) => p.id)).toEqual(records.map((r) => r.id));
    expect(readMeta(join(dir, 'ours')).pages).toHaveLength(records.length);
  });

  it('gives every page the word count Pagefind gives it', () => {
    expect(ours.wordCount.size).toBe(306);
    expect(ours.wordCount).toEqual(theirs.wordCount);
    for (const r of records) expect(ours.wordCount.get(r.id)).toBe(indexWords(analyse(r.text)).length);
  });

  it('holds the words Pagefind holds, in Pagefind’s order', () => {
    expect(ours.words.length).toBeGreaterThan(10_000);
    expect(ours.words).toEqual(theirs.words);
    expect([...ours.words].sort(compareWords)).toEqual(ours.words);
    expect(ours.words).toContain('𠀀𠀁大𠀂');
    expect(ours.words).toContain('m212');
  });

  it('gives every word the reports and positions Pagefind gives it', () => {
    let positions = 0;
    for (const [word, byId] of theirs.postings) {
      expect(ours.postings.get(word), word).toEqual(byId);
      for (const locs of byId.values()) positions += locs.length;
    }
    expect(ours.postings.size).toBe(theirs.postings.size);
    expect(positions).toBe([...ours.wordCount.values()].reduce((a, b) => a + b, 0));
  });

  it('writes chunks of about the size asked for, each named by its first and last word', () => {
    const chunks = readMeta(join(dir, 'ours')).chunks;
    expect(chunks.length).toBeGreaterThan(20);
    chunks.forEach((c, i) => {
      const words = readChunk(join(dir, 'ours'), c.hash);
      expect([words[0]!.word, words.at(-1)!.word]).toEqual([c.from, c.to]);
      if (i < chunks.length - 1) expect(words.reduce((n, w) => n + wordSize(w), 0)).toBeGreaterThanOrEqual(CHUNK);
    });
  });
});
