/**
 * Reads and parses files on several worker threads (./parse-worker.ts), for a cold build: parsing
 * is the one step nothing else can overlap (the pages and the search index need its result), and
 * it is CPU work a second core halves. Files go out in small batches, so a worker that meets slow
 * .docx files does not hold up the others; entries come back in the order of `paths`.
 */
import { Worker } from 'node:worker_threads';
import type { AgencyRegistry } from '../core/model/registry.ts';
import type { ArchiveEntry } from './read-archive.ts';
import type { ParseWorkerData, ParseWorkerReply, ParseWorkerRequest } from './parse-worker.ts';

const BATCH = 8;

export async function parseInWorkers(paths: readonly string[], workers: number, data: { dir: string; registry: AgencyRegistry | undefined; registryDigest: string; cacheDir: string | null }): Promise<ArchiveEntry[]> {
  const entries = new Array<ArchiveEntry>(paths.length);
  let next = 0;
  const take = (): ParseWorkerRequest => {
    const batch: ParseWorkerRequest = [];
    while (batch.length < BATCH && next < paths.length) batch.push({ index: next, path: paths[next++]! });
    return batch;
  };
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: data satisfies ParseWorkerData });
      const finish = (err?: Error) => {
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      worker.on('message', (reply: ParseWorkerReply) => {
        if ('error' in reply) return finish(new Error(reply.error));
        for (const { index, entry } of reply) entries[index] = entry;
        const batch = take();
        if (batch.length) worker.postMessage(batch);
        else finish();
      });
      worker.on('error', finish);
      const first = take();
      if (first.length) worker.postMessage(first);
      else finish();
    });
  await Promise.all(Array.from({ length: Math.max(1, workers) }, run));
  return entries;
}
