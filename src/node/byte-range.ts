/**
 * Bytes of a file by position: the report store's packs are read this way (a page's report, a
 * download's parts), so one read names the file when it is shorter than recorded.
 */
import { closeSync, openSync, readSync } from 'node:fs';

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
