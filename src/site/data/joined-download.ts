/**
 * An archive-wide download joined from every report's stored JSON or CSV row, in id order: the
 * bytes themselves (streamed, `astro dev` and `astro build`), or, under `npm run build`, a
 * recipe the build writes the file from after Astro (./join-recipe.ts).
 */
import { addPhaseTime } from '../../node/build-phases.ts';
import { readByteRange } from '../../node/byte-range.ts';
import { archiveIndex } from '../archive-index.ts';
import { joinsFile, recordJoin } from './join-recipe.ts';
import { joinedStream, type Joint } from './joined-bytes.ts';

export async function joinedDownload(kind: 'json' | 'csv', joint: Joint & { out: string }, contentType: string): Promise<Response> {
  const started = performance.now();
  const { entries } = await archiveIndex();
  const parts = entries.map((e) => (kind === 'json' ? e.jsonAt : e.csvAt));
  const headers = { 'Content-Type': contentType };
  const recipes = joinsFile();
  if (recipes) {
    recordJoin(recipes, { ...joint, parts });
    addPhaseTime('data', performance.now() - started);
    // A placeholder: the build writes the file over it.
    return new Response('', { headers });
  }
  const body = joinedStream(
    parts.map((part) => () => readByteRange(part)),
    joint,
    () => addPhaseTime('data', performance.now() - started),
  );
  return new Response(body, { headers });
}
