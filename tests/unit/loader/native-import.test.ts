import { describe, expect, it } from 'vitest';
import { importNatively, nodeLoadsTypeScript } from '../../../src/loader/native-import.ts';

type Fixture = typeof import('./fixtures/module-instance.ts');
const url = new URL('./fixtures/module-instance.ts', import.meta.url);
const viaVite = () => import('./fixtures/module-instance.ts') as Promise<Fixture>;

describe('importNatively', () => {
  it('reads whether Node strips types from process.features', () => {
    expect(nodeLoadsTypeScript({ typescript: 'strip' })).toBe(true);
    expect(nodeLoadsTypeScript({ typescript: 'transform' })).toBe(true);
    expect(nodeLoadsTypeScript({ typescript: false })).toBe(false);
    expect(nodeLoadsTypeScript({})).toBe(false);
  });

  it('loads the TypeScript module with Node, as a module instance of its own', async () => {
    const native = await importNatively<Fixture>(url, viaVite, { typescript: 'strip' });
    const vite = await viaVite();
    expect(native.typed(21)).toBe(42);
    // Not the instance the test's own module system holds: Node loaded it.
    expect(native.instance).not.toBe(vite.instance);
    expect(native.instance).toEqual(vite.instance);
  });

  it('goes through the given import where Node cannot strip types', async () => {
    let asked = 0;
    const loaded = await importNatively<Fixture>(url, () => (asked++, viaVite()), { typescript: false });
    expect(asked).toBe(1);
    expect(loaded.instance).toBe((await viaVite()).instance);
  });

  it('this Node (the project runs on Node 24) strips types', () => {
    expect(nodeLoadsTypeScript()).toBe(true);
  });
});
