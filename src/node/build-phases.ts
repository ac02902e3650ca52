/**
 * Time spent in the build's phases (parsing the archive, writing data files), added up inside the
 * Astro build process and written out when it ends, so `npm run build` can print the split.
 * The totals live on globalThis under a registered symbol because Astro loads the loaders, the
 * endpoints and the integration as separate module instances of this file.
 */
export type BuildPhase = 'parse' | 'data';

const KEY = Symbol.for('xxgk.build-phases');

function totals(): Record<BuildPhase, number> {
  const store = globalThis as unknown as Record<symbol, Record<BuildPhase, number> | undefined>;
  return (store[KEY] ??= { parse: 0, data: 0 });
}

export function addPhaseTime(phase: BuildPhase, ms: number): void {
  totals()[phase] += ms;
}

/** Runs `work` and adds its duration to `phase`. */
export async function timePhase<T>(phase: BuildPhase, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    addPhaseTime(phase, performance.now() - started);
  }
}

export function phaseTimes(): Record<BuildPhase, number> {
  return { ...totals() };
}
