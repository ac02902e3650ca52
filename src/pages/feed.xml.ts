/** /feed.xml: Atom feed of the newest reports by publication date. */
import type { APIRoute } from 'astro';
import { archiveIndex } from '../site/archive-index.ts';
import { atomFeed } from '../site/feeds.ts';
import { settings } from '../site/settings.ts';

export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  return new Response(atomFeed(index.summaries, settings), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
