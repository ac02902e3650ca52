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
}

const utf8 = new TextEncoder();

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
  return concat([utf8.encode(joint.head), ...parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p])), utf8.encode(joint.tail)]);
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
      controller.enqueue(parts[i]!());
      i++;
    },
  });
}
