/**
 * Builds shards on worker threads, a few at a time: shards are independent, so their work
 * (windows, postings, gzip, block files) spreads over the machine's cores. With one worker the
 * shards are built in this thread, one after another (what the site build does while Astro
 * renders on the other core).
 */
import { Worker } from 'node:worker_threads';
import { buildShard, type BlockReuse, type ShardBuildOptions, type ShardEntry, type ShardTimings } from './build-shard.ts';

export interface ShardTask {
  records: readonly ShardEntry[];
  dir: string;
  options: ShardBuildOptions;
  reuse?: BlockReuse;
}

/** What a worker sends back: the shard's timings, or the message of what failed. */
export type ShardReply = { timings: ShardTimings } | { error: string };

interface Job {
  task: ShardTask;
  done: (timings: ShardTimings) => void;
  fail: (error: Error) => void;
}

export class ShardPool {
  private readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];

  constructor(workers: number) {
    this.size = Math.max(1, Math.floor(workers));
  }

  build(task: ShardTask): Promise<ShardTimings> {
    if (this.size === 1) return Promise.resolve().then(() => buildShard(task.records, task.dir, task.options, task.reuse));
    return new Promise((done, fail) => {
      this.queue.push({ task, done, fail });
      this.next();
    });
  }

  private next(): void {
    if (!this.queue.length) return;
    let worker = this.idle.pop();
    if (!worker && this.all.length < this.size) {
      worker = new Worker(new URL('./shard-worker.ts', import.meta.url));
      this.all.push(worker);
    }
    if (!worker) return;
    const job = this.queue.shift()!;
    const w = worker;
    const exited = (code: number) => settle(new Error(`建立搜索分片的工作线程意外退出（退出码 ${code}）`));
    const settle = (reply: ShardReply | Error) => {
      w.off('message', settle);
      w.off('error', settle);
      w.off('exit', exited);
      if (reply instanceof Error) {
        // A worker that failed outside buildShard is not used again.
        this.all.splice(this.all.indexOf(w), 1);
        void w.terminate();
        job.fail(reply);
      } else {
        this.idle.push(w);
        if ('error' in reply) job.fail(new Error(reply.error));
        else job.done(reply.timings);
      }
      this.next();
    };
    w.on('message', settle);
    w.on('error', settle);
    w.on('exit', exited);
    w.postMessage(job.task);
  }

  /** Stops the workers (each holds its own heap until then). */
  async close(): Promise<void> {
    await Promise.all(this.all.splice(0).map((w) => w.terminate()));
    this.idle.length = 0;
  }
}
