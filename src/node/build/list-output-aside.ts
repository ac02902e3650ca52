/**
 * The output's listing (./output-listing.ts) read on a worker thread, so the build checks its
 * output while it digests and reads the archive: at 10,000 reports the output holds 95,000 files,
 * and walking and `stat`ing them took 0.8 s before the archive could be read.
 */
import { Worker } from 'node:worker_threads';
import { OutputListing, type ListingParts } from './output-listing.ts';

/**
 * `keep`: where the folders' names are kept from one check to the next (./folder-names.ts), or
 * null. The worker writes them after it has sent the listing, and ends by itself.
 */
export function listOutputAside(dir: string, keep: string | null = null): Promise<OutputListing | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./list-output-worker.ts', import.meta.url), { workerData: { dir, keep } });
    worker.once('message', (parts: ListingParts | null) => resolve(parts && OutputListing.fromParts(parts)));
    worker.once('error', reject);
    // Ended without a listing (after one, this does nothing).
    worker.once('exit', (code) => reject(new Error(`${dir}: 列出输出目录的线程已退出（退出码 ${code}）`)));
  });
}
