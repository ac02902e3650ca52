/** The thread of ./search-aside.ts: builds the index into the cache as buildSearchStaged does, and says when the cache is pruned. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchThreadData, SearchThreadMessage } from './search-aside.ts';
import { buildSearchStaged } from './search-step.ts';

const { reports, plan, records, cpus } = workerData as SearchThreadData;
const send = (message: SearchThreadMessage) => parentPort!.postMessage(message);
try {
  const { pruned, ...result } = await buildSearchStaged(reports, new Map(records), null, process.env, cpus, plan);
  send({ result });
  await pruned;
  send({ pruned: true });
} catch (err) {
  send({ error: (err as Error).message || String(err) });
}
