/**
 * gzip in segments cut by content, so that a file written again with a few bytes changed copies
 * most of its compressed bytes from the earlier file instead of compressing them again.
 *
 * Why: a one-report rebuild writes again every merged index chunk holding a word whose positions
 * moved, and a word every report has makes a chunk of its own: at 50,000 reports, after the
 * benchmark's edit, 207 chunks of about 250 KB each, and compressing them whole took 1.6 s of the
 * build's main thread (bench/README.md). Only the bytes of the one changed report's entry differ.
 *
 * How: the bytes are cut where a gear hash of the last bytes meets a mask (as FastCDC does), so
 * cuts after an edit fall where they fell before; each segment is deflated on its own, with the
 * 32 KB before it as dictionary (as pigz does), and ends with a sync flush. A segment whose bytes
 * and the 32 KB before them are those of a segment of the earlier file, wherever it lies there, is
 * copied from it: a chunk holding several moved words changes in several places. The
 * result is one ordinary gzip member, byte for byte what compressing afresh gives; for index
 * chunks it is as small as one deflate stream of the whole (measured: within 0.6 %).
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/** No cut within the first MIN_SEGMENT bytes of a segment, always one after MAX_SEGMENT: about 16 KB each. */
const MIN_SEGMENT = 8192;
const MAX_SEGMENT = 65536;
/** A cut where the hash's top 13 bits are zero: one in 8,192 places past the minimum. */
const CUT_MASK = ((1 << 13) - 1) << 19;
/** deflate's window: how far back a segment's matches may reach into the bytes before it. */
const WINDOW = 32768;

/** ID1 ID2, deflate, no flags, no time, no extra flags, Unix. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty final block (fixed Huffman codes, end of block only): what ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([3, 0]);

/** 256 fixed pseudo-random words (xorshift32): the gear hash's table, the same in every build. */
const GEAR = (() => {
  const table = new Int32Array(256);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x;
  }
  return table;
})();

/** Where each segment of `raw` ends (the last one at raw.length; none for no bytes). */
export function segmentEnds(raw: Uint8Array): number[] {
  const ends: number[] = [];
  let start = 0;
  while (start < raw.length) {
    const limit = Math.min(raw.length, start + MAX_SEGMENT);
    let end = limit;
    let hash = 0;
    // The hash holds the last 32 bytes only (each shifts one bit out per byte), so no state crosses a cut.
    for (let i = start + MIN_SEGMENT; i < limit; i++) {
      hash = ((hash << 1) + GEAR[raw[i]!]!) | 0;
      if ((hash & CUT_MASK) === 0) {
        end = i + 1;
        break;
      }
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

/** A gzip file written by gzipSegments, and where each segment's deflate blocks end in it. */
export interface GzipSegments {
  bytes: Buffer;
  ends: number[];
}

/** An earlier file of gzipSegments: its bytes before compression, the file, and its segments' ends in the file. */
export interface EarlierGzip {
  raw: Uint8Array;
  file: Uint8Array;
  ends: readonly number[];
}

const deflateOptions = (raw: Uint8Array, start: number, level: number) => ({
  level,
  finishFlush: constants.Z_SYNC_FLUSH,
  ...(start > 0 ? { dictionary: raw.subarray(Math.max(0, start - WINDOW), start) } : {}),
});

/** The file from its segments' deflate blocks: header, blocks, final block, CRC-32 and length. */
function assemble(raw: Uint8Array, segments: readonly Uint8Array[]): GzipSegments {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(raw), 0);
  trailer.writeUInt32LE(raw.length % 2 ** 32, 4);
  const ends: number[] = [];
  let at = HEADER.length;
  for (const s of segments) ends.push((at += s.length));
  return { bytes: Buffer.concat([HEADER, ...segments, FINAL_BLOCK, trailer]), ends };
}

/**
 * The earlier file's compressed bytes for the segment of `raw` from `start` to `end`, when the
 * earlier file has a segment of the same bytes with the same bytes in the 32 KB before it (its
 * dictionary), wherever it lies; else null. Cuts come back in step after each edit, so every
 * segment away from the edits is found.
 */
function earlierSegments(raw: Uint8Array, earlier: EarlierGzip | null | undefined): (start: number, end: number) => Uint8Array | null {
  const none = () => null;
  if (!earlier) return none;
  const old = segmentEnds(earlier.raw);
  // Not written by this code (or not with these cuts): nothing is taken from it.
  if (old.length !== earlier.ends.length || earlier.file.length !== (old.length ? earlier.ends[old.length - 1]! : HEADER.length) + FINAL_BLOCK.length + 8) return none;
  const startOf = (i: number) => (i === 0 ? 0 : old[i - 1]!);
  // The earlier segments by their bytes' CRC-32 (the bytes are compared before one is taken).
  const byCrc = new Map<number, number[]>();
  old.forEach((end, i) => {
    const crc = crc32(earlier.raw.subarray(startOf(i), end));
    const same = byCrc.get(crc);
    if (same) same.push(i);
    else byCrc.set(crc, [i]);
  });
  return (start, end) => {
    const dictionary = Math.min(start, WINDOW);
    for (const i of byCrc.get(crc32(raw.subarray(start, end))) ?? []) {
      const from = startOf(i);
      if (Math.min(from, WINDOW) !== dictionary || Buffer.compare(raw.subarray(start - dictionary, end), earlier.raw.subarray(from - dictionary, old[i]!)) !== 0) continue;
      return earlier.file.subarray(i === 0 ? HEADER.length : earlier.ends[i - 1]!, earlier.ends[i]!);
    }
    return null;
  };
}

/**
 * `raw` gzipped in segments (see the module comment), copying from `earlier` the segments it has
 * the same; `reused` counts them.
 */
export function gzipSegments(raw: Uint8Array, level: number, earlier?: EarlierGzip | null): GzipSegments & { reused: number } {
  const fromEarlier = earlierSegments(raw, earlier);
  const segments: Uint8Array[] = [];
  let reused = 0;
  let start = 0;
  for (const end of segmentEnds(raw)) {
    const copied = fromEarlier(start, end);
    if (copied) reused++;
    segments.push(copied ?? deflateRawSync(raw.subarray(start, end), deflateOptions(raw, start, level)));
    start = end;
  }
  return { ...assemble(raw, segments), reused };
}

const deflateRawAsync = promisify(deflateRaw);

/** The same as gzipSegments without an earlier file, its segments compressed on libuv's threads side by side. */
export async function gzipSegmentsAsync(raw: Uint8Array, level: number): Promise<GzipSegments> {
  const starts = [0, ...segmentEnds(raw)];
  const segments = await Promise.all(starts.slice(1).map((end, i) => deflateRawAsync(raw.subarray(starts[i]!, end), deflateOptions(raw, starts[i]!, level))));
  return assemble(raw, segments);
}
