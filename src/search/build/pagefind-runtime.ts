/**
 * Pagefind's search runtime — pagefind.js, pagefind-worker.js, the wasm search engine and the
 * characters its query parser keeps (include_characters) — is embedded in Pagefind's binary.
 * The index itself is written by our own code (./shard-index.ts, ./merge-index.ts), so the
 * runtime is taken from one tiny real Pagefind run: the site ships Pagefind's own client of the
 * pinned version, never a copy of ours.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_LANGUAGE } from './pagefind-format.ts';

/** The runtime's files in a Pagefind bundle (its UI bundles are not used by the search page). */
export const RUNTIME_FILE = /^pagefind(?:-worker)?\.js$|^wasm\..*\.pagefind$/;

/** What ./merge-index.ts's caller puts beside the merged index. */
export interface PagefindRuntime {
  files: string[];
  includeCharacters: string[];
}

const ENTRY = 'runtime.json';

/** Runs Pagefind on one record and keeps its runtime files in `dir` (with runtime.json). */
export async function writePagefindRuntime(dir: string): Promise<void> {
  const run = join(dir, 'run');
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('; ')}`);
    const added = await index.addCustomRecord({ url: '/', content: 'pagefind', language: INDEX_LANGUAGE });
    if (added.errors.length) throw new Error(`Pagefind 拒绝了记录：${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: run });
    if (written.errors.length) throw new Error(`Pagefind 写文件失败：${written.errors.join('; ')}`);
  } finally {
    await pagefind.close(); // the Pagefind process ends here, before any shard is indexed
  }
  const files = readdirSync(run).filter((f) => RUNTIME_FILE.test(f));
  if (!files.includes('pagefind.js') || !files.some((f) => f.startsWith('wasm.'))) throw new Error(`Pagefind 没有写出检索程序（${run}）`);
  for (const f of files) cpSync(join(run, f), join(dir, f));
  const entry = JSON.parse(readFileSync(join(run, 'pagefind-entry.json'), 'utf8')) as { include_characters?: string[] };
  const runtime: PagefindRuntime = { files, includeCharacters: entry.include_characters ?? [] };
  writeFileSync(join(dir, ENTRY), JSON.stringify(runtime));
  rmSync(run, { recursive: true, force: true });
}

export function readPagefindRuntime(dir: string): PagefindRuntime {
  return JSON.parse(readFileSync(join(dir, ENTRY), 'utf8')) as PagefindRuntime;
}
