/**
 * Runs the real `npm run build` (scripts/build.ts) into a folder of its own, with caches of its
 * own, so tests never share state with each other or with the developer's dist/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE, ROOT } from './paths.ts';

export interface SiteBuild {
  status: number | null;
  output: string;
}

/** `work` holds the caches; `env` sets OUT_DIR, REPORTS_DIR, BASE_PATH… */
export function buildSite(work: string, env: Record<string, string>): SiteBuild {
  const r = spawnSync(NODE, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SITE_URL: '',
      BASE_PATH: '',
      STRICT: '',
      XXGK_CACHE_DIR: join(work, 'parse-cache'),
      XXGK_SEARCH_CACHE_DIR: join(work, 'search-cache'),
      ASTRO_CACHE_DIR: join(work, 'astro-cache'),
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}
