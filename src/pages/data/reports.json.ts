/** /data/reports.json: every report, as an array of Report objects sorted by id. */
import type { APIRoute } from 'astro';
import { archiveIndex } from '../../site/archive-index.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  return new Response(JSON.stringify(index.entries.map((e) => e.report)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
