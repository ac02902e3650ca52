/**
 * gzipSegments (./segmented-gzip.ts) on worker threads, for a whole merge of a large index.
 *
 * Why: a whole merge (a report added or removed renumbers the pages after it, so every chunk
 * changes) compresses every chunk again, in segments of about 16 KB: at 50,000 reports 4,000
 * chunks and some 34,000 segments. Each segment handed to libuv's threads as its own zlib stream
 * cost the merge's thread about 0.1 ms (3.2 s of its 15 s in a profile), on the chain the build
 * waits for; here a worker compresses a whole chunk in one call, the same bytes.
 */
import { Worker } from 'node:worker_threads';
import type { GzipSegments } from './segmented-gzip.ts';

/** What the pool asks of a worker: `raw` gzipped in segments at `level`. */
export interface GzipTask {
  id: number;
  raw: Uint8Array;
  level: number;
}

/** What a worker sends back. */
export type GzipReply = { id: number; bytes: Uint8Array; ends: number[] } | { id: number; error: string };

interface Waiting {
  done: (file: GzipSegments) => void;
  fail: (error: Error) => void;
}

/**
 * `raw` as its own buffer, which can be handed over whole: a view of a larger one (a small
 * Buffer lies in Node's shared pool, which cannot be handed over) is copied first.
 */
const ownBuffer = (raw: Uint8Array) => (raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw : new Uint8Array(raw));

export class GzipPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private ids = 0;
  private failed: Error | null = null;
  private closing = false;

  private readonly size: number;

  /** `size` workers, started as chunks are sent. */
  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size));
  }

  private worker(): Worker {
    if (this.workers.length < this.size) {
      const w = new Worker(new URL('./gzip-worker.ts', import.meta.url));
      w.on('message', (reply: GzipReply) => {
        const waiting = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('error' in reply) waiting?.fail(new Error(reply.error));
        else waiting?.done({ bytes: Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), ends: reply.ends });
      });
      const stop = (error: Error) => {
        this.failed ??= error;
        for (const waiting of this.waiting.values()) waiting.fail(error);
        this.waiting.clear();
      };
      w.on('error', stop);
      w.on('exit', (code) => !this.closing && stop(new Error(`压缩索引块的工作线程意外退出（退出码 ${code}）`)));
      this.workers.push(w);
      return w;
    }
    // In turn: chunks are about the same size.
    return this.workers[this.next++ % this.workers.length]!;
  }

  gzip(raw: Uint8Array, level: number): Promise<GzipSegments> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.ids++;
    const own = ownBuffer(raw);
    return new Promise((done, fail) => {
      this.waiting.set(id, { done, fail });
      this.worker().postMessage({ id, raw: own, level } satisfies GzipTask, [own.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
