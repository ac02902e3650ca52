/**
 * The worker thread of ./list-output-aside.ts: lists the output folder, with the folders' names
 * kept from the last check (./folder-names.ts), keeps the names for the next check when it had to
 * read more than a few folders (writeNamesAgain), sends the fingerprint back, and then waits for
 * what a partial build changed.
 * The names are kept first: a build with nothing to do exits as soon as it has the fingerprint,
 * which ended the thread before it had written them, and every later check read all 62,000
 * folders again (0.4 s more at 50,000 reports).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFolderMap, writeFolderMap, writeNamesAgain } from './folder-names.ts';
import type { ListingChanges, ListingMessage } from './list-output-aside.ts';
import { OutputListing } from './output-listing.ts';

const { dir, keep } = workerData as { dir: string; keep: string | null };
const send = (message: ListingMessage) => parentPort!.postMessage(message);
const kept = keep ? readFolderMap(keep) : null;
const read = OutputListing.readKeeping(dir, kept);
if (keep && read && writeNamesAgain(kept?.size ?? null, read.read, read.folders.size)) writeFolderMap(keep, read.folders);
send({ fingerprint: read?.listing.fingerprint() ?? null });
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
