/**
 * The original file of each report, byte for byte, next to its page. The file name comes from the
 * report id only (core/export/paths.ts validates it), never from the source file's own name.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { reportPaths } from '../../../core/export/paths.ts';
import type { Report } from '../../../core/model/report.ts';
import { archiveIndex } from '../../../site/archive-index.ts';
import { rendersPage } from '../../../site/render-only.ts';

export async function getStaticPaths() {
  const index = await archiveIndex();
  const out: { params: { id: string; original: string }; props: { filePath: string } }[] = [];
  const add = (id: string, format: Report['source']['format'], file: string, filePath: string) => {
    const original = reportPaths({ id, source: { file, format } as Report['source'] }).original;
    out.push({ params: { id, original: original.split('/').pop()! }, props: { filePath } });
  };
  // Only the rendered reports' listings are read (a partial build renders few), in one pass.
  const rendered = index.entries.filter((e) => rendersPage(e.id));
  index.listingsOf(rendered).forEach(({ source }, k) => add(rendered[k]!.id, source.format, source.file, rendered[k]!.filePath));
  for (const f of index.files) if (f.data.pageId && f.data.format && rendersPage(f.data.pageId)) add(f.data.pageId, f.data.format, f.data.file, f.filePath);
  return out;
}

export const GET: APIRoute = ({ props }) => {
  // Paths are relative to the project root, where the build runs.
  return new Response(readFileSync(resolve((props as { filePath: string }).filePath)));
};
