/**
 * The test oracle for ../../../src/search/build/shard-index.ts: the same records indexed by a real
 * Pagefind 1.6 process (Node API `createIndex` / `addCustomRecord` / `writeFiles`), as the build
 * did before it wrote the shard indexes itself. Each record's content is its window words joined
 * by spaces, in language `und`, so Pagefind neither segments nor stems them.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { INDEX_LANGUAGE, readMeta } from '../../../src/search/build/pagefind-format.ts';
import type { SearchRecord } from '../../../src/search/records.ts';
import { analyse, indexWords } from '../../../src/search/tokenize.ts';

/** Pagefind writes each page's fragment as gzip("pagefind_dcd" + JSON). */
function fragmentUrl(path: string): string {
  const bytes = gunzipSync(readFileSync(path));
  if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${path} 不是 Pagefind 的页面文件`);
  return (JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string }).url;
}

/**
 * Indexes the records with Pagefind into `outDir` (chunks of `chunkSize` entries); returns the
 * report id of each of Pagefind's pages, in Pagefind's page order.
 */
export async function pagefindShard(records: readonly SearchRecord[], outDir: string, options: { window: number; chunkSize: number }): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.chunkSize);
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('; ')}`);
    for (let i = 0; i < records.length; i += 32) {
      await Promise.all(
        records.slice(i, i + 32).map(async (record) => {
          const content = indexWords(analyse(record.text), options.window).join(' ');
          const added = await index.addCustomRecord({ url: `/${record.id}/`, content, language: INDEX_LANGUAGE });
          if (added.errors.length) throw new Error(`Pagefind 拒绝了报告 ${record.id}：${added.errors.join('; ')}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind 写索引失败：${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
  return readMeta(outDir).pages.map(({ hash }) => fragmentUrl(join(outDir, 'fragment', `${hash}.pf_fragment`)).slice(1, -1));
}
