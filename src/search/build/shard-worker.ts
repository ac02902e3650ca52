/** A worker thread of ./shard-pool.ts: builds each shard it is sent and replies with its timings. */
import { parentPort } from 'node:worker_threads';
import { buildShard } from './build-shard.ts';
import type { ShardReply, ShardTask } from './shard-pool.ts';

parentPort!.on('message', (task: ShardTask) => {
  let reply: ShardReply;
  try {
    reply = { timings: buildShard(task.records, task.dir, task.options, task.reuse) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
