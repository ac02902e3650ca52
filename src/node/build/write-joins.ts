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
import type { JoinAnswer, JoinOrder } from './join-thread.ts';

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
      for (const recipe of this.newRecipes()) this.start(recipe);
    } catch (err) {
      this.failed = err;
    }
  }

  /** Takes the last recipes and waits for every join; when one failed, none is left and why is thrown. */
  async written(): Promise<void> {
    this.poll();
    await Promise.all(this.pending);
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

  private start(recipe: JoinRecipe): void {
    const path = join(this.scratch, `${this.outs.length}-${basename(recipe.out)}`);
    this.outs.push(recipe.out);
    mkdirSync(this.scratch, { recursive: true });
    const answered = new Promise<JoinAnswer>((resolve) => this.waiting.push(resolve));
    this.pending.push(
      answered.then((answer) => {
        if ('error' in answer) this.failed ??= new Error(answer.error);
        else {
          this.ms += answer.ms;
          this.done.push({ tmp: path, out: recipe.out });
        }
      }),
    );
    (this.thread ??= this.startThread()).postMessage({ recipe, path } satisfies JoinOrder);
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
