/**
 * One shard of the search index, in reports' order: its Pagefind index (./shard-index.ts), a
 * display block file per block of each report (r/<page>-<block>.dat, see ../display.ts) and the
 * list of its pages (pages.json), which the merge reads.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { displayBlocks, positionsBefore } from '../display.ts';
import type { SearchRecord } from '../records.ts';
import { analyse } from '../tokenize.ts';
import { INDEX_LANGUAGE } from './pagefind-format.ts';
import { ShardIndex } from './shard-index.ts';

/** What the merge needs to know of each page of a shard, in page order (pages.json). */
export interface ShardPage {
  id: string;
  agency: string;
  district: string | null;
}

export interface ShardBuildOptions {
  window: number;
  block: number;
  /** Entries per chunk of the shard's own index: large, since the merge cuts the chunks again. */
  chunkSize: number;
}

/** Milliseconds spent on each part of a shard (what the benchmark prints). */
export interface ShardTimings {
  /** Reading the text into positions and numbering each position's window word. */
  words: number;
  blocks: number;
  /** Sorting the postings and writing the index chunks and meta file. */
  index: number;
}

export function buildShard(records: readonly SearchRecord[], outDir: string, options: ShardBuildOptions): ShardTimings {
  rmSync(outDir, { recursive: true, force: true });
  const blocksDir = join(outDir, 'r');
  mkdirSync(blocksDir, { recursive: true });
  const timings: ShardTimings = { words: 0, blocks: 0, index: 0 };
  const index = new ShardIndex(options.window);
  const pages: ShardPage[] = records.map((r, page) => {
    let t = performance.now();
    const a = analyse(r.text);
    index.addPage(a);
    timings.words += performance.now() - t;
    t = performance.now();
    const source = { url: r.url, title: r.title, agency: r.agency, district: r.district, year: r.year };
    displayBlocks(source, a, positionsBefore(a, r.headerOffset), options.block).forEach((block, k) => {
      // Level 6: for these blocks the same deflate stream as level 9 (only the header's level byte
      // differs; measured on 2,122 blocks of 420 reports) in 0.6 of the time.
      writeFileSync(join(blocksDir, `${page}-${k}.dat`), gzipSync(JSON.stringify(block), { level: 6 }));
    });
    timings.blocks += performance.now() - t;
    return { id: r.id, agency: r.agency, district: r.district };
  });
  const t = performance.now();
  index.write(outDir, { language: INDEX_LANGUAGE, chunkSize: options.chunkSize });
  writeFileSync(join(outDir, 'pages.json'), JSON.stringify(pages));
  timings.index = performance.now() - t;
  return timings;
}
