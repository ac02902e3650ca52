/**
 * A shard built again from its earlier build after some of its reports changed (the earlier
 * index patched with the changed pages' words, src/search/build/shard-patch.ts) against the same
 * shard built from every page: the same files, byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate/corpus.ts';
import { reportFromBytes } from '../../src/node/read-report.ts';
import { buildShard, CHANGED_WORDS, type ChangedSince, type ShardTimings } from '../../src/search/build/build-shard.ts';
import { changedWords } from '../../src/search/build/merge-index.ts';
import { readChunk, readMeta } from '../../src/search/build/pagefind-format.ts';
import { patchShardIndex } from '../../src/search/build/shard-patch.ts';
import { searchRecord, type SearchRecord } from '../../src/search/records.ts';
import { analyse, WINDOW } from '../../src/search/tokenize.ts';

const OPTIONS = { window: WINDOW, block: 400, chunkSize: 3000 }; // small chunks: many of them
let dir: string;
let records: SearchRecord[];

/** Every file of a shard's folder (the index, meta and pages.json; block files by name) with its bytes. */
function filesOf(shard: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(shard, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(shard, path)).toString('base64'));
    }
  };
  walk('');
  return files;
}

/** A patched shard's files without the record of what it changed (which a full build has no reason to write). */
function indexFilesOf(shard: string): Map<string, string> {
  const files = filesOf(shard);
  files.delete(CHANGED_WORDS);
  return files;
}

/** The words the patch recorded as changed, against what comparing the two builds whole finds. */
function expectChangedWords(name: string, patched: string): void {
  const recorded = JSON.parse(readFileSync(join(patched, CHANGED_WORDS), 'utf8')) as ChangedSince;
  expect(recorded.earlier).toBe('earlier');
  const found = changedWords(join(dir, name, 'earlier'), patched);
  expect(found.resized.length + found.restated.length).toBeGreaterThan(0);
  expect({ resized: recorded.resized, restated: recorded.restated }).toEqual(found);
}

/** A key per record, as the build makes one: the same record, the same key. */
const keysOf = (rs: readonly SearchRecord[]) => rs.map((r) => `${r.id}:${r.text.length}:${r.text}`);

/** Builds `after` twice: from every page, and from the shard of `before` (built first); returns both folders and the patched build's timings. */
function buildBoth(name: string, before: SearchRecord[], after: SearchRecord[]): { fresh: string; patched: string; timings: ShardTimings } {
  const earlier = join(dir, name, 'earlier');
  buildShard(before, earlier, OPTIONS, { keys: keysOf(before), earlier: null });
  const fresh = join(dir, name, 'fresh');
  buildShard(after, fresh, OPTIONS, { keys: keysOf(after), earlier: null });
  const patched = join(dir, name, 'patched');
  const timings = buildShard(after, patched, OPTIONS, { keys: keysOf(after), earlier });
  return { fresh, patched, timings };
}

const withText = (r: SearchRecord, text: string): SearchRecord => ({ ...r, text, headerOffset: Math.min(r.headerOffset, text.length) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-shard-patch-'));
  records = [];
  for await (const { entry, bytes } of generateReports(40, 'shard-patch')) records.push(searchRecord(await reportFromBytes(`/corpus/${entry.file}`, bytes, { root: '/corpus' })));
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a shard patched from its earlier build', () => {
  it('is the shard built from every page when a sentence is inserted in one report', () => {
    const after = [...records];
    const r = after[7]!;
    const at = r.text.indexOf('\n') + 1;
    after[7] = withText(r, `${r.text.slice(0, at)}本报告经本机关审核后发布，如有更正将另行公告。\n${r.text.slice(at)}`);
    const { fresh, patched, timings } = buildBoth('inserted', records, after);
    expect(timings.pagesRead).toBe(1);
    const files = filesOf(fresh);
    expect(files.size).toBeGreaterThan(40);
    expect(indexFilesOf(patched)).toEqual(files);
    expectChangedWords('inserted', patched);
    // The change is in the index: the new words are there, on that page.
    const meta = readMeta(patched);
    const words = meta.chunks.flatMap((c) => readChunk(patched, c.hash));
    expect(words.find((w) => w.word === '另行公告')?.pages.map(([page]) => page)).toContain(7);
  });

  it('is the shard built from every page when reports lose words, gain new ones and the first and last change', () => {
    const after = [...records];
    // The first report loses its chapters' text, keeping its header fields.
    after[0] = withText(after[0]!, after[0]!.text.slice(after[0]!.headerOffset));
    // A word no other report has, alone on its page and shared by two.
    after[3] = withText(after[3]!, `${after[3]!.text}\n鼋鼍蛟龙`);
    after[4] = withText(after[4]!, `鼋鼍蛟龙\n${after[4]!.text}`);
    after[after.length - 1] = withText(after[after.length - 1]!, after[after.length - 1]!.text.replaceAll('政府信息', '政务信息'));
    const { fresh, patched, timings } = buildBoth('several', records, after);
    expect(timings.pagesRead).toBe(4);
    expect(indexFilesOf(patched)).toEqual(filesOf(fresh));
    expectChangedWords('several', patched);
    const words = readMeta(patched).chunks.flatMap((c) => readChunk(patched, c.hash));
    expect(words.find((w) => w.word === '鼋鼍蛟龙')?.pages.map(([page]) => page)).toEqual([3, 4]);
  });

  it('reads every page again when more than half changed, or the reports differ', () => {
    const many = records.map((r, i) => (i % 3 !== 0 ? withText(r, `${r.text}\n新增一句`) : r));
    const manyBuilt = buildBoth('many', records, many);
    expect(manyBuilt.timings.pagesRead).toBe(records.length);
    expect(filesOf(manyBuilt.patched)).toEqual(filesOf(manyBuilt.fresh));
    const fewer = records.slice(1);
    const fewerBuilt = buildBoth('fewer', records, fewer);
    expect(fewerBuilt.timings.pagesRead).toBe(fewer.length);
    expect(filesOf(fewerBuilt.patched)).toEqual(filesOf(fewerBuilt.fresh));
  });

  it('refuses a page the earlier shard does not have', () => {
    const earlier = join(dir, 'inserted', 'earlier');
    expect(() => patchShardIndex(earlier, join(dir, 'refused'), new Map([[records.length, analyse('文字')]]), { language: 'und', window: WINDOW, chunkSize: 3000 })).toThrow(/没有第 40 页/);
  });
});
