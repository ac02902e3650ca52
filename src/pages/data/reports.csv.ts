/** /data/reports.csv: one row per report, every table cell a column (stable dotted names). */
import type { APIRoute } from 'astro';
import { timePhase } from '../../node/build-phases.ts';
import { archiveIndex } from '../../site/archive-index.ts';
import { csvDocument } from '../../site/data/csv.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  const csv = await timePhase('data', () => csvDocument(index.entries.map((e) => e.loadCsvRecord())));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
