/**
 * /data/reports.json: every report, as an array of Report objects sorted by id. Written as a
 * stream, one report at a time (each read from the report store as it is written), so a large
 * archive never becomes one giant string, nor every Report at once, in memory.
 */
import type { APIRoute } from 'astro';
import { addPhaseTime } from '../../node/build-phases.ts';
import { archiveIndex } from '../../site/archive-index.ts';

export const GET: APIRoute = async () => {
  const started = performance.now();
  const { entries } = await archiveIndex();
  const headers = { 'Content-Type': 'application/json; charset=utf-8' };
  if (entries.length === 0) return new Response('[]', { headers });
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === entries.length) {
        controller.enqueue(encoder.encode(']'));
        controller.close();
        addPhaseTime('data', performance.now() - started);
        return;
      }
      controller.enqueue(encoder.encode(`${i === 0 ? '[' : ','}${entries[i]!.loadJson()}`));
      i++;
    },
  });
  return new Response(body, { headers });
};
