/**
 * The server bundle's content data store read from its file when pages render
 * (src/node/build/vite-data-store-at-runtime.ts): only Astro's single-file module of exactly the
 * file's bytes is replaced, and the replacement gives the same value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreAtRuntime, dataStoreAtRuntimePlugin } from '../../../src/node/build/vite-data-store-at-runtime.ts';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-data-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// What Astro 7's content plugin makes of a data store file (vite-plugin-content-virtual-mod.js).
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
const store = JSON.stringify([['Map', 1, 2], 'reports', ['Map'], { title: '某区人民政府2023年政府信息公开工作年度报告', quote: '"\\\n' }]);
const file = join(tmp, 'data-store.json');
writeFileSync(file, store);

describe('dataStoreAtRuntime', () => {
  it('replaces the module with one that reads the file, which gives the same value', async () => {
    const code = dataStoreAtRuntime(astroModule(store), file);
    expect(code).not.toBeNull();
    expect(code).not.toContain('年度报告');
    const moduleFile = join(tmp, 'replaced.mjs');
    writeFileSync(moduleFile, code!);
    const replaced = (await import(pathToFileURL(moduleFile).href)) as { default: unknown };
    expect(replaced.default).toEqual(JSON.parse(store));
  });

  it('leaves the module as it is when the file holds other bytes, is missing, or the module has another shape', () => {
    expect(dataStoreAtRuntime(astroModule(`${store} `), file)).toBeNull();
    expect(dataStoreAtRuntime(astroModule(store), join(tmp, 'missing.json'))).toBeNull();
    // Astro's chunked store is a manifest of imports.
    expect(dataStoreAtRuntime('export default{"reports":[(await import("astro:data-layer-content-chunk:0"))]}', file)).toBeNull();
    expect(dataStoreAtRuntime('export default JSON.parse(not a string literal)', file)).toBeNull();
  });

  it('as a plugin, touches only the data store module', () => {
    const plugin = dataStoreAtRuntimePlugin(file);
    expect(plugin.transform(astroModule(store), '/work/src/pages/index.astro')).toBeNull();
    expect(plugin.transform(astroModule(store), '\0astro:data-layer-content')?.code).toContain('readFileSync');
  });
});
