/**
 * Whether the build indexes while Astro renders: when the machine has the cores and memory for
 * both at once (Astro renders on one thread, the index on the others), the build then takes about
 * the longer of the two instead of their sum. Memory: at 10,000 reports Astro peaks near 2.3 GiB
 * and the index near 0.8 GiB (bench/README.md), so 6 GiB leaves room. XXGK_SEARCH_CONCURRENT=0
 * or 1 decides instead. Apart from ./search-step.ts, which loads the search index's code: the
 * build decides this before it loads that (scripts/build.ts).
 */
export function searchAlongsideAstro(env: NodeJS.ProcessEnv, cpus: number, memoryBytes: number): boolean {
  if (env.XXGK_SEARCH_CONCURRENT === '0') return false;
  if (env.XXGK_SEARCH_CONCURRENT === '1') return true;
  return cpus >= 2 && memoryBytes >= 6 * 1024 ** 3;
}
