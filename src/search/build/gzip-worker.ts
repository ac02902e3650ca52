/** A worker thread of ./gzip-pool.ts: gzips each chunk it is sent in segments and sends the file back. */
import { parentPort } from 'node:worker_threads';
import type { GzipReply, GzipTask } from './gzip-pool.ts';
import { gzipSegments } from './segmented-gzip.ts';

parentPort!.on('message', ({ id, raw, level }: GzipTask) => {
  let reply: GzipReply;
  try {
    const file = gzipSegments(raw, level);
    reply = { id, bytes: file.bytes, ends: file.ends };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
