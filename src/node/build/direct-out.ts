/**
 * A file written from start to end through a few buffers (a megabyte a write: reports.json is one
 * write per part and separator otherwise, 30,000 calls into the kernel at 10,000 reports), past
 * the page cache (O_DIRECT) where the system and the file system allow it, while the next buffers
 * are filled.
 *
 * Why past the page cache: the archive-wide downloads are written whole in every build (2 GB at
 * 50,000 reports) and the build never reads them again. Through the page cache the kernel copies
 * each byte, finds pages for them by evicting others and writes them back on its own threads, all
 * on the cores the rest of the build is using: 0.7–3.3 s of system time for 2 GB on this machine,
 * against 0.3–0.7 s written directly (the disk took 1.5 GB/s).
 *
 * Why several buffers: a direct write waits for the disk. A buffer is written on libuv's threads
 * while the caller fills the next ones, so the reading of the parts and the disk's writing go on
 * at the same time, with a few writes queued at the disk.
 *
 * O_DIRECT wants the buffer's address, each write's length and its offset in the file aligned to
 * the device's block: the buffers are WebAssembly memories (page-aligned), each write a multiple
 * of BLOCK, and the last few bytes are written through the page cache. Where O_DIRECT is missing
 * (macOS, Windows) or refused (file systems without it, tmpfs before Linux 6.6: the open or a
 * write fails with EINVAL or EOPNOTSUPP), the file is written through the page cache as before.
 */
import { closeSync, constants, openSync, write, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { readByteRangeInto, type ByteRange } from '../byte-range.ts';

/** Every direct write is a multiple of this (the largest logical block size of common devices). */
export const BLOCK = 4096;
/** Each buffer: a megabyte, a multiple of BLOCK and of WebAssembly's 64 KiB page. */
const SIZE = 1 << 20;
/** Buffers: one being filled while the others are written. */
const BUFFERS = 4;

/** A page-aligned buffer, or null where the process may not reserve a WebAssembly memory (a low `ulimit -v`). */
function pageAligned(): Uint8Array | null {
  try {
    return new Uint8Array(new WebAssembly.Memory({ initial: SIZE / 65536, maximum: SIZE / 65536 }).buffer);
  } catch {
    return null;
  }
}

/** How a file system says it does not take O_DIRECT. */
const refused = (err: unknown) => ['EINVAL', 'EOPNOTSUPP'].includes((err as NodeJS.ErrnoException).code ?? '');

const writeAsync = promisify(write);

async function writeAll(fd: number, bytes: Uint8Array, position: number): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += (await writeAsync(fd, bytes, at, bytes.length - at, position + at)).bytesWritten;
}

function writeAllSync(fd: number, bytes: Uint8Array, position: number): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
}

export class DirectOut {
  private readonly path: string;
  private fd: number;
  /** Whether `fd` was opened past the page cache, and whether writes still go that way. */
  private readonly openedDirect: boolean;
  private directly: boolean;
  /** Opened when a direct write is refused: the rest goes through the page cache. */
  private cached = -1;
  private readonly buffers: Uint8Array[];
  /** The write of each buffer still going on, if any. */
  private readonly writing: (Promise<void> | null)[];
  /** The buffer being filled, and how much of it is. */
  private current = 0;
  private used = 0;
  /** Bytes of the file handed to writes so far (where the current buffer's first byte goes). */
  private written = 0;
  /** The first write that failed, thrown by the next call. */
  private failed: unknown = null;

