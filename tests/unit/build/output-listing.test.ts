/**
 * The output folder's listing and fingerprint (src/node/build/output-listing.ts): what a hand
 * edit of the output changes, and a listing brought up to date with the changes it is told of
 * equals the folder read afresh; read on a worker thread it is the same; with the folders' names
 * kept from the last check it is the same, where no folder's time says otherwise.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { readFolderMap, REREAD_AT_MOST, writeFolderMap, writeNamesAgain, type FolderNames } from '../../../src/node/build/folder-names.ts';
import { listOutputAside } from '../../../src/node/build/list-output-aside.ts';
import { OutputListing, outputFingerprint } from '../../../src/node/build/output-listing.ts';
import { writeTree } from '../../helpers/tree.ts';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-output-listing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function folder(): string {
  const dir = join(tmp, `out-${n++}`);
  writeTree(dir, { 'index.html': 'home', 'reports/a/index.html': 'a', 'reports/b/index.html': 'b', 'pagefind/bundle/x.pf_index': 'x', 'pagefind/blocks/2023/1.dat': '1', 'pagefind/manifest.dat': 'm' });
  return dir;
}

describe('outputFingerprint', () => {
  it('is null for a folder that does not exist, and counts the files of one that does', () => {
    expect(outputFingerprint(join(tmp, 'none'))).toBeNull();
    expect(outputFingerprint(folder())!.files).toBe(6);
  });

  it('changes when a file is added, removed, rewritten to another size or only touched', () => {
    const dir = folder();
    const fingerprints = [outputFingerprint(dir)!.digest];
    writeFileSync(join(dir, 'stray.txt'), 'x');
    fingerprints.push(outputFingerprint(dir)!.digest);
    rmSync(join(dir, 'reports', 'a', 'index.html'));
    fingerprints.push(outputFingerprint(dir)!.digest);
    writeFileSync(join(dir, 'index.html'), 'a longer home');
    fingerprints.push(outputFingerprint(dir)!.digest);
    utimesSync(join(dir, 'reports', 'b', 'index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    fingerprints.push(outputFingerprint(dir)!.digest);
    expect(new Set(fingerprints).size).toBe(5);
  });
});

describe('the search index folders of many files', () => {
  it('are listed as folders: a file added, removed or renamed in one changes the fingerprint, and their files are not listed', () => {
    const dir = folder();
    writeTree(dir, { 'pagefind/bundle/index/a.pf_index': 'a', 'pagefind/bundle/index/b.pf_index': 'b', 'pagefind/blocks/2023/2.dat': '2' });
    const listing = OutputListing.read(dir)!;
    expect(listing.parts().paths).toEqual(['index.html', 'pagefind/blocks/2023/', 'pagefind/bundle/index/', 'pagefind/bundle/x.pf_index', 'pagefind/manifest.dat', 'reports/a/index.html', 'reports/b/index.html']);
    const fingerprints = [outputFingerprint(dir)!.digest];
    // Each change a second apart in the folder's time, as a later build's would be.
    const later = (path: string, seconds: number) => utimesSync(join(dir, path), new Date(2030, 0, 1, 0, 0, seconds), new Date(2030, 0, 1, 0, 0, seconds));
    writeFileSync(join(dir, 'pagefind', 'blocks', '2023', '3.dat'), '3');
    later('pagefind/blocks/2023', 1);
    fingerprints.push(outputFingerprint(dir)!.digest);
    rmSync(join(dir, 'pagefind', 'bundle', 'index', 'a.pf_index'));
    later('pagefind/bundle/index', 2);
    fingerprints.push(outputFingerprint(dir)!.digest);
    rmSync(join(dir, 'pagefind', 'blocks', '2023'), { recursive: true });
    fingerprints.push(outputFingerprint(dir)!.digest);
    expect(new Set(fingerprints).size).toBe(4);
  });

  it('brought up to date when a build relinked one, equal the folder read afresh', () => {
    const dir = folder();
    writeTree(dir, { 'pagefind/bundle/index/a.pf_index': 'a', 'pagefind/blocks/2024/1.dat': '1' });
    const listing = OutputListing.read(dir)!;
    writeTree(dir, { 'pagefind/bundle/index/b.pf_index': 'b', 'pagefind/bundle/y.pf_meta': 'y', 'pagefind/blocks/2023/9.dat': '9' });
    rmSync(join(dir, 'pagefind', 'blocks', '2024'), { recursive: true });
    listing.relist(['pagefind/bundle', 'pagefind/blocks/2023', 'pagefind/blocks/2024']);
    // The folder removed is no longer listed: as many entries as a fresh read.
    expect(listing.fingerprint()).toEqual(outputFingerprint(dir));
  });
});

describe('OutputListing', () => {
  it('brought up to date with the files and folders a build changed, equals the folder read afresh', () => {
    const dir = folder();
    const listing = OutputListing.read(dir)!;
    expect(listing.fingerprint()).toEqual(outputFingerprint(dir));
    // A page rewritten, one removed, one added; a part of the index replaced, one removed.
    writeFileSync(join(dir, 'index.html'), 'new home');
    rmSync(join(dir, 'reports', 'a', 'index.html'));
    mkdirSync(join(dir, 'reports', 'c'));
    writeFileSync(join(dir, 'reports', 'c', 'index.html'), 'c');
    rmSync(join(dir, 'pagefind', 'bundle'), { recursive: true });
    writeTree(dir, { 'pagefind/bundle/y.pf_index': 'y', 'pagefind/bundle/index/z.pf_index': 'z' });
    rmSync(join(dir, 'pagefind', 'blocks', '2023'), { recursive: true });
    expect(listing.fingerprint()).not.toEqual(outputFingerprint(dir));
    listing.restat(['index.html', 'reports/a/index.html', 'reports/c/index.html']);
    listing.relist(['pagefind/bundle', 'pagefind/blocks/2023/']);
    expect(listing.fingerprint()).toEqual(outputFingerprint(dir));
    expect(listing.fingerprint().files).toBe(6);
  });

  it('brought up to date with files added before, between and after the ones it read, and told of a file twice, equals the folder read afresh', () => {
    const dir = folder();
    const listing = OutputListing.read(dir)!;
    // Sorting before every path read ('404.html'), between them ('reports/aa/…', 'pagefind/c.json') and after ('sitemap.xml').
    writeTree(dir, { '404.html': 'not found', 'reports/aa/index.html': 'aa', 'pagefind/c.json': 'c', 'sitemap.xml': 's' });
    listing.restat(['sitemap.xml', '404.html', 'reports/aa/index.html', 'pagefind/c.json']);
    // Relisted after a file in it was told of; then a file in it told of again, rewritten.
    writeTree(dir, { 'pagefind/bundle/w.pf_index': 'w' });
    listing.restat(['pagefind/bundle/w.pf_index']);
    listing.relist(['pagefind/bundle']);
    writeFileSync(join(dir, 'pagefind', 'bundle', 'w.pf_index'), 'w, longer');
    listing.restat(['pagefind/bundle/w.pf_index']);
    expect(listing.fingerprint()).toEqual(outputFingerprint(dir));
    expect(listing.fingerprint().files).toBe(11);
  });

  it('knows only what it is told: a change it is not told of leaves it unlike the folder', () => {
    const dir = folder();
    const listing = OutputListing.read(dir)!;
    writeFileSync(join(dir, 'reports', 'b', 'index.html'), 'edited by hand');
    listing.restat(['index.html']);
    expect(listing.fingerprint()).not.toEqual(outputFingerprint(dir));
  });
});

describe('listOutputAside', () => {
  it('reads on a worker thread the fingerprint OutputListing.read gives here, and keeps the listing there, brought up to date the same way', async () => {
    const dir = folder();
    const aside = (await listOutputAside(dir))!;
    expect(aside.fingerprint).toEqual(outputFingerprint(dir));
    writeFileSync(join(dir, 'index.html'), 'a home rewritten');
    rmSync(join(dir, 'reports', 'a', 'index.html'));
    writeTree(dir, { 'pagefind/bundle/y.pf_index': 'y' });
    const here = OutputListing.read(dir)!;
    expect(await aside.update({ restat: ['index.html', 'reports/a/index.html'], relist: ['pagefind/bundle'] })).toEqual(outputFingerprint(dir));
    expect(here.fingerprint()).toEqual(outputFingerprint(dir));
    expect(outputFingerprint(dir)!.files).toBe(6);
  });

  it('is told only what changed: a change it is not told of leaves its fingerprint unlike the folder', async () => {
    const dir = folder();
    const aside = (await listOutputAside(dir))!;
    writeFileSync(join(dir, 'reports', 'b', 'index.html'), 'edited by hand');
    expect(await aside.update({ restat: ['index.html'], relist: [] })).not.toEqual(outputFingerprint(dir));
  });

  it('ends when closed, not asked to update', async () => {
    const aside = (await listOutputAside(folder()))!;
    aside.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(aside.update({ restat: [], relist: [] })).rejects.toThrow(/列出输出目录的线程已退出/);
  });

  it('is null for a folder that does not exist', async () => {
    expect(await listOutputAside(join(tmp, 'none'))).toBeNull();
  });
});

/** Every folder under `dir` (and itself) stamped long ago, as a folder the last build left. */
function settle(dir: string, year = 2020): void {
  const old = new Date(year, 0, 1);
  const visit = (abs: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) if (e.isDirectory()) visit(join(abs, e.name));
    utimesSync(abs, old, old);
  };
  visit(dir);
}

