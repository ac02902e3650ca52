/**
 * An archive-wide download (./archive-downloads.ts) as its endpoint answers it: the bytes joined
 * from every report's stored JSON or CSV row, streamed (`astro dev` and `astro build`), or, under
 * `npm run build`, an empty placeholder: the build recorded the download's recipe before Astro
 * rendered (./record-downloads.ts) and writes the file over the placeholder (./join-recipe.ts).
 */
import { addPhaseTime } from '../../node/build-phases.ts';
import { readByteRange } from '../../node/byte-range.ts';
import { archiveIndex } from '../archive-index.ts';
import { downloadRecipe, type ArchiveDownload } from './archive-downloads.ts';
import { joinsFile } from './join-recipe.ts';
import { joinedStream } from './joined-bytes.ts';

export async function joinedDownload(download: ArchiveDownload): Promise<Response> {
  const headers = { 'Content-Type': download.contentType };
  if (joinsFile()) return new Response('', { headers });
  const started = performance.now();
  const { entries } = await archiveIndex();
  const body = joinedStream(
    downloadRecipe(download, entries).parts.map((part) => () => readByteRange(part)),
    download.joint,
    () => addPhaseTime('data', performance.now() - started),
  );
  return new Response(body, { headers });
}