  /** Creates (or truncates) `path`; `direct: false` writes it through the page cache. */
  constructor(path: string, direct = true) {
    this.path = path;
    const flag = constants.O_DIRECT;
    // WebAssembly memories start on a page of their own; a Buffer's bytes may start anywhere.
    const aligned = direct && flag ? Array.from({ length: BUFFERS }, pageAligned) : [];
    const alignedAll = aligned.length > 0 && aligned.every((b) => b !== null) ? (aligned as Uint8Array[]) : null;
    this.directly = false;
    this.fd = -1;
    if (alignedAll) {
      try {
        this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | flag!, 0o666);
        this.directly = true;
      } catch (err) {
        if (!refused(err)) throw err;
      }
    }
    if (this.fd < 0) this.fd = openSync(path, 'w');
    this.openedDirect = this.directly;
    this.buffers = alignedAll ?? Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(SIZE));
    this.writing = this.buffers.map(() => null);
  }

  /** Whether writes still go past the page cache. */
  get direct(): boolean {
    return this.directly;
  }

  add(bytes: Uint8Array): Promise<void> {
    return this.fill(bytes.length, (into, at) => into.set(bytes.subarray(at, at + into.length)));
  }

  /** Copies a range of another file (open as `fd`), a buffer's worth at a time. */
  copy(fd: number, range: ByteRange): Promise<void> {
    return this.fill(range.length, (into, at) => readByteRangeInto(fd, { file: range.file, offset: range.offset + at, length: into.length }, into));
  }

  /**
   * The free stretch of the current buffer, to be filled by the caller (at least one byte: a full
   * buffer is handed to its write first); `took` then counts what was put there. Lets one read
   * fill stretches of several files at once (./join-file.ts).
   */
  async room(): Promise<Uint8Array> {
    if (this.failed) throw this.failed;
    if (this.used === SIZE) await this.flush();
    return this.buffers[this.current]!.subarray(this.used);
  }

  /** Counts `n` bytes put at the start of the stretch `room` gave. */
  took(n: number): void {
    if (n < 0 || this.used + n > SIZE) throw new RangeError(`写入缓冲区越界：${this.used} + ${n}`);
    this.used += n;
  }

  /** Writes what is left, waits for every write and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    await this.settle();
    if (this.used > 0) {
      // The last bytes, less than a block: through the page cache, at their place.
      writeAllSync(this.pageCacheFd(), this.buffers[this.current]!.subarray(0, this.used), this.written);
      this.written += this.used;
      this.used = 0;
    }
    await this.discard();
  }

  /** Closes the file as it is, once no write is going on (after a failure; the caller removes it). */
  async discard(): Promise<void> {
    await Promise.all(this.writing);
    for (const fd of [this.fd, this.cached]) if (fd >= 0) closeSync(fd);
    this.fd = this.cached = -1;
  }

  /** Waits for every write, and throws the first failure. */
  private async settle(): Promise<void> {
    await Promise.all(this.writing);
    if (this.failed) throw this.failed;
  }

  /** The file through the page cache: opened again when it was opened past it. */
  private pageCacheFd(): number {
    if (!this.openedDirect) return this.fd;
    if (this.cached < 0) this.cached = openSync(this.path, 'r+');
    return this.cached;
  }

  /** Puts `length` bytes into the buffers, `put` filling each free stretch from byte `at` on. */
  private async fill(length: number, put: (into: Uint8Array, at: number) => void): Promise<void> {
    if (this.failed) throw this.failed;
    for (let at = 0; at < length; ) {
      if (this.used === SIZE) await this.flush();
      const n = Math.min(SIZE - this.used, length - at);
      put(this.buffers[this.current]!.subarray(this.used, this.used + n), at);
      this.used += n;
      at += n;
    }
  }

  /**
   * Hands the current buffer to a write (its whole blocks when direct, all of it otherwise) and
   * moves what is left of it to the next buffer, once that one's write is done.
   */
  private async flush(): Promise<void> {
    const length = this.directly ? this.used - (this.used % BLOCK) : this.used;
    if (length === 0) return;
    const buffer = this.buffers[this.current]!;
    const at = this.current;
    this.writing[at] = this.write(buffer.subarray(0, length), this.written).finally(() => {
      this.writing[at] = null;
    });
    this.written += length;
    this.current = (this.current + 1) % this.buffers.length;
    await this.writing[this.current];
    if (this.failed) throw this.failed;
    const left = this.used - length;
    this.buffers[this.current]!.set(buffer.subarray(length, this.used));
    this.used = left;
  }

  /** One write; refused by the file system (nothing was written), it and the rest go through the page cache. */
  private async write(bytes: Uint8Array, position: number): Promise<void> {
    try {
      if (this.directly) {
        try {
          return await writeAll(this.fd, bytes, position);
        } catch (err) {
          if (!refused(err)) throw err;
          this.directly = false;
        }
      }
      await writeAll(this.pageCacheFd(), bytes, position);
    } catch (err) {
      this.failed ??= err;
    }
  }
}
