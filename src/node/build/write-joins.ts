/**
 * Writes the archive-wide downloads from their recipes (src/site/data/join-recipe.ts) while Astro
 * still works: the recipes are recorded once Astro's content sync has stored the reports
 * (src/site/data/record-downloads.ts), and `poll` hands each recipe recorded since the last call
 * to a thread of its own (./join-thread.ts, ./join-file.ts), which writes the join into a scratch
 * folder beside the output. Once Astro has ended, `written` and `placeInto` put the joins over
 * the placeholders its endpoints wrote.
 *
 * Why a thread: at 10,000 reports the joins (about 400 MB) take 0.3 s; on the build's own thread
 * they held up putting the pages in place and the search index's merge.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseJoins, type JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRange } from '../byte-range.ts';
import { sameJoin, type EarlyJoin } from './early-joins.ts';
import type { JoinAnswer, JoinOrder } from './join-thread.ts';

/** A join begun before its recipe came (./early-joins.ts), and what became of it. */
interface Early {
  join: EarlyJoin;
  tmp: string;
  written: 'writing' | 'written' | 'failed';
  /** Kept when Astro's recipe gives the same bytes; dropped (the recipe is joined instead) otherwise. */
  verdict: 'kept' | 'dropped' | null;
  recipe: JoinRecipe | null;
}

export class JoinsAlongside {
  /** Joins the thread has written, by their scratch file. */
  private readonly done: { tmp: string; out: string }[] = [];
  /** One per join handed to the thread, settled when it answers. */
  private readonly pending: Promise<void>[] = [];
  /** Who waits for the thread's next answer (it answers in the order it was sent). */
  private readonly waiting: ((answer: JoinAnswer) => void)[] = [];
  private thread: Worker | null = null;
  /** Bytes of the recipes file taken (whole lines only: a line being appended is taken next time). */
  private taken = 0;
  /** Why a join failed: kept, not thrown from a timer while Astro runs, and thrown by `written`. */
  private failed: unknown = null;
  /** Milliseconds spent on the joins (on their thread, and putting them in place). */
  ms = 0;
  /** The outputs of the recipes taken so far (relative to the output folder). */
  readonly outs: string[] = [];
  /** The files put in place by `placeInto` (relative to the output folder). */
  readonly placed: string[] = [];
  /** Every recipe Astro recorded, in order (the next build's layouts, ./early-joins.ts). */
  readonly recorded: JoinRecipe[] = [];
  /** The early joins by their output. */
  private readonly early = new Map<string, Early>();

  private readonly recipesFile: string;
  private readonly scratch: string;

  /** `scratch`: a folder the joins are written into, on the output's file system (they are renamed into it). */
  constructor(recipesFile: string, scratch: string) {
    this.recipesFile = recipesFile;
    this.scratch = scratch;
  }

  /** Hands the joins recorded since the last call to the thread. */
  poll(): void {
    if (this.failed) return;
    try {
      for (const recipe of this.newRecipes()) this.take(recipe);
    } catch (err) {
      this.failed = err;
    }
  }

  /**
   * Begins a join before its recipe is recorded (./early-joins.ts). When the recipe comes it is
   * kept if it gives the same bytes, and the recipe is joined instead if not, or if it failed.
   */
  startEarly(join: EarlyJoin): void {
    const out = join.recipe.out;
    const early: Early = { join, tmp: this.scratchPath(`early-${basename(out)}`), written: 'writing', verdict: null, recipe: null };
    this.early.set(out, early);
    this.addOut(out);
    this.pending.push(
      this.send(join.recipe, early.tmp).then((answer) => {
        if ('error' in answer) {
          early.written = 'failed';
          // Kept on its recipe's word before it failed: the recipe is joined after all.
          if (early.verdict === 'kept') this.drop(early);
          return;
        }
        early.written = 'written';
        this.ms += answer.ms;
        if (early.verdict === 'kept') this.done.push({ tmp: early.tmp, out });
      }),
    );
  }

  /** How many early joins were kept, and how many dropped for their recipe. */
  get earlyCount(): { kept: number; dropped: number } {
    const all = [...this.early.values()];
    return { kept: all.filter((e) => e.verdict === 'kept').length, dropped: all.filter((e) => e.verdict === 'dropped').length };
  }

