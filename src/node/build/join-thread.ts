/**
 * The thread of ./write-joins.ts. It looks at the recipes file itself, every POLL_MS and when
 * asked, so that the build's own thread, busy taking the page digests when Astro records the
 * recipes, does not hold them up (at 50,000 reports the joins started 0.3–0.5 s after their
 * recipes, and were the last thing a one-report rebuild waited for). The recipes taken at one
 * look are written together (./join-file.ts), each look's after the last one's.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { writeJoinFiles, type JoinJob } from './join-file.ts';
import { RecipesTail } from './recipes-tail.ts';

export interface JoinsThreadData {
  recipesFile: string;
  /** The folder the joins are written into. */
  scratch: string;
}
/** Asks the thread to look at the recipes file now; it answers `polled` with the same number after the `taken` of what it found. */
export type JoinsOrder = { poll: number };
export type JoinsAnswer =
  | { taken: { out: string; path: string } }
  | { written: string; ms: number }
  | { failed: string; error: string }
  | { unreadable: string }
  | { polled: number };

const POLL_MS = 50;

const { recipesFile, scratch } = workerData as JoinsThreadData;
const tail = new RecipesTail(recipesFile);
const post = (answer: JoinsAnswer) => parentPort!.postMessage(answer);
let count = 0;
/** The looks' joins in order: each begins when the one before has ended. */
let queue: Promise<void> = Promise.resolve();
let unreadable = false;

function look(): void {
  if (unreadable) return;
  let jobs: JoinJob[];
  try {
    jobs = tail.next().map((recipe) => ({ recipe, path: join(scratch, `${count++}-${basename(recipe.out)}`) }));
  } catch (err) {
    unreadable = true;
    post({ unreadable: `${recipesFile}：${(err as Error).message}` });
    return;
  }
  if (!jobs.length) return;
  for (const job of jobs) post({ taken: { out: job.recipe.out, path: job.path } });
  queue = queue.then(async () => {
    const started = performance.now();
    try {
      mkdirSync(scratch, { recursive: true });
      await writeJoinFiles(jobs);
      const ms = (performance.now() - started) / jobs.length;
      for (const job of jobs) post({ written: job.path, ms });
    } catch (err) {
      for (const job of jobs) post({ failed: job.path, error: (err as Error).message });
    }
  });
}

setInterval(look, POLL_MS);
parentPort!.on('message', ({ poll }: JoinsOrder) => {
  look();
  post({ polled: poll });
});
