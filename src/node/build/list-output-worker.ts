/** The worker thread of ./list-output-aside.ts: lists the output folder and sends the listing back. */
import { parentPort, workerData } from 'node:worker_threads';
import { OutputListing } from './output-listing.ts';

parentPort!.postMessage(OutputListing.read(workerData as string)?.parts() ?? null);
