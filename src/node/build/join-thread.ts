/**
 * The thread of ./write-joins.ts. It looks at the recipes file itself, every POLL_MS and when
 * asked, so that the build's own thread, busy taking the page digests when Astro records the
 * recipes, does not hold them up (at 50,000 reports the joins started 0.3–0.5 s after their
 * recipes, and were the last thing a one-report rebuild waited for). The recipes taken at one
 * look are written together (./join-file.ts), each look's after the last one's.
 *
 * It takes none before it is told what to compare them with: in a partial build, the last
 * build's recipes and the output holding their joins (./join-plan.ts), else nothing.
 */
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readByteRange } from '../byte-range.ts';
import type { JoinRecipe } from '../../site/data/join-recipe.ts';
import { slotPadding } from '../../site/data/joined-bytes.ts';
import { writeJoinFiles, writeJoinPieces, type JoinJob } from './join-file.ts';
import { planJoin, type JoinPlan } from './join-plan.ts';
import { readKeptJoins, type KeptJoins } from './kept-joins.ts';
import { RecipesTail } from './recipes-tail.ts';

export interface JoinsThreadData {
  recipesFile: string;
  /** The folder the joins are written into. */
  scratch: string;
}
/** The last build's recipes (as its stamp names them) and the output folder holding their joins. */
export interface JoinsAgainst {
  kept: KeptJoins;
  outDir: string;
}
/**
 * `poll`: look at the recipes file now; the thread answers `polled` with the same number after the
 * `taken` of what it found. `against`: what to compare the recipes with (null: nothing, each
 * download is written whole); sent once, before any recipe is taken.
 */
export type JoinsOrder = { poll: number } | { against: JoinsAgainst | null };
/** A part's bytes with their padding, to be written at `at` in the output's file. */
export interface PatchWrite {
  at: number;
  bytes: Uint8Array;
}
export type JoinsAnswer =
  | { taken: { out: string; path: string; how: JoinPlan['how']; fresh: number } }
  | { written: string; ms: number }
  | { patched: string; writes: PatchWrite[]; ms: number }
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
/** Undefined until told; then the last recipes by download and where their joins are, or null. */
let against: { last: Map<string, JoinRecipe>; outDir: string } | null | undefined;

/** How to write a recipe: against the last build's join of it, as that file is now. */
function planOf(recipe: JoinRecipe): JoinPlan {
  const last = against?.last.get(recipe.out);
  if (!against || !last) return { how: 'whole' };
  const path = join(against.outDir, recipe.out);
  let st: Stats | undefined;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    // Not to be looked at: written whole, as without a last build.
  }
  return st?.isFile() ? planJoin(recipe, last, { path, size: st.size, inPlace: st.nlink === 1 }) : { how: 'whole' };
}

/** The bytes of each write, padded: few and small (the changed reports'), sent to be written in place after Astro. */
function patchBytes(recipe: JoinRecipe, plan: Extract<JoinPlan, { how: 'patch' }>): PatchWrite[] {
  return plan.writes.map(({ at, part }) => {
    const padding = slotPadding(part.length, recipe.slot);
    const bytes = new Uint8Array(part.length + padding.length);
    bytes.set(readByteRange(part));
    bytes.set(padding, part.length);
    return { at, bytes };
  });
}

/** The downloads to write whole, together (./join-file.ts); then each of the others as planned. */
async function write(jobs: JoinJob[], plans: JoinPlan[]): Promise<void> {
  const whole = jobs.filter((_, i) => plans[i]!.how === 'whole');
  const started = performance.now();
  if (whole.length) {
    try {
      mkdirSync(scratch, { recursive: true });
      await writeJoinFiles(whole);
      for (const job of whole) post({ written: job.path, ms: (performance.now() - started) / whole.length });
    } catch (err) {
      for (const job of whole) post({ failed: job.path, error: (err as Error).message });
    }
  }
  for (const [i, job] of jobs.entries()) {
    const plan = plans[i]!;
    const began = performance.now();
    try {
      if (plan.how === 'patch') post({ patched: job.path, writes: patchBytes(job.recipe, plan), ms: performance.now() - began });
      else if (plan.how === 'pieces') {
        mkdirSync(scratch, { recursive: true });
        await writeJoinPieces(job.recipe.out, plan.pieces, job.path);
        post({ written: job.path, ms: performance.now() - began });
      }
    } catch (err) {
      const why = (err as Error).message;
      // writeJoinPieces names the download itself.
      post({ failed: job.path, error: plan.how === 'patch' ? `无法生成 ${job.recipe.out}：${why}` : why });
    }
  }
}

function look(): void {
  if (unreadable || against === undefined) return;
  let jobs: JoinJob[];
  let plans: JoinPlan[];
  try {
    jobs = tail.next().map((recipe) => ({ recipe, path: join(scratch, `${count++}-${basename(recipe.out)}`) }));
    plans = jobs.map((job) => planOf(job.recipe));
  } catch (err) {
    unreadable = true;
    post({ unreadable: `${recipesFile}：${(err as Error).message}` });
    return;
  }
  if (!jobs.length) return;
  for (const [i, job] of jobs.entries()) {
    const plan = plans[i]!;
    const fresh = plan.how === 'patch' ? plan.writes.length : plan.how === 'pieces' ? plan.fresh : job.recipe.parts.length;
    post({ taken: { out: job.recipe.out, path: job.path, how: plan.how, fresh } });
  }
  queue = queue.then(() => write(jobs, plans));
}

setInterval(look, POLL_MS);
parentPort!.on('message', (order: JoinsOrder) => {
  if ('against' in order) {
    if (against !== undefined) return;
    const last = order.against && readKeptJoins(order.against.kept);
    against = last && order.against ? { last, outDir: order.against.outDir } : null;
    look();
    return;
  }
  look();
  post({ polled: order.poll });
});
