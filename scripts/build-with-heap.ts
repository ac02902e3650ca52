/**
 * npm run build: runs scripts/build.ts in a Node process whose heap may use three quarters of the
 * machine's memory (src/node/build/heap-limit.ts), since the build holds the whole archive at once,
 * and which, with its workers and Astro, keeps the code Node compiles for the next build
 * (src/node/build/compile-cache.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileCacheEnv } from '../src/node/build/compile-cache.ts';
import { heapFlags } from '../src/node/build/heap-limit.ts';

const build = fileURLToPath(new URL('./build.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, [...heapFlags(), build, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...compileCacheEnv(root) } });
process.exit(result.status ?? 1);
