/**
 * /data/reports.csv: one row per report, every table cell a column (stable dotted names). Joined
 * from the report store's CSV rows as bytes, like /data/reports.json (src/site/data/archive-downloads.ts).
 */
import type { APIRoute } from 'astro';
import { REPORTS_CSV } from '../../site/data/archive-downloads.ts';
import { joinedDownload } from '../../site/data/joined-download.ts';

export const GET: APIRoute = () => joinedDownload(REPORTS_CSV);
