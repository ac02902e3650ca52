/**
 * A file written from start to end through one buffer (a megabyte a write: reports.json is one
 * write per part and separator otherwise, 30,000 calls into the kernel at 10,000 reports), past
 * the page cache (O_DIRECT) where the system and the file system allow it.
 *
 * Why: the archive-wide downloads are written whole in every build (2 GB at 50,000 reports) and
 * the build never reads them again. Through the page cache the kernel copies each byte, finds
 * pages for them by evicting others and writes them back on its own threads, all on the cores
 * the rest of the build is using: 0.7–3.3 s of system time for 2 GB on this machine, against
 * 0.3–0.7 s written directly (the disk took 1.5 GB/s).
 *
 * O_DIRECT wants the buffer's address, each write's length and its offset in the file aligned to
 * the device's block: the buffer is a WebAssembly memory (page-aligned), each write a multiple of
 * BLOCK, and the last few bytes are written through the page cache. Where O_DIRECT is missing
 * (macOS, Windows) or refused (file systems without it, tmpfs before Linux 6.6: the open or a
 * write fails with EINVAL or EOPNOTSUPP), the file is written through the page cache as before.
 */
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { readByteRangeInto, type ByteRange } from '../byte-range.ts';

/** Every direct write is a multiple of this (the largest logical block size of common devices). */
export const BLOCK = 4096;
/** The buffer: a megabyte, a multiple of BLOCK and of WebAssembly's 64 KiB page. */
const SIZE = 1 << 20;

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

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
}

export class DirectOut {
  private readonly path: string;
  private fd: number;
  private directly: boolean;
  private readonly buffer: Uint8Array;
  private used = 0;
  /** Bytes of the file written so far (where the buffer's first byte goes). */
  private written = 0;

  /** Creates (or truncates) `path`; `direct: false` writes it through the page cache. */
  constructor(path: string, direct = true) {
    this.path = path;
    const flag = constants.O_DIRECT;
    // A WebAssembly memory starts on a page of its own; a Buffer's bytes may start anywhere.
    const aligned = direct && flag ? pageAligned() : null;
    this.directly = false;
    this.fd = -1;
    if (aligned) {
      try {
        this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | flag!, 0o666);
        this.directly = true;
      } catch (err) {
        if (!refused(err)) throw err;
      }
    }
    if (this.fd < 0) this.fd = openSync(path, 'w');
    this.buffer = aligned ?? Buffer.allocUnsafe(SIZE);
  }

  /** Whether writes still go past the page cache. */
  get direct(): boolean {
    return this.directly;
  }

  add(bytes: Uint8Array): void {
    this.fill(bytes.length, (into, at) => into.set(bytes.subarray(at, at + into.length)));
  }

  /** Copies a range of another file (open as `fd`), a buffer's worth at a time. */
  copy(fd: number, range: ByteRange): void {
    this.fill(range.length, (into, at) => readByteRangeInto(fd, { file: range.file, offset: range.offset + at, length: into.length }, into));
  }

  /** Writes what is left and closes the file. */
  close(): void {
    this.flush();
    if (this.used > 0) {
      // The last bytes, less than a block: through the page cache, at their place.
      const tail = openSync(this.path, 'r+');
      try {
        writeAll(tail, this.buffer.subarray(0, this.used), this.written);
      } finally {
        closeSync(tail);
      }
      this.written += this.used;
      this.used = 0;
    }
    this.discard();
  }

  /** Closes the file as it is (after a failure; the caller removes it). */
  discard(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** Puts `length` bytes into the buffer, `put` filling each free stretch of it from byte `at` on. */
  private fill(length: number, put: (into: Uint8Array, at: number) => void): void {
    for (let at = 0; at < length; ) {
      if (this.used === SIZE) this.flush();
      const n = Math.min(SIZE - this.used, length - at);
      put(this.buffer.subarray(this.used, this.used + n), at);
      this.used += n;
      at += n;
    }
  }

  /** Writes the buffer out: all of it through the page cache, its whole blocks directly. */
  private flush(): void {
    const length = this.directly ? this.used - (this.used % BLOCK) : this.used;
    if (length === 0) return;
    try {
      writeAll(this.fd, this.buffer.subarray(0, length), this.written);
    } catch (err) {
      // Refused by the file system (nothing was written): the rest goes through the page cache.
      if (!this.directly || !refused(err)) throw err;
      closeSync(this.fd);
      this.fd = openSync(this.path, 'r+');
      this.directly = false;
      return this.flush();
    }
    this.written += length;
    this.buffer.copyWithin(0, length, this.used);
    this.used -= length;
  }
}
