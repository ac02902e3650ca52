/**
 * The original file of each report, byte for byte, next to its page. The file name comes from the
 * report id only (core/export/paths.ts validates it), never from the source file's own name.
 * Under `npm run build` the build copies them (src/site/data/report-files.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { archiveIndex } from '../../../site/archive-index.ts';
import { joinsFile, recordJoins } from '../../../site/data/join-recipe.ts';
import { originalRecipes, originals } from '../../../site/data/report-files.ts';

export async function getStaticPaths() {
  const index = await archiveIndex();
  const recipes = joinsFile();
  if (recipes) {
    recordJoins(recipes, originalRecipes(index));
    return [];
  }
  return originals(index).map(({ id, name, filePath }) => ({ params: { id, original: name }, props: { filePath } }));
}

export const GET: APIRoute = ({ props }) => {
  // Paths are relative to the project root, where the build runs.
  return new Response(readFileSync(resolve((props as { filePath: string }).filePath)));
};
