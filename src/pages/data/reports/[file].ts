/** /data/reports/<id>.json and /data/reports/<id>.csv: one report. */
import type { APIRoute } from 'astro';
import type { Report } from '../../../core/model/report.ts';
import { addPhaseTime } from '../../../node/build-phases.ts';
import { archiveIndex } from '../../../site/archive-index.ts';
import { rendersPage } from '../../../site/render-only.ts';
import { reportsCsv } from '../../../site/data/csv.ts';

export async function getStaticPaths() {
  const index = await archiveIndex();
  return index.entries.filter((e) => rendersPage(e.id)).flatMap((e) => [
    { params: { file: `${e.id}.json` }, props: { report: e.report, format: 'json' } },
    { params: { file: `${e.id}.csv` }, props: { report: e.report, format: 'csv' } },
  ]);
}

export const GET: APIRoute = ({ props }) => {
  const { report, format } = props as { report: Report; format: 'json' | 'csv' };
  const started = performance.now();
  const body = format === 'json' ? `${JSON.stringify(report)}\n` : reportsCsv([report]);
  addPhaseTime('data', performance.now() - started);
  return new Response(body, { headers: { 'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8' } });
};
