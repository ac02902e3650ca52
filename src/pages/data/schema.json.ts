/** /data/schema.json: the Report JSON Schema, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { reportJsonSchema } from '../../core/model/json-schema.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
