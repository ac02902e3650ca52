/**
 * One shard of the search index, in reports' order: its Pagefind index (./shard-index.ts), a
 * display block file per block of each report (r/<page>-<block>.dat, see ../display.ts) and the
 * list of its pages (pages.json), which the merge reads.
 *
 * Given each report's key and an earlier build of the shard, a report whose key is unchanged
 * takes its block files from the earlier build as hard links instead of writing them again:
 * after one report changed, a shard of 420 reports wrote 2,100 block files (0.5–1.0 s) for the
 * few of that one report, and the output, which keeps files of the same inode
 * (./index-parts.ts), then links again only those. When the earlier build has the same reports
 * in the same order and at most half of them changed, its index is patched with the changed pages' words
 * (./shard-patch.ts) instead of every page being read into words again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { displayBlocks, positionsBefore } from '../display.ts';
import type { SearchRecord } from '../records.ts';
import { analyse, type Analysed } from '../tokenize.ts';
import { linkFile } from './link-file.ts';
import { INDEX_LANGUAGE } from './pagefind-format.ts';
import { ShardIndex } from './shard-index.ts';
import { patchShardIndex } from './shard-patch.ts';

/**
 * Beside a shard patched from its earlier build: that build's folder name (its digest in the
 * cache) and the words whose entries differ from it, which the merge then need not find by
 * reading both builds whole (../build/build-search-index.ts).
 */
export const CHANGED_WORDS = 'changed-words.json';
export interface ChangedSince {
  earlier: string;
  resized: string[];
  restated: string[];
}

/** What the merge needs to know of each page of a shard, in page order (pages.json). */
export interface ShardPage {
  id: string;
  agency: string;
  district: string | null;
  /** Its number of display blocks. */
  blocks: number;
  /** What its blocks are made from (BlockReuse.keys), when the shard was built with keys. */
  key?: string;
}

/** Display blocks taken from an earlier build of the shard (see the top of this file). */
export interface BlockReuse {
  /**
   * Each record's key, in records' order: a digest of everything its blocks are made from (its
   * record and the code and settings that make blocks), so one key always means the same blocks.
   */
  keys: readonly string[];
  /** The folder of an earlier build of this shard, or null. */
  earlier: string | null;
}

export interface ShardBuildOptions {
  window: number;
  block: number;
  /** Entries per chunk of the shard's own index: large, since the merge cuts the chunks again. */
  chunkSize: number;
  /** The shard's id, for the error that names a record it lacks. */
  name?: string;
}

/** Milliseconds spent on each part of a shard (what the benchmark prints). */
export interface ShardTimings {
  /** Reading the text into positions and numbering each position's window word. */
  words: number;
  blocks: number;
  /** Sorting the postings (or patching the earlier build's, ./shard-patch.ts) and writing the index chunks and meta file. */
  index: number;
  /** Pages read into words: every page, or only the changed ones when the earlier build's index was patched. */
  pagesRead: number;
}

/**
 * A page of a shard as given to buildShard: its search record, or only its id when the record is
 * not needed (see pagesNeedingRecords): the build then makes the records of the changed reports
 * alone, not of the 500 of their shard.
 */
export type ShardEntry = SearchRecord | { id: string };

const recordOf = (entry: ShardEntry): SearchRecord | null => ('text' in entry ? entry : null);

/** The earlier build's pages (its pages.json), or null without one. */
function earlierPages(earlier: string | null | undefined): ShardPage[] | null {
  const pagesFile = earlier ? join(earlier, 'pages.json') : null;
  return pagesFile && existsSync(pagesFile) ? (JSON.parse(readFileSync(pagesFile, 'utf8')) as ShardPage[]) : null;
}

/** The earlier build's pages by key, with where their block files are. */
function earlierBlocks(earlier: string, pages: readonly ShardPage[]): Map<string, { dir: string; page: number; blocks: number }> {
  const found = new Map<string, { dir: string; page: number; blocks: number }>();
  const dir = join(earlier, 'r');
  pages.forEach((p, page) => {
    if (p.key !== undefined && Number.isInteger(p.blocks)) found.set(p.key, { dir, page, blocks: p.blocks });
  });
  return found;
}

/**
 * The pages whose key differs from the earlier build's at the same place, when the earlier build
 * has the same reports in the same order and at most half of them changed; otherwise null. Only
 * then is the earlier index patched (./shard-patch.ts) instead of every page indexed again.
 */
function changedPages(ids: readonly string[], keys: readonly string[] | undefined, before: readonly ShardPage[] | null): Set<number> | null {
  if (!keys || !before || before.length !== ids.length) return null;
  const changed = new Set<number>();
  for (let page = 0; page < ids.length; page++) {
    if (before[page]!.id !== ids[page]) return null;
    if (before[page]!.key === undefined || before[page]!.key !== keys[page]) changed.add(page);
  }
  return changed.size <= ids.length / 2 ? changed : null;
}

/**
 * The pages of a shard (by place) whose search record buildShard needs, given their ids and keys
 * and the folder of the shard's earlier build: when it patches that build (see changedPages), the
 * changed pages and those whose block files are gone from it; otherwise null: every page. The
 * build asks before it makes the records (../build/build-search-index.ts: reportsToIndex).
 */