describe("the folders' names kept from the last check", () => {
  // The output, reports, reports/a, reports/b, pagefind, pagefind/bundle, pagefind/blocks (pagefind/blocks/2023 is listed as a folder).
  const FOLDERS = ['', 'pagefind', 'pagefind/blocks', 'pagefind/bundle', 'reports', 'reports/a', 'reports/b'];

  it('give the listing a fresh read gives, and a folder is read again only when its time changed', () => {
    const dir = folder();
    settle(dir);
    const first = OutputListing.readKeeping(dir, null)!;
    expect(first.read).toBe(FOLDERS.length);
    expect([...first.folders.keys()].sort()).toEqual(FOLDERS);
    const again = OutputListing.readKeeping(dir, first.folders)!;
    expect(again.read).toBe(0);
    expect(again.listing.parts()).toEqual(OutputListing.read(dir)!.parts());
    // A file edited in place is seen by its own time and size, its folder not read.
    writeFileSync(join(dir, 'reports', 'a', 'index.html'), 'a, edited by hand');
    const edited = OutputListing.readKeeping(dir, again.folders)!;
    expect(edited.read).toBe(0);
    expect(edited.listing.fingerprint()).toEqual(outputFingerprint(dir));
    expect(edited.listing.fingerprint()).not.toEqual(again.listing.fingerprint());
    // A page added and one removed: their folders are read again, and kept only once settled.
    writeTree(dir, { 'reports/c/index.html': 'c' });
    rmSync(join(dir, 'reports', 'b', 'index.html'));
    const changed = OutputListing.readKeeping(dir, edited.folders)!;
    expect(changed.read).toBe(3);
    expect(changed.listing.fingerprint()).toEqual(outputFingerprint(dir));
    expect(changed.listing.parts().paths).toContain('reports/c/index.html');
    expect(changed.listing.parts().paths).not.toContain('reports/b/index.html');
    expect([...changed.folders.keys()].sort()).toEqual(['', 'pagefind', 'pagefind/blocks', 'pagefind/bundle', 'reports/a']);
  });

  it("trust a folder's time: a name added by hand with the folder's time set back is not seen", () => {
    const dir = folder();
    settle(dir);
    const first = OutputListing.readKeeping(dir, null)!;
    writeFileSync(join(dir, 'reports', 'a', 'stray.html'), 'x');
    settle(dir);
    expect(OutputListing.readKeeping(dir, first.folders)!.listing.parts()).toEqual(first.listing.parts());
    expect(OutputListing.read(dir)!.parts().paths).toContain('reports/a/stray.html');
  });

  it('are kept by a full build with the listing of the output it made, so that the next check reads no folder', () => {
    const dir = folder();
    settle(dir);
    const keep = join(tmp, `kept-${n}.v8`);
    const listing = OutputListing.readAndKeep(dir, keep)!;
    expect(listing.fingerprint()).toEqual(outputFingerprint(dir));
    const kept = readFolderMap(keep)!;
    expect([...kept.keys()].sort()).toEqual(FOLDERS);
    const next = OutputListing.readKeeping(dir, kept)!;
    expect(next.read).toBe(0);
    expect(next.listing.fingerprint()).toEqual(listing.fingerprint());
    expect(OutputListing.readAndKeep(join(tmp, 'none'), keep)).toBeNull();
  });

  it('keep no folder changed within the last seconds', () => {
    const dir = folder();
    const fresh = OutputListing.readKeeping(dir, null)!;
    expect(fresh.folders.size).toBe(0);
    expect(OutputListing.readKeeping(dir, fresh.folders)!.read).toBe(FOLDERS.length);
  });

  it('are kept by the worker before it sends the fingerprint (a build with nothing to do exits then), and a file of them it cannot read is no names', async () => {
    const dir = folder();
    settle(dir);
    const keep = join(tmp, `kept-${n}`, 'names.v8');
    const first = (await listOutputAside(dir, keep))!;
    // Written already, and the thread ended now (as a build that exits) leaves them.
    first.close();
    expect([...readFolderMap(keep)!.keys()].sort()).toEqual(FOLDERS);
    expect(first.fingerprint).toEqual(outputFingerprint(dir));
    writeFileSync(join(dir, 'index.html'), 'a home rewritten');
    expect((await listOutputAside(dir, keep))!.fingerprint).toEqual(outputFingerprint(dir));
    writeFileSync(keep, 'no names');
    expect(readFolderMap(keep)).toBeNull();
    expect((await listOutputAside(dir, keep))!.fingerprint).toEqual(outputFingerprint(dir));
  });

  it('are not written again by a check that read only a few folders again: those are read again next time, the listing the same', async () => {
    const dir = folder();
    settle(dir);
    const keep = join(tmp, `kept-${n}`, 'names.v8');
    (await listOutputAside(dir, keep))!.close();
    const written = readFileSync(keep);
    // A page added, as a partial build adds one: its folder is new to the names, and the reports folder's time moves.
    writeTree(dir, { 'reports/c/index.html': 'c' });
    // Settled since, at a later time than the other folders'.
    settle(join(dir, 'reports'), 2021);
    const after = (await listOutputAside(dir, keep))!;
    after.close();
    expect(after.fingerprint).toEqual(outputFingerprint(dir));
    expect(readFileSync(keep)).toEqual(written);
    // The names as kept miss the page's folder and have the reports folder's earlier time: the next
    // check reads those two again (and reports/a and reports/b, whose time moved with them), and lists the page.
    const next = OutputListing.readKeeping(dir, readFolderMap(keep))!;
    expect(next.read).toBe(4);
    expect(next.listing.parts()).toEqual(OutputListing.read(dir)!.parts());
  });

  it('come back from their file as they were written, and a file of another form or of columns that do not add up is no names', () => {
    const names = new Map<string, FolderNames>([
      ['', { mtimeMs: 1_700_000_000_123.456, files: ['index.html', '404.html'], folders: ['reports', 'data'] }],
      ['reports/2023-武汉市 大数据中心', { mtimeMs: 2, files: ['index.html', '2023年 年报.docx'], folders: [] }],
      ['data', { mtimeMs: 3, files: [], folders: ['reports'] }],
      ['empty', { mtimeMs: 4, files: [], folders: [] }],
    ]);
    const file = join(tmp, `names-${n++}.v8`);
    writeFolderMap(file, names);
    expect(readFolderMap(file)).toEqual(names);
    // The form earlier versions wrote: a Map of names per folder.
    writeFileSync(file, serialize(names));
    expect(readFolderMap(file)).toBeNull();
    writeFileSync(file, serialize({ form: 2, folders: ['', 'data'], mtimes: new Float64Array(2), fileNames: ['index.html'], folderNames: ['data', ''] }));
    expect(readFolderMap(file)).toBeNull();
    writeFileSync(file, serialize({ form: 2, folders: [''], mtimes: [1], fileNames: ['index.html'], folderNames: [''] }));
    expect(readFolderMap(file)).toBeNull();
  });

  it('are written again when they were none, or more than a few folders (a hundredth of a large output) were read again or came or went', () => {
    expect(writeNamesAgain(null, 7, 7)).toBe(true);
    expect(writeNamesAgain(null, 0, 0)).toBe(false);
    expect(writeNamesAgain(7, 2, 8)).toBe(false);
    expect(writeNamesAgain(7, REREAD_AT_MOST + 1, 7)).toBe(true);
    expect(writeNamesAgain(7, 0, 7 + REREAD_AT_MOST + 1)).toBe(true);
    // 62,000 folders: up to 620 read again.
    expect(writeNamesAgain(62_000, 620, 62_000)).toBe(false);
    expect(writeNamesAgain(62_000, 621, 62_000)).toBe(true);
    expect(writeNamesAgain(62_000, 0, 61_000)).toBe(true);
  });
});

