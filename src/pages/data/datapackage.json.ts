/** /data/datapackage.json: a Frictionless Data Package describing the downloads. */
import type { APIRoute } from 'astro';
import { archiveIndex } from '../../site/archive-index.ts';
import { dataPackage } from '../../site/data/datapackage.ts';
import { settings } from '../../site/settings.ts';
import { absoluteUrl, routes } from '../../site/urls.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  const pkg = dataPackage({ title: settings.title, portalName: settings.portalName, homepage: absoluteUrl(routes.data()), reports: index.entries.length });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