export function pagesNeedingRecords(ids: readonly string[], keys: readonly string[], earlier: string | null): Set<number> | null {
  const before = earlierPages(earlier);
  const changed = changedPages(ids, keys, before);
  if (!changed) return null;
  let files: Set<string>;
  try {
    files = new Set(readdirSync(join(earlier!, 'r')));
  } catch {
    return null;
  }
  // As linkBlocks takes them (earlierBlocks): a page without a count of blocks has none to lend.
  before!.forEach((p, page) => {
    if (!Number.isInteger(p.blocks)) changed.add(page);
    for (let k = 0; k < p.blocks && !changed.has(page); k++) if (!files.has(`${page}-${k}.dat`)) changed.add(page);
  });
  return changed;
}

/**
 * The error of a page whose record buildShard needs but was not given: the shard, or its earlier
 * build or block files, left the cache after the build asked which records it needs (reportsToIndex).
 */
const missingRecord = (shard: string | undefined, id: string) =>
  new Error(`搜索索引分片${shard ? ` ${shard} ` : ''}不在缓存中（或其上次的索引、展示块已不全），且没有报告“${id}”的检索记录；请重新构建`);

/** Links a page's block files from an earlier build; false (and nothing left behind) when one is missing. */
function linkBlocks(from: { dir: string; page: number; blocks: number }, blocksDir: string, page: number): boolean {
  const linked: string[] = [];
  try {
    for (let k = 0; k < from.blocks; k++) {
      const target = join(blocksDir, `${page}-${k}.dat`);
      linkFile(join(from.dir, `${from.page}-${k}.dat`), target);
      linked.push(target);
    }
    return true;
  } catch {
    for (const target of linked) rmSync(target, { force: true });
    return false;
  }
}

export function buildShard(entries: readonly ShardEntry[], outDir: string, options: ShardBuildOptions, reuse?: BlockReuse): ShardTimings {
  if (reuse && reuse.keys.length !== entries.length) throw new Error(`搜索分片：${entries.length} 份报告，却有 ${reuse.keys.length} 个键`);
  rmSync(outDir, { recursive: true, force: true });
  const blocksDir = join(outDir, 'r');
  mkdirSync(blocksDir, { recursive: true });
  const timings: ShardTimings = { words: 0, blocks: 0, index: 0, pagesRead: 0 };
  const before = earlierPages(reuse?.earlier);
  const earlier = before ? earlierBlocks(reuse!.earlier!, before) : new Map<string, { dir: string; page: number; blocks: number }>();
  // With the earlier build's index patched, only the changed pages are read into words.
  const patch = changedPages(entries.map((e) => e.id), reuse?.keys, before);
  const index = patch ? null : new ShardIndex(options.window);
  const changed = new Map<number, Analysed>();
  const pages: ShardPage[] = entries.map((entry, page) => {
    let t = performance.now();
    const read = !patch || patch.has(page);
    const r = recordOf(entry);
    if (read && !r) throw missingRecord(options.name, entry.id);
    const a = read ? analyse(r!.text) : null;
    if (a) timings.pagesRead++;
    if (a && index) index.addPage(a);
    else if (a) changed.set(page, a);
    timings.words += performance.now() - t;
    t = performance.now();
    const key = reuse?.keys[page];
    const prior = key === undefined ? undefined : earlier.get(key);
    let blocks: number;
    if (prior && linkBlocks(prior, blocksDir, page)) blocks = prior.blocks;
    else if (!r) throw missingRecord(options.name, entry.id);
    else {
      const source = { url: r.url, title: r.title, agency: r.agency, district: r.district, year: r.year };
      const analysed = a ?? analyse(r.text);
      const made = displayBlocks(source, analysed, positionsBefore(analysed, r.headerOffset), options.block);
      made.forEach((block, k) => {
        // Level 6: for these blocks the same deflate stream as level 9 (only the header's level byte
        // differs; measured on 2,122 blocks of 420 reports) in 0.6 of the time.
        writeFileSync(join(blocksDir, `${page}-${k}.dat`), gzipSync(JSON.stringify(block), { level: 6 }));
      });
      blocks = made.length;
    }
    timings.blocks += performance.now() - t;
    // A page given without its record is unchanged since the earlier build (same place, same key): its agency and district too.
    const { agency, district } = r ?? before![page]!;
    return { id: entry.id, agency, district, blocks, ...(key === undefined ? {} : { key }) };
  });
  const t = performance.now();
  if (index) index.write(outDir, { language: INDEX_LANGUAGE, chunkSize: options.chunkSize });
  else {
    const words = patchShardIndex(reuse!.earlier!, outDir, changed, { language: INDEX_LANGUAGE, window: options.window, chunkSize: options.chunkSize });
    writeFileSync(join(outDir, CHANGED_WORDS), JSON.stringify({ earlier: basename(reuse!.earlier!), ...words } satisfies ChangedSince));
  }
  writeFileSync(join(outDir, 'pages.json'), JSON.stringify(pages));
  timings.index = performance.now() - t;
  return timings;
}
