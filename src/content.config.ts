/** Collections: every report of the archive folder, and the files in it that are not reports. */
import { defineCollection } from 'astro:content';
import { archiveFilesLoader, reportsLoader } from './loader/reports-loader.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
  archiveFiles: defineCollection({ loader: archiveFilesLoader() }),
};
