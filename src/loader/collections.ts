/**
 * The site's collections, defined where Node loads them itself (../content.config.ts): importing
 * `defineCollection` from `astro:content` in the content config made Vite's module runner
 * transform and run Astro's content runtime, about 75 of Astro's modules, before the loaders
 * started. `astro/content/config` is the same function without the runtime, and Node has most of
 * what it imports loaded already, for Astro's own start.
 */
import { defineCollection } from 'astro/content/config';
import { archiveFilesLoader, archiveLoader, reportsLoader } from './reports-loader.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
  archiveFiles: defineCollection({ loader: archiveFilesLoader() }),
  archive: defineCollection({ loader: archiveLoader() }),
};
