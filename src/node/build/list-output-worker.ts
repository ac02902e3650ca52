/**
 * The worker thread of ./list-output-aside.ts: lists the output folder, with the folders' names
 * kept from the last check (./folder-names.ts), sends the listing back, and then keeps the names
 * for the next check when it had to read any folder.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFolderMap, writeFolderMap } from './folder-names.ts';
import { OutputListing } from './output-listing.ts';

const { dir, keep } = workerData as { dir: string; keep: string | null };
const kept = keep ? readFolderMap(keep) : null;
const read = OutputListing.readKeeping(dir, kept);
parentPort!.postMessage(read?.listing.parts() ?? null);
if (keep && read && (read.read > 0 || read.folders.size !== kept?.size)) writeFolderMap(keep, read.folders);
