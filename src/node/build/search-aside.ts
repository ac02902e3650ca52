/**
 * A partial build's search index made on a thread of its own (./search-thread.ts), so that the
 * build's main thread takes the page digests meanwhile: at 50,000 reports they took 0.8 s before
 * the index could start, and the index (the changed shard and the merge, about 3 s) then ended
 * last. A full build keeps the index on its main thread (./search-step.ts): it holds every
 * report's search record, which would be copied to the thread.
 */
import { Worker } from 'node:worker_threads';
import type { IndexedReport, SearchIndexResult, SearchPlan } from '../../search/build/build-search-index.ts';
import type { SearchRecord } from '../../search/records.ts';

export interface SearchThreadData {
  reports: readonly IndexedReport[];
  plan: SearchPlan;
  records: [string, SearchRecord][];
  cpus: number | undefined;
}

/** What the thread sends: the index (without its `pruned` promise), then that the cache is pruned; or why it failed. */
export type SearchThreadMessage = { result: Omit<SearchIndexResult, 'pruned'> } | { pruned: true } | { error: string };

/** buildSearchStaged's result for a partial build (into the cache only), made on a thread (the environment is this process's). */
export function buildSearchAside(reports: readonly IndexedReport[], plan: SearchPlan, records: ReadonlyMap<string, SearchRecord>, cpus?: number): Promise<SearchIndexResult> {
  let pruned!: () => void;
  let pruneFailed!: (err: Error) => void;
  const prunedPromise = new Promise<void>((resolve, reject) => {
    pruned = resolve;
    pruneFailed = reject;
  });
  // Its failure is reported where it is awaited, not as an unhandled rejection before.
  prunedPromise.catch(() => undefined);
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      reject(err);
      pruneFailed(err);
    };
    // The plan's shards hold the reports themselves: one copy of them goes to the thread.
    const data: SearchThreadData = { reports, plan, records: [...records], cpus };
    const worker = new Worker(new URL('./search-thread.ts', import.meta.url), { workerData: data });
    worker.on('message', (message: SearchThreadMessage) => {
      if ('error' in message) fail(new Error(message.error));
      else if ('pruned' in message) pruned();
      else resolve({ ...message.result, pruned: prunedPromise });
    });
    worker.once('error', fail);
    // Ended before its last message (after it, this does nothing).
    worker.once('exit', (code) => fail(new Error(`搜索索引的线程已退出（退出码 ${code}）`)));
  });
}
