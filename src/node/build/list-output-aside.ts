/**
 * The output's listing (./output-listing.ts) read and kept on a worker thread, so the build checks
 * its output while it digests and reads the archive: at 10,000 reports the output holds 95,000
 * files, and walking and `stat`ing them took 0.8 s before the archive could be read.
 *
 * The listing stays on the thread: the build gets its fingerprint, and after a partial build tells
 * the thread what it changed and gets the fingerprint of the folder now. At 50,000 reports the
 * listing is 212,000 paths, and copying them to the build's main thread and taking their
 * fingerprint there twice cost that thread 0.15–0.2 s, the last 50 ms after Astro had ended.
 */
import { Worker } from 'node:worker_threads';
import type { OutputFingerprint } from './output-listing.ts';

/** What the build asks of the thread after a partial build: the files it wrote or removed, the folders it replaced (OutputListing.restat, relist). */
export interface ListingChanges {
  restat: string[];
  relist: string[];
}

/** What the thread sends: the fingerprint of the folder as read (null: no folder), then of the folder as changed; or why it failed. */
export type ListingMessage = { fingerprint: OutputFingerprint | null } | { error: string };

/** The listing on its thread. */
export interface ListingAside {
  /** The folder's fingerprint as read. */
  readonly fingerprint: OutputFingerprint;
  /** The fingerprint of the folder with `changes` made since it was read; the thread then ends. */
  update(changes: ListingChanges): Promise<OutputFingerprint>;
  /** Ends the thread, not asked to update. */
  close(): void;
}

/**
 * `keep`: where the folders' names are kept from one check to the next (./folder-names.ts), or
 * null. The worker writes them before it sends the fingerprint. Null when the folder does not
 * exist. Until asked to update, the thread does not keep the process alive.
 */
export function listOutputAside(dir: string, keep: string | null = null): Promise<ListingAside | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./list-output-worker.ts', import.meta.url), { workerData: { dir, keep } });
    const ended = (code: number) => new Error(`${dir}: 列出输出目录的线程已退出（退出码 ${code}）`);
    let exited: number | null = null;
    worker.on('exit', (code) => void (exited = code));
    worker.once('message', (message: ListingMessage) => {
      if ('error' in message) return reject(new Error(message.error));
      const { fingerprint } = message;
      if (!fingerprint) return resolve(null);
      worker.unref();
      resolve({
        fingerprint,
        update: (changes) =>
          new Promise((done, fail) => {
            if (exited !== null) return fail(ended(exited));
            worker.ref();
            worker.once('message', (next: ListingMessage) => ('error' in next ? fail(new Error(next.error)) : done(next.fingerprint!)));
            worker.once('error', fail);
            worker.once('exit', (code) => fail(ended(code)));
            worker.postMessage(changes satisfies ListingChanges);
          }),
        close: () => void worker.terminate(),
      });
    });
    worker.once('error', reject);
    // Ended without a listing (after one, this does nothing).
    worker.once('exit', (code) => reject(ended(code)));
  });
}
