/** /data/reports.csv: one row per report, every table cell a column (stable dotted names). */
import type { APIRoute } from 'astro';
import { timePhase } from '../../node/build-phases.ts';
import { archiveIndex } from '../../site/archive-index.ts';
import { reportsCsv } from '../../site/data/csv.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  const csv = await timePhase('data', () => reportsCsv(index.entries.map((e) => e.report)));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
