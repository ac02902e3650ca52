/**
 * /data/reports.json: every report, as an array of Report objects sorted by id. Joined from the
 * report store's JSON as bytes (src/site/data/archive-downloads.ts, joined-bytes.ts), one report
 * each time the stream is pulled; under `npm run build` the build writes it from a recipe instead
 * (src/site/data/record-downloads.ts), since Astro would hold the whole body in memory.
 */
import type { APIRoute } from 'astro';
import { REPORTS_JSON } from '../../site/data/archive-downloads.ts';
import { joinedDownload } from '../../site/data/joined-download.ts';

export const GET: APIRoute = () => joinedDownload(REPORTS_JSON);
