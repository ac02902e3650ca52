/**
 * The server bundle's content data store read from its file when pages render
 * (src/node/build/vite-data-store-at-runtime.ts): only a single-file store is read so, and the
 * module gives the value Astro's module of the same file gives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  it('gives a module that reads the file, with the value Astro\'s module of the same file has', async () => {
    const code = dataStoreAtRuntime(file);
    expect(code).not.toBeNull();
    expect(code).not.toContain('年度报告');
    const load = async (name: string, source: string) => {
      const moduleFile = join(tmp, name);
      writeFileSync(moduleFile, source);
      return ((await import(pathToFileURL(moduleFile).href)) as { default: unknown }).default;
    };
    expect(await load('replaced.mjs', code!)).toEqual(await load('astro.mjs', astroModule(store)));
    expect(await load('replaced-again.mjs', code!)).toEqual(JSON.parse(store));
  });

  it('leaves the module to Astro when the file is missing or is not a single-file store', () => {
    expect(dataStoreAtRuntime(join(tmp, 'missing.json'))).toBeNull();
    // Astro's chunked store keeps a manifest of parts in a folder.
    const manifest = join(tmp, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ reports: ['abc.txt'] }));
    expect(dataStoreAtRuntime(manifest)).toBeNull();
    const short = join(tmp, 'short.json');
    writeFileSync(short, '[');
    expect(dataStoreAtRuntime(short)).toBeNull();
    // A folder where the file would be (a store kept in parts).
    const folder = join(tmp, 'folder.json');
    mkdirSync(folder);
    expect(dataStoreAtRuntime(folder)).toBeNull();
  });

  it('as a plugin, loads only the data store module, before Astro\'s own plugin', () => {
    const plugin = dataStoreAtRuntimePlugin(file);
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.handler('/work/src/pages/index.astro')).toBeNull();
    expect(plugin.load.handler('\0astro:data-layer-content')?.code).toContain('readFileSync');
    expect(dataStoreAtRuntimePlugin(join(tmp, 'missing.json')).load.handler('\0astro:data-layer-content')).toBeNull();
  });
});
