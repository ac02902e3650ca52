/**
 * The site's collections, defined where Node loads them itself (../content.config.ts): importing
 * `defineCollection` from `astro:content` in the content config made Vite's module runner
 * transform and run Astro's content runtime, about 75 of Astro's modules, before the loaders
 * started. `astro/content/config` is the same function without the runtime, and Node has most of
 * what it imports loaded already, for Astro's own start. It is a subpath the `astro` package
 * exports but does not document: should an Astro release drop it, the import fails and
 * tests/unit/loader/collections.test.ts says so.
 */
import { defineCollection } from 'astro/content/config';
import { archiveFilesLoader, archiveLoader, reportsLoader } from './reports-loader.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
  archiveFiles: defineCollection({ loader: archiveFilesLoader() }),
  archive: defineCollection({ loader: archiveLoader() }),
};
