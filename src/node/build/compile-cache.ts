/**
 * Node keeps the code it compiles for the build's processes on disk (its module compile cache,
 * Node 22.1 and later): the build, its parse workers and `astro build` each load hundreds of
 * modules on every build, and Astro loads its own for over a second before it reads a report.
 * Node checks each cached entry against the module's source, so a changed file is compiled anew.
 * NODE_COMPILE_CACHE set by the user wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { join } from 'node:path';

export function compileCacheEnv(root: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.NODE_COMPILE_CACHE ? {} : { NODE_COMPILE_CACHE: join(root, 'node_modules', '.cache', 'xxgk', 'node-compile') };
}
