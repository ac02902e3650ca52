/**
 * Collections: every report of the archive folder, the files in it that are not reports, and the
 * problems only the whole archive shows (duplicates, carry-over between years).
 */
import { defineCollection } from 'astro:content';
import { archiveFilesLoader, archiveLoader, reportsLoader } from './loader/reports-loader.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
  archiveFiles: defineCollection({ loader: archiveFilesLoader() }),
  archive: defineCollection({ loader: archiveLoader() }),
};
