/**
 * `npm run build` has Node keep the code it compiles for the build, its workers and Astro
 * (src/node/build/compile-cache.ts): a child started with that environment has the cache on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheEnv } from '../../../src/node/build/compile-cache.ts';

describe('compileCacheEnv', () => {
  it("puts the cache under the project's node_modules/.cache, unless the user chose a folder", () => {
    expect(compileCacheEnv('/project', {})).toEqual({ NODE_COMPILE_CACHE: join('/project', 'node_modules', '.cache', 'xxgk', 'node-compile') });
    expect(compileCacheEnv('/project', { NODE_COMPILE_CACHE: '/elsewhere' })).toEqual({});
  });

  it('turns the cache on in a Node started with it, which writes compiled code there', () => {
    const root = mkdtempSync(join(tmpdir(), 'xxgk-compile-cache-'));
    try {
      const { NODE_DISABLE_COMPILE_CACHE: _, ...inherited } = process.env;
      const env = { ...inherited, ...compileCacheEnv(root, {}) };
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', "const { getCompileCacheDir } = await import('node:module'); await import('zod/mini'); console.log(getCompileCacheDir());"], { cwd: process.cwd(), env, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      // Node keeps its entries in a folder of its own version under the one named.
      expect(child.stdout.trim().startsWith(env.NODE_COMPILE_CACHE!)).toBe(true);
      expect(readdirSync(env.NODE_COMPILE_CACHE!).length).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
