/** /data/reports/<id>.json and /data/reports/<id>.csv: one report. */
import type { APIRoute } from 'astro';
import type { Report } from '../../../core/model/report.ts';
import { archiveIndex } from '../../../site/archive-index.ts';
import { reportsCsv } from '../../../site/data/csv.ts';

export async function getStaticPaths() {
  const index = await archiveIndex();
  return index.entries.flatMap((e) => [
    { params: { file: `${e.id}.json` }, props: { report: e.report, format: 'json' } },
    { params: { file: `${e.id}.csv` }, props: { report: e.report, format: 'csv' } },
  ]);
}

export const GET: APIRoute = ({ props }) => {
  const { report, format } = props as { report: Report; format: 'json' | 'csv' };
  return format === 'json'
    ? new Response(`${JSON.stringify(report)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response(reportsCsv([report]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
