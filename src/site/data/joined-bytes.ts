/**
 * Data downloads joined from stored pieces as bytes: `head`, the parts with `separator` between
 * them, `tail`. The report store keeps each report's JSON and CSV row as UTF-8 files, so the
 * downloads pass those bytes on as they are; decoding 10,000 reports to text and encoding them back
 * took seconds of a build.
 */

export interface Joint {
  head: string;
  separator: string;
  tail: string;
  /**
   * Each part padded with spaces and a newline to a multiple of this many bytes (see slotLength);
   * absent: the parts as they are.
   */
  slot?: number;
}

const utf8 = new TextEncoder();

/**
 * The bytes a part of `length` bytes takes with its padding: the next multiple of `slot` above
 * `length` (at least one byte of padding, so every part ends with its newline). A part whose
 * length changes within its slot can then be written again in place, the rest of the file
 * unmoved (src/node/build/join-plan.ts); deterministic, so a file patched so is the file a
 * whole join gives.
 */
export function slotLength(length: number, slot: number | undefined): number {
  return slot ? Math.ceil((length + 1) / slot) * slot : length;
}

/** The padding after a part of `length` bytes: spaces, then a newline (nothing without a slot). */
export function slotPadding(length: number, slot: number | undefined): Uint8Array {
  const n = slotLength(length, slot) - length;
  const pad = new Uint8Array(n).fill(0x20);
  if (n > 0) pad[n - 1] = 0x0a;
  return pad;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The joined bytes at once (a download of a few parts). */
export function joinedBytes(parts: readonly Uint8Array[], joint: Joint): Uint8Array<ArrayBuffer> {
  const separator = utf8.encode(joint.separator);
  const padded = (p: Uint8Array) => [p, slotPadding(p.length, joint.slot)];
  return concat([utf8.encode(joint.head), ...parts.flatMap((p, i) => (i === 0 ? padded(p) : [separator, ...padded(p)])), utf8.encode(joint.tail)]);
}

/**
 * The joined bytes as a stream that reads one part each time it is pulled, so neither the whole
 * download nor every part is held at once while it is produced. `onEnd` runs after the last chunk.
 */
export function joinedStream(parts: readonly (() => Uint8Array)[], joint: Joint, onEnd?: () => void): ReadableStream<Uint8Array> {
  const [head, separator, tail] = [joint.head, joint.separator, joint.tail].map((t) => utf8.encode(t)) as [Uint8Array, Uint8Array, Uint8Array];
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === 0 && head.length > 0) controller.enqueue(head);
      if (i === parts.length) {
        if (tail.length > 0) controller.enqueue(tail);
        controller.close();
        onEnd?.();
        return;
      }
      if (i > 0 && separator.length > 0) controller.enqueue(separator);
      const part = parts[i]!();
      controller.enqueue(part);
      if (joint.slot) controller.enqueue(slotPadding(part.length, joint.slot));
      i++;
    },
  });
}
