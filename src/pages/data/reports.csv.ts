/**
 * /data/reports.csv: one row per report, every table cell a column (stable dotted names). Joined
 * from the report store's CSV rows as bytes, like /data/reports.json.
 */
import type { APIRoute } from 'astro';
import { addPhaseTime } from '../../node/build-phases.ts';
import { archiveIndex } from '../../site/archive-index.ts';
import { csvHead } from '../../site/data/csv.ts';
import { joinedStream } from '../../site/data/joined-bytes.ts';

export const GET: APIRoute = async () => {
  const started = performance.now();
  const { entries } = await archiveIndex();
  const body = joinedStream(
    entries.map((e) => e.loadCsvBytes),
    { head: csvHead(), separator: '', tail: '' },
    () => addPhaseTime('data', performance.now() - started),
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
