/**
 * One worker thread of a parallel archive read (./parse-in-workers.ts): reads, parses and caches
 * the files it is sent, and sends each entry back with its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyRegistry } from '../core/model/registry.ts';
import { ParseCache } from './parse-cache.ts';
import { readEntry } from './read-archive.ts';

export interface ParseWorkerData {
  dir: string;
  registry: AgencyRegistry | undefined;
  registryDigest: string;
  /** The parse cache's folder, or null when the read is not cached. */
  cacheDir: string | null;
}

export type ParseWorkerRequest = { index: number; path: string }[];
export type ParseWorkerReply = { index: number; entry: Awaited<ReturnType<typeof readEntry>> }[] | { error: string };

const { dir, registry, registryDigest, cacheDir } = workerData as ParseWorkerData;
const cache = cacheDir === null ? undefined : new ParseCache<never>(cacheDir);

parentPort!.on('message', async (batch: ParseWorkerRequest) => {
  try {
    const reply: ParseWorkerReply = [];
    for (const { index, path } of batch) reply.push({ index, entry: await readEntry(path, dir, registry, registryDigest, cache) });
    await cache?.flush();
    parentPort!.postMessage(reply);
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).stack ?? String(err) } satisfies ParseWorkerReply);
  }
});
