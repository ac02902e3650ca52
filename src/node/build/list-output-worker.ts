/**
 * The worker thread of ./list-output-aside.ts: lists the output folder, with the folders' names
 * kept from the last check (./folder-names.ts), sends its fingerprint back, keeps the names for
 * the next check when it had to read any folder, and then waits for what a partial build changed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFolderMap, writeFolderMap } from './folder-names.ts';
import type { ListingChanges, ListingMessage } from './list-output-aside.ts';
import { OutputListing } from './output-listing.ts';

const { dir, keep } = workerData as { dir: string; keep: string | null };
const send = (message: ListingMessage) => parentPort!.postMessage(message);
const kept = keep ? readFolderMap(keep) : null;
const read = OutputListing.readKeeping(dir, kept);
send({ fingerprint: read?.listing.fingerprint() ?? null });
if (keep && read && (read.read > 0 || read.folders.size !== kept?.size)) writeFolderMap(keep, read.folders);
if (read) {
  parentPort!.once('message', ({ restat, relist }: ListingChanges) => {
    try {
      read.listing.restat(restat);
      read.listing.relist(relist);
      send({ fingerprint: read.listing.fingerprint() });
    } catch (err) {
      send({ error: (err as Error).message || String(err) });
    }
    parentPort!.close();
  });
}
