/**
 * The reader runs in the browser too (the validator page parses dropped files with the same code),
 * so the core, the decoder and the format readers use no Node API and nothing from src/node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
const NEUTRAL = ['core', 'decode', 'formats'];
/** What else the validator page runs in the browser: its client, its result view and the site's table rendering. */
const BROWSER = ['check/client', 'check/result-html.ts', 'site/render', 'site/tables', 'site/anchors.ts', 'site/report-view.ts'];
const walk = (dir: string): string[] =>
  dir.endsWith('.ts') ? [dir] : readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const files = [...NEUTRAL, ...BROWSER].flatMap(walk);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('platform-neutral modules', () => {
  it('are there to check', () => {
    expect(files).toContain('formats/report-file.ts');
    expect(files).toContain('decode/decode-text.ts');
    expect(files).toContain('check/client/read-dropped.ts');
    expect(files).toContain('site/render/official-table.ts');
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s imports no Node module and nothing from src/node', (file) => {
    const source = readFileSync(join(SRC, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(specifiers.filter((s) => builtins.has(s) || s.split('/')[0] === 'node:' || /(^|\/)node\//.test(s))).toEqual([]);
    expect(source).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    // The build's settings read the environment: browser code gets what it needs as data.
    expect(specifiers.filter((s) => /(^|\/)site\/(urls|settings|archive-index)\.ts$|^\.\/(urls|settings)\.ts$|^\.\.\/(urls|settings)\.ts$|astro:/.test(s))).toEqual([]);
  });
});
