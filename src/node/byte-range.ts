/**
 * Bytes of a file by position: the report store's packs are read this way (a page's report, a
 * download's parts), so one read names the file when it is shorter than recorded.
 */
import { closeSync, openSync, readSync, readvSync } from 'node:fs';

/** `length` bytes of `file` from `offset`. */
export interface ByteRange {
  file: string;
  offset: number;
  length: number;
}

/** Reads the range into `into` (from its start) through an open file; fails naming the file when it is short. */
export function readByteRangeInto(fd: number, range: ByteRange, into: Uint8Array): void {
  for (let read = 0; read < range.length; ) {
    const n = readSync(fd, into, read, range.length - read, range.offset + read);
    if (n === 0) throw new Error(`${range.file}: 文件比记录的短（应有 ${range.offset + range.length} 字节），请重新构建`);
    read += n;
  }
}

/**
 * Reads the range into the buffers `into`, one after another (their lengths add up to the
 * range's): one call into the kernel where it gives it all, as a download's parts that lie side by
 * side in a pack are read (./build/join-file.ts). Fails naming the file when it is short.
 */
export function readByteRangeIntoEach(fd: number, range: ByteRange, into: readonly Uint8Array[]): void {
  let done = readvSync(fd, into, range.offset);
  if (done === range.length) return;
  // A short read: the rest buffer by buffer (a read past the end then names the file).
  let skip = done;
  for (const buffer of into) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    readByteRangeInto(fd, { file: range.file, offset: range.offset + done, length: buffer.length - skip }, buffer.subarray(skip));
    done += buffer.length - skip;
    skip = 0;
  }
}

export function readByteRange(range: ByteRange): Buffer {
  const fd = openSync(range.file, 'r');
  try {
    const bytes = Buffer.allocUnsafe(range.length);
    readByteRangeInto(fd, range, bytes);
    return bytes;
  } finally {
    closeSync(fd);
  }
}