  /** Takes the last recipes and waits for every join; when one failed, none is left and why is thrown. */
  async written(): Promise<void> {
    this.poll();
    // A failed early join hands its recipe to the thread as it settles: wait for that too.
    for (let settled = 0; settled < this.pending.length; ) {
      const now = this.pending.length;
      await Promise.all(this.pending.slice(settled));
      settled = now;
    }
    for (const [out, early] of this.early)
      if (early.verdict === null) this.failed ??= new Error(`数据下载 ${out} 已提前生成，但 Astro 没有记下它的配方，无法核对`);
    await this.stopThread();
    if (this.failed) {
      await this.discard();
      throw this.failed;
    }
  }

  /**
   * Renames every written join over its place in `dir`. What is there goes first: renaming over an
   * existing file makes ext4 write the new one out before the rename returns (auto_da_alloc), 0.28 s
   * for the 390 MB reports.json at 10,000. With `trash` it is moved there instead of deleted: unlinking
   * a large file held up the file operations after it (0.3 s), and the caller deletes the trash later.
   */
  placeInto(dir: string, trash?: string): void {
    const started = performance.now();
    for (const { tmp, out } of this.done.splice(0)) {
      const path = join(dir, out);
      if (trash && existsSync(path)) {
        mkdirSync(trash, { recursive: true });
        renameSync(path, join(trash, `join-${this.placed.length}-${basename(out)}`));
      } else rmSync(path, { force: true });
      mkdirSync(dirname(path), { recursive: true });
      renameSync(tmp, path);
      this.placed.push(out);
    }
    rmSync(this.scratch, { recursive: true, force: true });
    this.ms += performance.now() - started;
  }

  /** After Astro failed: the thread stops and nothing is left behind. */
  async discard(): Promise<void> {
    await this.stopThread();
    this.done.splice(0);
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** A recipe Astro recorded: joined, unless an early join gives the same bytes. */
  private take(recipe: JoinRecipe): void {
    this.recorded.push(recipe);
    const early = this.early.get(recipe.out);
    if (!early) return this.start(recipe);
    early.recipe = recipe;
    if (early.written !== 'failed' && sameJoin(early.join, recipe)) {
      early.verdict = 'kept';
      if (early.written === 'written') this.done.push({ tmp: early.tmp, out: recipe.out });
    } else this.drop(early);
  }

  /** The early join is not used: its recipe is joined (its own file goes with the scratch folder). */
  private drop(early: Early): void {
    early.verdict = 'dropped';
    this.start(early.recipe!);
  }

  private start(recipe: JoinRecipe): void {
    const path = this.scratchPath(`${this.pending.length}-${basename(recipe.out)}`);
    this.addOut(recipe.out);
    this.pending.push(
      this.send(recipe, path).then((answer) => {
        if ('error' in answer) this.failed ??= new Error(answer.error);
        else {
          this.ms += answer.ms;
          this.done.push({ tmp: path, out: recipe.out });
        }
      }),
    );
  }

  private addOut(out: string): void {
    if (!this.outs.includes(out)) this.outs.push(out);
  }

  private scratchPath(name: string): string {
    mkdirSync(this.scratch, { recursive: true });
    return join(this.scratch, name);
  }

  /** Hands the join to the thread; its answer comes in the order sent. */
  private send(recipe: JoinRecipe, path: string): Promise<JoinAnswer> {
    const answered = new Promise<JoinAnswer>((resolve) => this.waiting.push(resolve));
    (this.thread ??= this.startThread()).postMessage({ recipe, path } satisfies JoinOrder);
    return answered;
  }

  private startThread(): Worker {
    const thread = new Worker(new URL('./join-thread.ts', import.meta.url));
    thread.on('message', (answer: JoinAnswer) => this.waiting.shift()?.(answer));
    // A thread that fails or ends with joins unanswered answers them all with why.
    const fail = (why: string) => {
      for (const answer of this.waiting.splice(0)) answer({ error: why });
    };
    thread.on('error', (err: Error) => fail(`写数据下载文件的线程出错：${err.message}`));
    thread.on('exit', (code) => fail(`写数据下载文件的线程已退出（退出码 ${code}）`));
    return thread;
  }

  private async stopThread(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (thread) {
      thread.removeAllListeners('exit');
      await thread.terminate();
    }
  }

  /**
   * Only what was appended since the last call is read: the recipes of 50,000 reports are about
   * 6 MB, and a clean build renders for minutes, polled 20 times a second.
   */
  private newRecipes(): JoinRecipe[] {
    const size = statSync(this.recipesFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size <= this.taken) return [];
    const fresh = readByteRange({ file: this.recipesFile, offset: this.taken, length: size - this.taken });
    const end = fresh.lastIndexOf(0x0a) + 1;
    this.taken += end;
    return parseJoins(fresh.toString('utf8', 0, end));
  }
}
