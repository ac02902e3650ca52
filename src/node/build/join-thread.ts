/**
 * The thread of ./write-joins.ts: writes each join it is sent (./join-file.ts) and answers with
 * the time it took or why it failed. One thread, one join after another, in the order sent.
 */
import { parentPort } from 'node:worker_threads';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { writeJoinFile } from './join-file.ts';

export interface JoinOrder {
  recipe: JoinRecipe;
  path: string;
}
export type JoinAnswer = { ms: number } | { error: string };

/** The joins in the order sent: each begins when the one before has ended. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', ({ recipe, path }: JoinOrder) => {
  queue = queue.then(async () => {
    const started = performance.now();
    try {
      await writeJoinFile(recipe, path);
      parentPort!.postMessage({ ms: performance.now() - started } satisfies JoinAnswer);
    } catch (err) {
      parentPort!.postMessage({ error: (err as Error).message } satisfies JoinAnswer);
    }
  });
});
