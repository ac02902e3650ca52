/**
 * The merge of shard indexes into one Pagefind index: every position kept, and chunks cut so that
 * Pagefind's choice of chunks for a prefix (pagefind_web request_indexes, replicated below) loads
 * every chunk that holds a word with that prefix.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShard } from '../../src/search/build/build-shard.ts';
import { changedWords, joinChanged, mergeIndexes, type MergeChanges, type MergeOptions, type MergeResult, type MergeShard } from '../../src/search/build/merge-index.ts';
import { compareWords, readChunk, readMeta, type IndexWord, type MetaChunk } from '../../src/search/build/pagefind-format.ts';
import type { SearchRecord } from '../../src/search/records.ts';
import { WINDOW } from '../../src/search/tokenize.ts';

let dir: string;
let seed = 11;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
/** Text from a four-character alphabet: many words share long prefixes. */
const text = (n: number) => Array.from({ length: n }, () => '甲乙丙丁'[Math.floor(rand() * 4)]! + (rand() < 0.1 ? '，' : '')).join('');
const record = (i: number): SearchRecord => ({ id: `r${i}`, url: `reports/r${i}/`, title: `标题${i}`, agency: '某机构', district: null, year: 2023, text: text(60), headerOffset: 60 });

const shards = [0, 1].map((s) => Array.from({ length: 12 }, (_, i) => record(s * 12 + i)));
let merged: { chunks: MetaChunk[]; words: IndexWord[][] };
let expected: Map<string, string>;
let first: MergeResult;
const mergeOptions = { language: 'und', chunkSize: 40, window: WINDOW, pageHash: (p: number) => p.toString(36), wordCount: (_p: number, w: number) => w };
const shardsAt = (second: string) => [
  { dir: join(dir, 's0'), pageOffset: 0 },
  { dir: join(dir, second), pageOffset: 12 },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-merge-'));
  const options = { window: WINDOW, block: 400, chunkSize: 50_000 };
  for (const [i, records] of shards.entries()) buildShard(records, join(dir, `s${i}`), options);
  first = await mergeIndexes(shardsAt('s1'), join(dir, 'out'), mergeOptions);
  const meta = readMeta(join(dir, 'out'));
  merged = { chunks: meta.chunks, words: meta.chunks.map((c) => readChunk(join(dir, 'out'), c.hash)) };
  // What the shards hold, as "word page:positions" lines.
  expected = new Map();
  for (const [i, offset] of [[0, 0], [1, 12]] as const) {
    const shardDir = join(dir, `s${i}`);
    for (const c of readMeta(shardDir).chunks) for (const w of readChunk(shardDir, c.hash, offset)) for (const [p, locs] of w.pages) expected.set(`${w.word} ${p}`, locs.join(','));
  }
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** pagefind_web's request_indexes for one term, on chunk ranges (strings compare by code point). */
function chunksFor(term: string, chunks: readonly MetaChunk[]): Set<string> {
  const le = (a: string, b: string) => compareWords(a, b) <= 0;
  const strict = chunks.filter((c) => le(c.from, term) && le(term, c.to));
  if (strict.length) return new Set(strict.map((c) => c.hash));
  const take = (s: string, n: number) => Array.from(s).slice(0, n).join('');
  const chars = Array.from(term).length;
  return new Set(
    chunks
      .filter((c) => {
        const f = Math.min(chars, Array.from(c.from).length);
        const t = Math.min(chars, Array.from(c.to).length);
        return le(take(c.from, f), take(term, f)) && le(take(term, t), take(c.to, t));
      })
      .map((c) => c.hash),
  );
}

describe('mergeIndexes', () => {
  it('keeps every word, page and position of the shards, pages numbered after each other', () => {
    const got = new Map<string, string>();
    for (const words of merged.words) for (const w of words) for (const [p, locs] of w.pages) got.set(`${w.word} ${p}`, locs.join(','));
    expect(got.size).toBeGreaterThan(500);
    expect(got).toEqual(expected);
    expect([...got.keys()].some((k) => k.endsWith(' 23'))).toBe(true);
  });

  it('writes words in order, each chunk naming its first and last word', () => {
    const all = merged.words.flat().map((w) => w.word);
    expect([...all].sort(compareWords)).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    merged.chunks.forEach((c, i) => {
      expect(c.from).toBe(merged.words[i]![0]!.word);
      expect(c.to).toBe(merged.words[i]!.at(-1)!.word);
    });
    expect(merged.chunks.length).toBeGreaterThan(20);
  });

  it('makes Pagefind load every chunk holding a word of any prefix a query can be', () => {
    const words = merged.words.flatMap((ws, i) => ws.map((w) => ({ word: Array.from(w.word), chunk: merged.chunks[i]!.hash })));
    const prefixes = new Set(words.flatMap(({ word }) => Array.from({ length: Math.min(WINDOW, word.length) }, (_, n) => word.slice(0, n + 1).join(''))));
    let spanning = 0;
    for (const prefix of prefixes) {
      if (prefix.includes('ꙮ')) continue; // a query never holds the run-end mark
      const holding = new Set(words.filter(({ word }) => word.join('').startsWith(prefix)).map((w) => w.chunk));
      if (holding.size > 1) spanning++;
      const loaded = chunksFor(prefix, merged.chunks);
      for (const c of holding) expect(loaded.has(c), `${prefix} needs chunk ${c}`).toBe(true);
    }
    expect(spanning).toBeGreaterThan(5); // prefixes whose words span several chunks were tested
  });
});

describe('mergeIndexes of many shards', () => {
  it('joins each word of every shard, its pages in shard order, whichever shards have it', async () => {
    // Five shards of different sizes; each shard's words overlap the others' in every combination.
    const sizes = [3, 7, 1, 5, 4];
    const dirs: { dir: string; pageOffset: number }[] = [];
    let offset = 0;
    for (const [i, n] of sizes.entries()) {
      const dirOf = join(dir, `many${i}`);
      buildShard(Array.from({ length: n }, (_, k) => record(100 + offset + k)), dirOf, { window: WINDOW, block: 400, chunkSize: 50_000 });
      dirs.push({ dir: dirOf, pageOffset: offset });
      offset += n;
    }
    await mergeIndexes(dirs, join(dir, 'many'), mergeOptions);
    const want = new Map<string, string>();
    for (const { dir: d, pageOffset } of dirs) for (const c of readMeta(d).chunks) for (const w of readChunk(d, c.hash, pageOffset)) for (const [p, locs] of w.pages) want.set(`${w.word} ${p}`, locs.join(','));
    const meta = readMeta(join(dir, 'many'));
    const words = meta.chunks.flatMap((c) => readChunk(join(dir, 'many'), c.hash));
    const got = new Map<string, string>();
    for (const w of words) for (const [p, locs] of w.pages) got.set(`${w.word} ${p}`, locs.join(','));
    expect(got).toEqual(want);
    expect(meta.pages).toHaveLength(20);
    // In order, each word once, and each word's pages ascending (Pagefind codes them as differences).
    expect(words.map((w) => w.word)).toEqual([...new Set(words.map((w) => w.word))].sort(compareWords));
    for (const w of words) expect(w.pages.map(([p]) => p)).toEqual([...w.pages.map(([p]) => p)].sort((a, b) => a - b));
    expect(words.filter((w) => new Set(w.pages.map(([p]) => dirs.findLastIndex((d) => d.pageOffset <= p))).size >= 4).length).toBeGreaterThan(10);
  });
});

describe('mergeIndexes after an earlier merge', () => {
  /** Every file of a merged index, by name. */
  const files = (out: string) => Object.fromEntries([...readdirSync(join(out, 'index')), ...readdirSync(out).filter((f) => f.endsWith('.pf_meta'))].map((f) => [f, readFileSync(join(out, f.endsWith('.pf_meta') ? '' : 'index', f))]));
  const earlier = () => ({ dir: join(dir, 'out', 'index'), byContent: new Map(Object.entries(first.byContent)) });

  it('links every chunk from it when the shards are the same, and writes the same index', async () => {
    const again = await mergeIndexes(shardsAt('s1'), join(dir, 'again'), { ...mergeOptions, earlier: earlier() });
    expect(again.linked).toBe(first.chunks);
    expect(again.metaHash).toBe(first.metaHash);
    expect(files(join(dir, 'again'))).toEqual(files(join(dir, 'out')));
    const name = merged.chunks[3]!.hash;
    expect(statSync(join(dir, 'again', 'index', `${name}.pf_index`)).ino).toBe(statSync(join(dir, 'out', 'index', `${name}.pf_index`)).ino);
  });

  it('compresses only the chunks whose bytes changed, and writes what a merge without it writes', async () => {
    // The last report of the second shard gets words of a character no other report has, at the end of its text.
    const changed = shards[1]!.map((r, i) => (i === 11 ? { ...r, text: `${r.text}戊戊戊戊` } : r));
    buildShard(changed, join(dir, 's1b'), { window: WINDOW, block: 400, chunkSize: 50_000 });
    const alone = await mergeIndexes(shardsAt('s1b'), join(dir, 'alone'), mergeOptions);
    const linking = await mergeIndexes(shardsAt('s1b'), join(dir, 'linking'), { ...mergeOptions, earlier: earlier() });
    expect(alone.linked).toBe(0);
    expect(linking.linked).toBeGreaterThan(alone.chunks / 2);
    expect(linking.linked).toBeLessThan(alone.chunks);
    expect(linking.metaHash).toBe(alone.metaHash);
    expect(linking.byContent).toEqual(alone.byContent);
    expect(files(join(dir, 'linking'))).toEqual(files(join(dir, 'alone')));
  });

  it('compresses a whole merge on worker threads to the same files, also beside chunks it links', async () => {
    const pooled = await mergeIndexes(shardsAt('s1'), join(dir, 'pooled'), { ...mergeOptions, gzipWorkers: 2 });
    expect(pooled.linked).toBe(0);
    expect(pooled.metaHash).toBe(first.metaHash);
    expect(files(join(dir, 'pooled'))).toEqual(files(join(dir, 'out')));
    // The second shard changed (the test before): its changed chunks compressed by the workers, the rest linked.
    const linking = await mergeIndexes(shardsAt('s1b'), join(dir, 'pooled-linking'), { ...mergeOptions, earlier: earlier(), gzipWorkers: 2 });
    expect(linking.linked).toBeGreaterThan(0);
    expect(linking.linked).toBeLessThan(linking.chunks);
    expect(files(join(dir, 'pooled-linking'))).toEqual(files(join(dir, 'alone')));
  });

  it('compresses a chunk again when the file it would be linked from is gone', async () => {
    const gone = merged.chunks[0]!.hash;
    rmSync(join(dir, 'out', 'index', `${gone}.pf_index`));
    const again = await mergeIndexes(shardsAt('s1'), join(dir, 'broken'), { ...mergeOptions, earlier: earlier() });
    expect(again.linked).toBe(first.chunks - 1);
    expect(again.metaHash).toBe(first.metaHash);
    expect(files(join(dir, 'broken'))).toEqual(files(join(dir, 'again')));
    expect(Object.keys(files(join(dir, 'broken')))).toContain(`${gone}.pf_index`);
  });
});

describe('mergeIndexes around the changed words', () => {
  const files = (out: string) => Object.fromEntries([...readdirSync(join(out, 'index')), ...readdirSync(out).filter((f) => f.endsWith('.pf_meta'))].map((f) => [f, readFileSync(join(out, f.endsWith('.pf_meta') ? '' : 'index', f))]));
  const shardOptions = { window: WINDOW, block: 400, chunkSize: 50_000 };
  /** Four shards of eight reports; the earlier merge of them, with its chunks' list. */
  const base = () => Array.from({ length: 4 }, (_, s) => Array.from({ length: 8 }, (_, i) => record(200 + s * 8 + i)));
  const build = (records: SearchRecord[][], name: string) =>
    records.map((rs, s) => {
      const d = join(dir, `${name}-${s}`);
      buildShard(rs, d, shardOptions);
      return { dir: d, pageOffset: s * 8 };
    });
  const edits: ((t: string) => string)[] = [
    (t) => `${t}甲乙`, // words added at the end of a page
    (t) => `丁${t}`, // every position of the page moves
    (t) => t.slice(0, 20) + t.slice(30), // words removed from the middle
    () => text(90), // a page written anew
    (t) => t.replace(/甲/g, '乙'), // one character everywhere
    (t) => t.slice(0, 5), // most words of a page gone
    (t) => t.slice(40), // the start of a page gone
    (t) => t.replace(/丙丁/g, ''), // a pair gone wherever it is
    (t) => t.replace(/乙/g, ''), // one character gone everywhere
  ];

  /** `after` merged whole and around `words` from the earlier merge (in `earlierOut`): both write the same files. */
  const mergeBothWays = async (after: MergeShard[], earlierOut: string, earlier: MergeResult, words: MergeChanges, options: MergeOptions, name: string) => {
    const whole = await mergeIndexes(after, join(dir, `${name}-whole`), options);
    const around = await mergeIndexes(after, join(dir, `${name}-part`), {
      ...options,
      earlier: { dir: join(earlierOut, 'index'), byContent: new Map(Object.entries(earlier.byContent)), chunks: earlier.chunkList },
      changed: words,
    });
    expect(files(join(dir, `${name}-part`))).toEqual(files(join(dir, `${name}-whole`)));
    return { whole, around };
  };

  // Chunk sizes from a few words (as in the tests above) to many: where a chunk ends is decided by
  // looking ahead at the words after it, which an edit may change.
  it.each([30, 70, 150, 400])('writes exactly what merging every word writes, for edits of one report and of several shards, reading only around them (chunks of %i)', async (chunkSize) => {
    const records = base();
    const before = build(records, 'around-0');
    const earlierOut = join(dir, `around-earlier-${chunkSize}`);
    const earlierResult = await mergeIndexes(before, earlierOut, { ...mergeOptions, chunkSize });
    expect(earlierResult.chunks).toBeGreaterThan(4);
    let kept = 0;
    let restated = 0;
    for (const [n, edit] of edits.entries()) {
      // Edit report (n + 3) % 8 of shard n % 4, and for the last edits a report of the next shard too.
      const edited = (s: number) => s === n % 4 || (n >= 3 && s === (n + 1) % 4);
      const changed = records.map((rs, s) => rs.map((r, i) => (i === (n + 3) % 8 && edited(s) ? { ...r, text: edit(r.text) } : r)));
      const after = build(changed, `around-${n + 1}`);
      // Only the edited shards: the merge takes the others' pages from the earlier merge.
      const words = joinChanged(after.flatMap((a, s) => (edited(s) ? [{ shard: s, words: changedWords(before[s]!.dir, a.dir) }] : [])));
      expect(words.resized.length + words.restated.length, `edit ${n}`).toBeGreaterThan(0);
      const options = { ...mergeOptions, chunkSize };
      const whole = await mergeIndexes(after, join(dir, `around-whole-${chunkSize}-${n}`), options);
      const around = await mergeIndexes(after, join(dir, `around-part-${chunkSize}-${n}`), {
        ...options,
        earlier: { dir: join(earlierOut, 'index'), byContent: new Map(Object.entries(earlierResult.byContent)), chunks: earlierResult.chunkList },
        changed: words,
      });
      expect(around.metaHash, `edit ${n}`).toBe(whole.metaHash);
      expect(around.chunkList, `edit ${n}`).toEqual(whole.chunkList);
      expect(around.byContent, `edit ${n}`).toEqual(whole.byContent);
      expect(files(join(dir, `around-part-${chunkSize}-${n}`)), `edit ${n}`).toEqual(files(join(dir, `around-whole-${chunkSize}-${n}`)));
      expect(around.kept, `edit ${n}`).toBeLessThan(whole.chunks);
      // The same, taking the earlier merge's chunk files over, as a build does (it removes that
      // merge after its own): the same files, none of the earlier ones left over, and the earlier folder gone.
      const taken = join(dir, `around-taken-${chunkSize}-${n}`);
      cpSync(join(earlierOut, 'index'), taken, { recursive: true });
      const taking = await mergeIndexes(after, join(dir, `around-take-${chunkSize}-${n}`), {
        ...options,
        earlier: { dir: taken, byContent: new Map(Object.entries(earlierResult.byContent)), chunks: earlierResult.chunkList, takeOver: true },
        changed: words,
      });
      expect(taking.chunkList, `edit ${n}`).toEqual(whole.chunkList);
      expect(files(join(dir, `around-take-${chunkSize}-${n}`)), `edit ${n}`).toEqual(files(join(dir, `around-whole-${chunkSize}-${n}`)));
      expect(existsSync(taken), `edit ${n}`).toBe(false);
      kept += around.kept;
      restated += around.restated;
    }
    // Chunks were taken without reading the shards' words in them (in so small an index an edit
    // touches many of them; at 10,000 reports one edit changed 3 to 5 of 2,623), and chunks
    // holding only moved positions were written again within their earlier bounds.
    expect(kept).toBeGreaterThan(0);
    expect(restated).toBeGreaterThan(0);
  });

  it('reads, of the earlier merge, only the chunks it writes again when only positions moved', async () => {
    const records = base();
    const before = build(records, 'moved-only-0');
    const earlierOut = join(dir, 'moved-only-earlier');
    const earlierResult = await mergeIndexes(before, earlierOut, { ...mergeOptions, chunkSize: 70 });
    // The page's comma-separated runs in reverse order: the same words, each as often, at other positions.
    const reversed = records.map((rs, s) => rs.map((r, i) => (s === 2 && i === 5 ? { ...r, text: r.text.split('，').reverse().join('，') } : r)));
    const after = build(reversed, 'moved-only-1');
    const words = joinChanged([{ shard: 2, words: changedWords(before[2]!.dir, after[2]!.dir) }]);
    expect(words.resized).toEqual([]);
    expect(words.restated.length).toBeGreaterThan(10);
    const { around } = await mergeBothWays(after, earlierOut, earlierResult, words, { ...mergeOptions, chunkSize: 70 }, 'moved-only');
    expect(around.restated).toBeGreaterThan(1);
    expect(around.restated).toBeLessThan(around.chunks);
    expect(around.kept).toBe(around.chunks - around.restated);
    // Each chunk written again within its bounds reads its own earlier chunk, not the next one too.
    expect(around.earlierRead).toBe(around.restated);
  });

  it('copies most gzip segments of a large restated chunk from its earlier file, and writes what merging every word writes', async () => {
    // 4,000 reports, each 16 runs of 甲乙丙丁 repeated after a few 戊: the few words (windows) they
    // make are in every report about 50 times, so each one's entry is a chunk of its own far larger
    // than a gzip segment (8 to 64 KB), as the words every report has are in a large archive.
    const runs = () => Array.from({ length: 16 }, () => '戊'.repeat(Math.floor(rand() * 4)) + '甲乙丙丁'.repeat(1 + Math.floor(rand() * 5))).join('，');
    const many = Array.from({ length: 4 }, (_, s) => Array.from({ length: 1000 }, (_, i) => ({ ...record(1000 + s * 1000 + i), text: runs() })));
    const buildOne = (records: SearchRecord[], name: string, s: number) => {
      const d = join(dir, name);
      buildShard(records, d, shardOptions);
      return { dir: d, pageOffset: s * 1000 };
    };
    const options = { ...mergeOptions, chunkSize: 20_000 };
    const before = many.map((rs, s) => buildOne(rs, `large-0-${s}`, s));
    const earlierOut = join(dir, 'large-earlier');
    const earlierResult = await mergeIndexes(before, earlierOut, options);
    const sizes = readdirSync(join(earlierOut, 'index')).map((f) => gunzipSync(readFileSync(join(earlierOut, 'index', f))).length);
    expect(Math.max(...sizes)).toBeGreaterThan(150_000);
    // Report 500 of shard 2 with its runs in reverse order: the same words, each as often, at other positions.
    const edited = many[2]!.map((r, i) => (i === 500 ? { ...r, text: r.text.split('，').reverse().join('，') } : r));
    const after = before.map((b, s) => (s === 2 ? buildOne(edited, 'large-1-2', s) : b));
    const words = joinChanged([{ shard: 2, words: changedWords(before[2]!.dir, after[2]!.dir) }]);
    expect(words.resized).toEqual([]);
    const { whole, around } = await mergeBothWays(after, earlierOut, earlierResult, words, options, 'large');
    expect(around.chunkList).toEqual(whole.chunkList);
    expect(around.restated).toBeGreaterThan(5);
    // Written afresh, no segment is copied; around the edit, most are.
    expect(whole.segments).toEqual({ copied: 0, total: 0 });
    expect(around.segments.total).toBeGreaterThan(around.restated * 5);
    expect(around.segments.copied).toBeGreaterThan(around.segments.total / 2);
  });

  it('names the words of a shard that differ between two versions of it, and none for the same shard', () => {
    const records = base()[0]!;
    const a = join(dir, 'words-a');
    const b = join(dir, 'words-b');
    buildShard(records, a, shardOptions);
    buildShard(records.map((r, i) => (i === 2 ? { ...r, text: `${r.text}戊己` } : r)), b, shardOptions);
    expect(changedWords(a, a)).toEqual({ resized: [], restated: [] });
    const { resized, restated } = changedWords(a, b);
    expect(resized).toEqual([...resized].sort(compareWords));
    // Every word with the new characters (no other report has them), and not every word of the shard.
    const all = readMeta(b).chunks.flatMap((c) => readChunk(b, c.hash)).map((w) => w.word);
    const added = all.filter((w) => /[戊己]/.test(w));
    expect(added.length).toBeGreaterThan(1);
    for (const w of added) expect(resized).toContain(w);
    expect(resized.length).toBeLessThan(all.length / 2);
    // Added at the end of the page: no position before them moved.
    expect(restated).toEqual([]);
  });

  it('tells the words whose positions moved from those whose size changed', () => {
    const records = base()[1]!;
    const a = join(dir, 'moved-a');
    const b = join(dir, 'moved-b');
    buildShard(records, a, shardOptions);
    // Two characters at the start of report 3: every later position of its page moves by two.
    buildShard(records.map((r, i) => (i === 3 ? { ...r, text: `戊己${r.text}` } : r)), b, shardOptions);
    const { resized, restated } = changedWords(a, b);
    expect(restated).toEqual([...restated].sort(compareWords));
    const before = new Map(readMeta(a).chunks.flatMap((c) => readChunk(a, c.hash)).map((w) => [w.word, w]));
    const after = readMeta(b).chunks.flatMap((c) => readChunk(b, c.hash));
    const size = (w: { pages: [number, number[]][] }) => w.pages.reduce((n, [, locs]) => n + 1 + locs.filter((l) => l >= 0).length, 0);
    // Decoded on their own: a word in one version only or of another size is resized; one of the same size with other pages or positions is restated.
    const afterBy = new Map(after.map((w) => [w.word, w]));
    const want = { resized: [] as string[], restated: [] as string[] };
    for (const word of new Set([...before.keys(), ...afterBy.keys()])) {
      const [old, now] = [before.get(word), afterBy.get(word)];
      if (!old || !now || size(old) !== size(now)) want.resized.push(word);
      else if (JSON.stringify(old.pages) !== JSON.stringify(now.pages)) want.restated.push(word);
    }
    // Only words of report 3 changed.
    for (const word of [...want.resized, ...want.restated]) expect((afterBy.get(word) ?? before.get(word))!.pages.some(([p]) => p === 3), word).toBe(true);
    expect(restated.length).toBeGreaterThan(10);
    expect(new Set(restated)).toEqual(new Set(want.restated));
    expect(new Set(resized)).toEqual(new Set(want.resized));
  });
});

describe('compareWords', () => {
  it('orders by code point, as Pagefind (UTF-8 bytes) does', () => {
    const words = ['𠀀', '\uffe5', '甲', 'a', '甲乙', 'ꙮ'];
    expect([...words].sort(compareWords)).toEqual([...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});
