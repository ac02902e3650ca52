import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagesBeside, swapOutput } from '../../../src/node/build/swap-output.ts';
import { inodeOf, textTree, treeOf, writeTree } from '../../helpers/tree.ts';

let tmp: string;
let out: string;
let staging: string;
let trash: string;
const NEW = {
  'index.html': 'new home',
  'reports/b/index.html': 'page b (new)',
  'data/reports.json': 'all (new)',
};
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-swap-'));
  out = join(tmp, 'out');
  staging = join(tmp, '.out.staging');
  trash = join(tmp, '.out.trash');
  writeTree(staging, NEW);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('swapOutput', () => {
  it('puts the staged site in place of the old one, which goes into the trash whole', () => {
    writeTree(out, {
      'index.html': 'old home',
      'reports/a/index.html': 'page a',
      'stray.txt': 'left by hand',
      'pagefind/manifest.dat': 'old index',
    });
    const stagedPage = inodeOf(join(staging, 'reports/b/index.html'));
    swapOutput(out, staging, trash);
    expect(treeOf(out)).toEqual(textTree(NEW));
    // Moved, not copied.
    expect(inodeOf(join(out, 'reports/b/index.html'))).toBe(stagedPage);
    expect(treeOf(trash)).toEqual(
      textTree({
        'index.html': 'old home',
        'reports/a/index.html': 'page a',
        'stray.txt': 'left by hand',
        'pagefind/manifest.dat': 'old index',
      }),
    );
    expect(existsSync(staging)).toBe(false);
  });

  it('keeps the output’s .git, as Astro does when it empties its output', () => {
    writeTree(out, { '.git/HEAD': 'ref: refs/heads/gh-pages', 'index.html': 'old home' });
    swapOutput(out, staging, trash);
    expect(treeOf(out)).toEqual(textTree({ ...NEW, '.git/HEAD': 'ref: refs/heads/gh-pages' }));
    expect(treeOf(trash)).toEqual(textTree({ 'index.html': 'old home' }));
  });

  it('creates the output on a first build, with no trash', () => {
    swapOutput(out, staging, trash);
    expect(treeOf(out)).toEqual(textTree(NEW));
    expect(existsSync(trash)).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });
});

describe('stagesBeside', () => {
  it('is true for an output on the file system of its folder, or none yet', () => {
    mkdirSync(out);
    expect(stagesBeside(out)).toBe(true);
    expect(stagesBeside(join(tmp, 'none'))).toBe(true);
    symlinkSync(staging, join(tmp, 'linked'));
    expect(stagesBeside(join(tmp, 'linked'))).toBe(true);
  });

  it('is false for an output that links to another file system (Linux: /proc is one)', () => {
    expect(statSync('/proc').dev).not.toBe(statSync(tmp).dev);
    symlinkSync('/proc', join(tmp, 'elsewhere'));
    expect(stagesBeside(join(tmp, 'elsewhere'))).toBe(false);
  });
});
