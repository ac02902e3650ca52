/**
 * A partial build's search index made on a thread of its own (./search-thread.ts), so that the
 * build's main thread hands the snapshot over and takes the page digests meanwhile: at 50,000
 * reports the index (the changed shard and the merge, 1–3 s) is the longest of the build's chains.
 * A full build keeps the index on its main thread (./search-step.ts): it holds every report's
 * search record, which would be copied to the thread.
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

/**
 * The index's thread, started before its reports are known: it loads the index's code (0.3–0.5 s
 * of CPU) while the build's main thread reads the archive. At 50,000 reports the index then starts
 * as soon as the archive is read, in a one-report rebuild. Until asked to build, it does not keep
 * the process alive; one never asked goes when the process ends.
 */
export class SearchAside {
  private readonly worker = new Worker(new URL('./search-thread.ts', import.meta.url));
  /** Why the thread ended before it was asked to build, if it did. */
  private failed: Error | null = null;
  private readonly early = (err: Error) => void (this.failed ??= err);
  private readonly exited = (code: number) => void (this.failed ??= new Error(`搜索索引的线程已退出（退出码 ${code}）`));

  constructor() {
    this.worker.unref();
    this.worker.on('error', this.early).on('exit', this.exited);
  }

  /** buildSearchStaged's result for a partial build (into the cache only), made on the thread (the environment is this process's). Asked once. */
  build(reports: readonly IndexedReport[], plan: SearchPlan, records: ReadonlyMap<string, SearchRecord>, cpus?: number): Promise<SearchIndexResult> {
    const { worker } = this;
    worker.off('error', this.early).off('exit', this.exited);
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
      if (this.failed) return fail(this.failed);
      worker.ref();
      worker.on('message', (message: SearchThreadMessage) => {
        if ('error' in message) fail(new Error(message.error));
        else if ('pruned' in message) pruned();
        else resolve({ ...message.result, pruned: prunedPromise });
      });
      worker.once('error', fail);
      // Ended before its last message (after it, this does nothing).
      worker.once('exit', (code) => fail(new Error(`搜索索引的线程已退出（退出码 ${code}）`)));
      // The plan's shards hold the reports themselves: one copy of them goes to the thread.
      worker.postMessage({ reports, plan, records: [...records], cpus } satisfies SearchThreadData);
    });
  }
}
