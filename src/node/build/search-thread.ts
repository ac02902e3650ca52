/** The thread of ./search-aside.ts: loads the index's code at once, then builds the index into the cache as buildSearchStaged does when sent its reports, and says when the cache is pruned. */
import { parentPort } from 'node:worker_threads';
import type { SearchThreadData, SearchThreadMessage } from './search-aside.ts';
import { buildSearchStaged } from './search-step.ts';

const send = (message: SearchThreadMessage) => parentPort!.postMessage(message);
parentPort!.once('message', async ({ reports, plan, records, cpus }: SearchThreadData) => {
  try {
    const { pruned, ...result } = await buildSearchStaged(reports, new Map(records), null, process.env, cpus, plan);
    send({ result });
    await pruned;
    send({ pruned: true });
  } catch (err) {
    send({ error: (err as Error).message || String(err) });
  }
  // Nothing more to do: the port no longer keeps the thread alive.
  parentPort!.close();
});
