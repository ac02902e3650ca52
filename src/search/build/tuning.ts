/**
 * The search index's settings from the environment, the same for `npm run build` and
 * `npm run search-index`: where the cache lives (XXGK_SEARCH_CACHE_DIR), how the index is cut
 * (XXGK_SEARCH_SHARD_PAGES, XXGK_SEARCH_CHUNK_SIZE: the tests set tiny ones so a five-report
 * archive goes through the merge as a large one does) and how many threads build shards
 * (XXGK_SEARCH_WORKERS).
 */
import { resolve } from 'node:path';
import type { SearchIndexOptions } from './build-search-index.ts';

export function searchTuning(env: NodeJS.ProcessEnv): Pick<SearchIndexOptions, 'cacheDir' | 'maxShardPages' | 'chunkSize' | 'workers'> {
  const count = (name: string) => (env[name] && Number(env[name]) > 0 ? Number(env[name]) : undefined);
  return {
    ...(env.XXGK_SEARCH_CACHE_DIR ? { cacheDir: resolve(env.XXGK_SEARCH_CACHE_DIR) } : {}),
    ...(count('XXGK_SEARCH_SHARD_PAGES') ? { maxShardPages: count('XXGK_SEARCH_SHARD_PAGES') } : {}),
    ...(count('XXGK_SEARCH_CHUNK_SIZE') ? { chunkSize: count('XXGK_SEARCH_CHUNK_SIZE') } : {}),
    ...(count('XXGK_SEARCH_WORKERS') ? { workers: count('XXGK_SEARCH_WORKERS') } : {}),
  };
}
