/**
 * Collections: every report of the archive folder, the files in it that are not reports, and the
 * problems only the whole archive shows (duplicates, carry-over between years).
 * The loaders are loaded by Node itself, not through Vite's module runner (./loader/native-import.ts).
 */
import { defineCollection } from 'astro:content';
import { importNatively } from './loader/native-import.ts';

const { archiveFilesLoader, archiveLoader, reportsLoader } = await importNatively(new URL('./loader/reports-loader.ts', import.meta.url), () => import('./loader/reports-loader.ts'));

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
  archiveFiles: defineCollection({ loader: archiveFilesLoader() }),
  archive: defineCollection({ loader: archiveLoader() }),
};
