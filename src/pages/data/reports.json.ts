/**
 * /data/reports.json: every report, as an array of Report objects sorted by id. Joined from the
 * report store's JSON files as bytes (src/site/data/joined-bytes.ts), one report each time the
 * stream is pulled, so a large archive never becomes one giant string in memory.
 */
import type { APIRoute } from 'astro';
import { addPhaseTime } from '../../node/build-phases.ts';
import { archiveIndex } from '../../site/archive-index.ts';
import { joinedStream } from '../../site/data/joined-bytes.ts';

export const GET: APIRoute = async () => {
  const started = performance.now();
  const { entries } = await archiveIndex();
  const body = joinedStream(
    entries.map((e) => e.loadJsonBytes),
    { head: '[', separator: ',', tail: ']' },
    () => addPhaseTime('data', performance.now() - started),
  );
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
