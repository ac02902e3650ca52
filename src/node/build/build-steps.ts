/**
 * The code of `npm run build` past its first decisions (scripts/build.ts): it imports this once it
 * knows it builds and has started Astro, so that Astro's start-up overlaps the loading of the
 * parser, the page digests and the search index instead of waiting for it.
 */
export { entryReader, fileDigest, pageReport, readSnapshotPages, reportReader, withOverview } from '../../loader/archive-snapshot.ts';
export { registryFile } from '../archive-paths.ts';
export { parserVersion } from '../parse-cache.ts';
export { sidecarDigestOf } from '../read-archive.ts';
export { carriedOf, keepCarried, keepCarriedChanges, patchCarried, readCarried } from './carried-snapshot.ts';
export { digestPages, pagesToRender, renderCounts } from '../../loader/page-digests.ts';
export { handoffOf, writeHandoff, writeRenderSet } from '../../loader/snapshot-handoff.ts';
export { partDigests } from '../../search/build/index-parts.ts';
export { searchRecord } from '../../search/records.ts';
export { settings } from '../../site/settings.ts';
export { overlayOutput } from './overlay-output.ts';
export { SearchAside } from './search-aside.ts';
export { buildSearchStaged, placeIndexFiles, planSearch, preloadSearchPage } from './search-step.ts';
