import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncTree } from '../../../src/node/build/sync-tree.ts';
import { foldersOf, inodeOf, treeOf, writeTree } from '../../helpers/tree.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-sync-tree-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('syncTree', () => {
  it('leaves `to` with exactly the files of `from`: same files kept, others moved in, stale ones deleted', () => {
    const cache = join(tmp, 'cache');
    const from = join(tmp, 'from');
    const to = join(tmp, 'to');
    writeTree(cache, { 'a/1.dat': 'one', 'a/2.dat': 'two', 'b/3.dat': 'three' });
    // Both folders hold hard links to the same cache files, as the search build makes them.
    for (const f of ['a/1.dat', 'a/2.dat', 'b/3.dat']) {
      for (const d of [from, to]) {
        mkdirSync(join(d, f, '..'), { recursive: true });
        linkSync(join(cache, f), join(d, f));
      }
    }
    writeTree(from, {
      'manifest.dat': 'new manifest', // as long as to's, other bytes
      'b/same.dat': 'equal bytes, another file',
      'a/4.dat': 'added to a folder to has',
      'c/5.dat': 'a folder to does not have',
      'c/deep/6.dat': 'inside it',
      'was-file/7.dat': 'a folder where to has a file',
      'was-folder': 'a file where to has a folder',
    });
    writeTree(to, {
      'manifest.dat': 'old manifest',
      'b/same.dat': 'equal bytes, another file',
      'a/stale.dat': 'stale in a kept folder',
      'gone/8.dat': 'a stale folder',
      'gone/deep/9.dat': 'inside it',
      'was-file': 'x',
      'was-folder/10.dat': 'y',
    });
    const kept = inodeOf(join(to, 'a', '1.dat'));
    const sameBytes = inodeOf(join(to, 'b', 'same.dat'));
    const mtime = statSync(join(to, 'b', '3.dat')).mtimeMs;
    const expected = treeOf(from);

    const counts = syncTree(from, to);

    expect(treeOf(to)).toEqual(expected);
    expect(foldersOf(to)).toEqual(['a', 'b', 'c', 'c/deep', 'was-file']);
    // The unchanged files are the very same files, not rewritten.
    expect(inodeOf(join(to, 'a', '1.dat'))).toBe(kept);
    expect(inodeOf(join(to, 'a', '1.dat'))).toBe(inodeOf(join(cache, 'a', '1.dat')));
    expect(statSync(join(to, 'b', '3.dat')).mtimeMs).toBe(mtime);
    expect(inodeOf(join(to, 'b', 'same.dat'))).toBe(sameBytes);
    // moved: manifest, a/4, c (whole), was-file (folder), was-folder (file); removed: a/stale, gone, and the two of the other kind.
    expect(counts).toEqual({ moved: 5, kept: 4, removed: 4 });
    // What is left in `from` are the files `to` already had.
    expect(Object.keys(treeOf(from))).toEqual(['a/1.dat', 'a/2.dat', 'b/3.dat', 'b/same.dat']);
  });

  it('empties `to` when `from` is empty', () => {
    writeTree(join(tmp, 'to'), { 'x/y.dat': '1', 'z.dat': '2' });
    mkdirSync(join(tmp, 'from'));
    syncTree(join(tmp, 'from'), join(tmp, 'to'));
    expect(readdirSync(join(tmp, 'to'))).toEqual([]);
  });
});
