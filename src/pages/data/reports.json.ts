/**
 * /data/reports.json: every report, as an array of Report objects sorted by id. Joined from the
 * report store's JSON as bytes (src/site/data/joined-bytes.ts), one report each time the stream
 * is pulled; under `npm run build` the build writes it from a recipe instead (see
 * src/site/data/join-recipe.ts), since Astro would hold the whole body in memory.
 */
import type { APIRoute } from 'astro';
import { joinedDownload } from '../../site/data/joined-download.ts';

export const GET: APIRoute = () => joinedDownload('json', { out: 'data/reports.json', head: '[', separator: ',', tail: ']' }, 'application/json; charset=utf-8');
