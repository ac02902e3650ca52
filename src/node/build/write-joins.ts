/**
 * Writes the archive-wide downloads from their recipes (src/site/data/join-recipe.ts) while Astro
 * still works: the recipes are recorded once Astro's content sync has stored the reports
 * (src/site/data/record-downloads.ts), and a thread of their own, started with the build
 * (./join-thread.ts, ./join-file.ts), takes each recipe as soon as its line is whole and writes
 * the join into a scratch folder beside the output. Once Astro has ended, `taken` says which
 * downloads are being written, and `written` and `placeInto` put the joins over the placeholders
 * its endpoints wrote.
 *
 * Why a thread: at 10,000 reports the joins (about 400 MB) take 0.3 s; on the build's own thread
 * they held up putting the pages in place and the search index's merge. Why started with the
 * build: loading it took 0.3 s after the recipes were there.
 *
 * In a partial build the thread compares each recipe with the last build's (`against`,
 * ./join-plan.ts): a download whose changed parts fit where they were is written in place by
 * `placeInto` (only those parts), another is made from the last file's unchanged runs.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JoinPlan } from './join-plan.ts';
import type { JoinsAgainst, JoinsAnswer, JoinsOrder, JoinsThreadData, PatchWrite } from './join-thread.ts';

/** How a download taken by the thread is written, and how many of its parts anew (all, when whole). */
export interface JoinHow {
  out: string;
  how: JoinPlan['how'];
  fresh: number;
}

export class JoinsAlongside {
  /** Joins the thread has written, by their scratch file, or the writes to make in place. */
  private readonly done: ({ tmp: string; out: string } | { patch: PatchWrite[]; out: string })[] = [];
  /** Per join taken by the thread, by its scratch file: its output, and what settles its wait. */
  private readonly pending = new Map<string, { out: string; settle: () => void }>();
  /** One per join taken, settled when the thread has written it or failed. */
  private readonly settled: Promise<void>[] = [];
  /** Who waits for the answer to each look asked for, by its number. */
  private readonly looks = new Map<number, () => void>();
  private asked = 0;
  private thread: Worker | null;
  /** Why a join failed: kept, not thrown while Astro runs, and thrown by `written`. */
  private failed: Error | null = null;
  /** Milliseconds spent on the joins (on their thread, and putting them in place). */
  ms = 0;
  /** The outputs of the recipes taken so far (relative to the output folder), in the order taken. */
  readonly outs: string[] = [];
  /** The files put in place by `placeInto` (relative to the output folder). */
  readonly placed: string[] = [];
  /** How each download taken was written. */
  readonly hows: JoinHow[] = [];
  /** Whether the thread was told what to compare with. */
  private told = false;

  private readonly scratch: string;

  /**
   * Starts the thread, which looks for recipes in `recipesFile` from now on. `scratch`: a folder
   * the joins are written into, on the output's file system (they are renamed into it).
   */
  constructor(recipesFile: string, scratch: string) {
    this.scratch = scratch;
    this.thread = this.startThread({ recipesFile, scratch });
  }

  /**
   * What the thread compares the recipes with (null: nothing, every download is written whole);
   * it takes none before. Told once: later calls do nothing.
   */
  compareWith(against: JoinsAgainst | null): void {
    if (this.told) return;
    this.told = true;
    this.thread?.postMessage({ against } satisfies JoinsOrder);
  }

  /** The outputs of every recipe in the recipes file now (the thread takes them first). */
  async taken(): Promise<readonly string[]> {
    this.compareWith(null);
    const thread = this.thread;
    if (thread) {
      const id = ++this.asked;
      const answered = new Promise<void>((resolve) => this.looks.set(id, resolve));
      thread.postMessage({ poll: id } satisfies JoinsOrder);
      await answered;
    }
    return this.outs;
  }

  /** Takes the last recipes and waits for every join; when one failed, none is left and why is thrown. */
  async written(): Promise<void> {
    await this.taken();
    await Promise.all(this.settled);
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
    for (const done of this.done.splice(0)) {
      const path = join(dir, done.out);
      if ('patch' in done) {
        writeInPlace(path, done.patch);
        this.placed.push(done.out);
        continue;
      }
      const { tmp, out } = done;
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

  private answer(answer: JoinsAnswer): void {
    if ('taken' in answer) {
      const { out, path, how, fresh } = answer.taken;
      this.outs.push(out);
      this.hows.push({ out, how, fresh });
      this.settled.push(new Promise((settle) => this.pending.set(path, { out, settle })));
    } else if ('patched' in answer || 'written' in answer) {
      // Written into its scratch file, or its writes in place to be made by placeInto.
      const path = 'patched' in answer ? answer.patched : answer.written;
      const job = this.pending.get(path)!;
      this.pending.delete(path);
      this.ms += answer.ms;
      this.done.push('patched' in answer ? { patch: answer.writes, out: job.out } : { tmp: path, out: job.out });
      job.settle();
    } else if ('failed' in answer) {
      const job = this.pending.get(answer.failed)!;
      this.pending.delete(answer.failed);
      this.failed ??= new Error(answer.error);
      job.settle();
    } else if ('unreadable' in answer) {
      this.failed ??= new Error(`读不了数据下载的配方：${answer.unreadable}`);
    } else {
      this.looks.get(answer.polled)?.();
      this.looks.delete(answer.polled);
    }
  }

  private startThread(data: JoinsThreadData): Worker {
    const thread = new Worker(new URL('./join-thread.ts', import.meta.url), { workerData: data });
    thread.on('message', (answer: JoinsAnswer) => this.answer(answer));
    // A thread that fails or ends with joins unwritten fails them all, with why.
    const fail = (why: string) => {
      this.failed ??= new Error(why);
      for (const job of this.pending.values()) job.settle();
      this.pending.clear();
      for (const look of this.looks.values()) look();
      this.looks.clear();
      this.thread = null;
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
}

/** Each write at its place in the file (which keeps its size: every part fits its slot); a failure names the file. */
function writeInPlace(path: string, writes: readonly PatchWrite[]): void {
  let fd = -1;
  try {
    fd = openSync(path, 'r+');
    for (const { at, bytes } of writes) for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
  } catch (err) {
    throw new Error(`无法改写 ${path}：${(err as Error).message}`);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
