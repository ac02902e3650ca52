/**
 * Vite plugin for `astro build`: the server bundle reads Astro's content data store from its file
 * when pages render, instead of carrying it as a string in the bundle.
 *
 * Why: Astro's module `astro:data-layer-content` is `export default JSON.parse("<the whole data
 * store file>")`, so every build read the file, checked and quoted it, and the bundler parsed and
 * wrote it out: 8.7 MB at 10,000 reports, where bundling took 1.5 s instead of 0.35 s with 5
 * reports, also when one report changed. This plugin's `load` runs before Astro's (order 'pre'),
 * so Astro does not even read the file (0.23 s of its own, and as much again for a check of ours).
 *
 * Only Astro's single-file store is read so (its file begins as devalue writes a Map of the
 * collections; Astro wrote it in its content sync, before bundling, and does not write it again
 * until the build ends). A missing file or any other shape (another Astro's format, a chunked
 * store in a folder) is left to Astro.
 */
import { readByteRange } from '../byte-range.ts';

const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** How devalue begins a Map (of the collections), as Astro's single-file store is written. */
const STORE_HEAD = '[["Map",';

/** The first `length` bytes of `file` as text, or null when it has fewer or cannot be read (missing, a folder). */
function headOf(file: string, length: number): string | null {
  try {
    return readByteRange({ file, offset: 0, length }).toString('utf8');
  } catch {
    return null;
  }
}

/** The module's code when it reads `file` at run time, or null when `file` is not a single-file data store. */
export function dataStoreAtRuntime(file: string): string | null {
  if (headOf(file, STORE_HEAD.length) !== STORE_HEAD) return null;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/** `file`: Astro's data store of this build (data-store.json in Astro's cacheDir). */
export function dataStoreAtRuntimePlugin(file: string) {
  return {
    name: 'xxgk:data-store-at-runtime',
    apply: 'build' as const,
    load: {
      order: 'pre' as const,
      handler(id: string) {
        if (id !== DATA_STORE_MODULE) return null;
        const code = dataStoreAtRuntime(file);
        return code === null ? null : { code, map: null };
      },
    },
  };
}
