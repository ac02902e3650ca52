/**
 * /robots.txt. Under a base path the portal serves its own robots.txt at the host root; this one
 * then only names the sitemap, for the portal to copy.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, routes } from '../site/urls.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap())}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
