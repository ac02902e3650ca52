/**
 * One shard through Pagefind: its records go into a fresh Pagefind process, which writes the
 * index and is then stopped, so its memory is returned before the next shard starts. Pagefind's
 * fragments (the index windows, unreadable) are replaced by our display blocks, named by the
 * page's number in the shard (r/<page>-<block>.dat), and a list of the pages (pages.json); files
 * the search page does not load (Pagefind's UI bundles) are not kept.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { displayBlocks } from '../display.ts';
import { readMeta } from './pagefind-format.ts';
import { analyse, indexWords } from '../tokenize.ts';
import type { SearchRecord } from '../records.ts';

/** The language every record is indexed as: one Pagefind does not segment or stem. */
export const INDEX_LANGUAGE = 'und';

/** Files of a Pagefind bundle the search page never loads. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** What the merge needs to know of each page of a shard, in Pagefind's page order (pages.json). */
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

/** Pagefind writes each page's fragment as gzip("pagefind_dcd" + JSON). */
function readFragment(path: string): { url: string } {
  const bytes = gunzipSync(readFileSync(path));
  if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${path} 不是 Pagefind 的页面文件`);
  return JSON.parse(bytes.subarray(12).toString('utf8'));
}

export async function buildShard(records: readonly SearchRecord[], outDir: string, options: ShardBuildOptions): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.chunkSize);
  const byUrl = new Map<string, SearchRecord>();
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('; ')}`);
    // Records go in a few at a time: Pagefind indexes them in parallel, and the pipe stays short.
    const batch = 32;
    for (let i = 0; i < records.length; i += batch) {
      await Promise.all(
        records.slice(i, i + batch).map(async (record) => {
          const url = `/${record.id}/`;
          byUrl.set(url, record);
          const content = indexWords(analyse(record.text), options.window).join(' ');
          const added = await index.addCustomRecord({ url, content, language: INDEX_LANGUAGE });
          if (added.errors.length) throw new Error(`Pagefind 拒绝了报告 ${record.id}：${added.errors.join('; ')}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind 写索引失败：${written.errors.join('; ')}`);
  } finally {
    await pagefind.close(); // stops the Pagefind process: its memory goes back before the next shard
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }

  // Pagefind numbers pages in its meta file; each page's fragment says which report it is.
  const fragments = join(outDir, 'fragment');
  const blocksDir = join(outDir, 'r');
  mkdirSync(blocksDir, { recursive: true });
  const pages: ShardPage[] = readMeta(outDir).pages.map(({ hash }, local) => {
    const r = byUrl.get(readFragment(join(fragments, `${hash}.pf_fragment`)).url);
    if (!r) throw new Error(`Pagefind 的页面 ${hash} 不对应任何报告`);
    byUrl.delete(`/${r.id}/`);
    const a = analyse(r.text);
    const headerStart = analyse(r.text.slice(0, r.headerOffset)).chars.length;
    displayBlocks({ url: r.url, title: r.title, agency: r.agency, district: r.district, year: r.year }, a, headerStart, options.block).forEach((block, k) => {
      writeFileSync(join(blocksDir, `${local}-${k}.dat`), gzipSync(JSON.stringify(block), { level: 9 }));
    });
    return { id: r.id, agency: r.agency, district: r.district };
  });
  if (byUrl.size) throw new Error(`Pagefind 漏掉了 ${byUrl.size} 篇报告：${[...byUrl.keys()].slice(0, 5).join(', ')}`);
  writeFileSync(join(outDir, 'pages.json'), JSON.stringify(pages));
  rmSync(fragments, { recursive: true, force: true });
  for (const file of readdirSync(outDir)) if (UNUSED.test(file)) rmSync(join(outDir, file));
}
