/**
 * /data/reports.csv: one row per report, every table cell a column (stable dotted names). Joined
 * from the report store's CSV rows as bytes, like /data/reports.json.
 */
import type { APIRoute } from 'astro';
import { csvHead } from '../../site/data/csv.ts';
import { joinedDownload } from '../../site/data/joined-download.ts';

export const GET: APIRoute = () => joinedDownload('csv', { out: 'data/reports.csv', head: csvHead(), separator: '', tail: '' }, 'text/csv; charset=utf-8');
