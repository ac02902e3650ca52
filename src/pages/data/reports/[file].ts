/** /data/reports/<id>.json and /data/reports/<id>.csv: one report. */
import type { APIRoute } from 'astro';
import { addPhaseTime } from '../../../node/build-phases.ts';
import { readByteRange } from '../../../node/byte-range.ts';
import { archiveIndex, type ReportEntry } from '../../../site/archive-index.ts';
import { rendersPage } from '../../../site/render-only.ts';
import { csvHead } from '../../../site/data/csv.ts';
import { joinedBytes } from '../../../site/data/joined-bytes.ts';

export async function getStaticPaths() {
  const index = await archiveIndex();
  return index.entries.filter((e) => rendersPage(e.id)).flatMap((e) => [
    { params: { file: `${e.id}.json` }, props: { entry: e, format: 'json' } },
    { params: { file: `${e.id}.csv` }, props: { entry: e, format: 'csv' } },
  ]);
}

export const GET: APIRoute = ({ props }) => {
  const { entry, format } = props as { entry: ReportEntry; format: 'json' | 'csv' };
  const started = performance.now();
  // The stored bytes as they are (see src/site/data/joined-bytes.ts).
  const body = format === 'json' ? joinedBytes([readByteRange(entry.jsonAt)], { head: '', separator: '', tail: '\n' }) : joinedBytes([readByteRange(entry.csvAt)], { head: csvHead(), separator: '', tail: '' });
  addPhaseTime('data', performance.now() - started);
  return new Response(body, { headers: { 'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8' } });
};
