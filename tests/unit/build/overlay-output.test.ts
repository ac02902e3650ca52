import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overlayOutput } from '../../../src/node/build/overlay-output.ts';
import { foldersOf, inodeOf, textTree, treeOf, writeTree } from '../../helpers/tree.ts';

let tmp: string;
let out: string;
let staging: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-overlay-'));
  out = join(tmp, 'out');
  staging = join(tmp, '.out.staging');
  // The previous build: three report pages with their data files, listings, the search index.
  writeTree(out, {
    'index.html': 'old home',
    'reports/a/index.html': 'page a',
    'reports/b/index.html': 'page b (old)',
    'reports/c/index.html': 'page c',
    'data/reports/a.json': 'a json',
    'data/reports/b.json': 'b json (old)',
    'data/reports/c.json': 'c json',
    'data/reports.json': 'all (old)',
    'years/2022/index.html': 'a listing that is gone now',
    'pagefind/manifest.dat': 'index',
    'pagefind/blocks/2023/0-0.dat': 'block',
  });
  // This build: b changed, c removed, d added; every listing and data file again.
  writeTree(staging, {
    'index.html': 'new home',
    'reports/b/index.html': 'page b (new)',
    'reports/d/index.html': 'page d',
    'data/reports/b.json': 'b json (new)',
    'data/reports/d.json': 'd json',
    'data/reports.json': 'all (new)',
    'years/2023/index.html': 'a new listing',
  });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const record = { pages: { a: '1', b: '2', d: '3' }, render: ['b', 'd'] };

describe('overlayOutput', () => {
  it('keeps the unchanged pages, replaces everything else with staging, and leaves the folders placed later alone', () => {
    const keptPage = inodeOf(join(out, 'reports', 'a', 'index.html'));
    const keptMtime = statSync(join(out, 'data', 'reports', 'a.json')).mtimeMs;
    const index = inodeOf(join(out, 'pagefind', 'manifest.dat'));
    overlayOutput(out, staging, record, ['pagefind']);
    expect(treeOf(out)).toEqual(
      textTree({
        'index.html': 'new home',
        'reports/a/index.html': 'page a',
        'reports/b/index.html': 'page b (new)',
        'reports/d/index.html': 'page d',
        'data/reports/a.json': 'a json',
        'data/reports/b.json': 'b json (new)',
        'data/reports/d.json': 'd json',
        'data/reports.json': 'all (new)',
        'years/2023/index.html': 'a new listing',
        'pagefind/manifest.dat': 'index',
        'pagefind/blocks/2023/0-0.dat': 'block',
      }),
    );
    // Emptied folders go (the removed report's, the old listing's).
    expect(foldersOf(out)).toEqual(['data', 'data/reports', 'pagefind', 'pagefind/blocks', 'pagefind/blocks/2023', 'reports', 'reports/a', 'reports/b', 'reports/d', 'years', 'years/2023']);
    expect(inodeOf(join(out, 'reports', 'a', 'index.html'))).toBe(keptPage);
    expect(statSync(join(out, 'data', 'reports', 'a.json')).mtimeMs).toBe(keptMtime);
    expect(inodeOf(join(out, 'pagefind', 'manifest.dat'))).toBe(index);
    expect(statSync(staging, { throwIfNoEntry: false })).toBeUndefined();
  });

  it("leaves a kept page's file alone when Astro staged a placeholder of it (the pages with a script and their bundle)", () => {
    writeTree(out, { 'search/index.html': 'search page', '_astro/search.abc.js': 'bundle', '_astro/site.def.css': 'css (old)' });
    writeTree(staging, { 'search/index.html': '', '_astro/site.def.css': 'css' });
    const kept = inodeOf(join(out, 'search', 'index.html'));
    const placed = overlayOutput(out, staging, { pages: { ...record.pages, 'scripted/pages': '1' }, render: record.render }, ['pagefind']);
    const tree = treeOf(out);
    const text = (f: string) => (tree[f] === undefined ? undefined : Buffer.from(tree[f]!, 'base64').toString('utf8'));
    expect(text('search/index.html')).toBe('search page');
    expect(inodeOf(join(out, 'search', 'index.html'))).toBe(kept);
    expect(text('_astro/search.abc.js')).toBe('bundle');
    expect(text('_astro/site.def.css')).toBe('css');
    expect(placed.placed).not.toContain('search/index.html');
    expect(placed.removed).not.toContain('_astro/search.abc.js');
    expect(statSync(staging, { throwIfNoEntry: false })).toBeUndefined();
  });

  it('keeps the stylesheet when nothing staged it (every page that imports it kept), and the archive-wide pages that link it', () => {
    writeTree(out, { '_astro/site.def.css': 'css', 'agencies/index.html': 'every agency' });
    rmSync(staging, { recursive: true, force: true });
    writeTree(staging, { 'data/reports.json': 'all (new)' });
    const pages = { a: '1', b: '1', 'archive/pages': '1', 'archive/outline': '1' };
    const changes = overlayOutput(out, staging, { pages, render: [] }, ['pagefind']);
    const tree = treeOf(out);
    expect(Buffer.from(tree['_astro/site.def.css']!, 'base64').toString()).toBe('css');
    expect(Buffer.from(tree['agencies/index.html']!, 'base64').toString()).toBe('every agency');
    expect(Buffer.from(tree['index.html']!, 'base64').toString()).toBe('old home');
    expect(changes.removed).not.toContain('_astro/site.def.css');
    // What no unit keeps still goes: the removed report's page, the listing of a gone year.
    expect(changes.removed).toEqual(expect.arrayContaining(['reports/c/index.html', 'years/2022/index.html']));
  });

  it('replaces the pages with a script and their bundle when they were rendered again', () => {
    writeTree(out, { 'search/index.html': 'search page (old)', '_astro/search.old.js': 'old bundle' });
    writeTree(staging, { 'search/index.html': 'search page', '_astro/search.new.js': 'bundle' });
    overlayOutput(out, staging, { pages: { ...record.pages, 'scripted/pages': '2' }, render: [...record.render, 'scripted/pages'] }, ['pagefind']);
    expect(treeOf(out)).toMatchObject(textTree({ 'search/index.html': 'search page', '_astro/search.new.js': 'bundle' }));
    expect(Object.keys(treeOf(out))).not.toContain('_astro/search.old.js');
  });

  it('leaves the files placed later as they are: the staged placeholder does not move in, the old file stays', () => {
    const old = inodeOf(join(out, 'data', 'reports.json'));
    const changes = overlayOutput(out, staging, record, ['pagefind'], new Set(['data/reports.json', 'data/reports.csv']));
    expect(inodeOf(join(out, 'data', 'reports.json'))).toBe(old);
    expect(Buffer.from(treeOf(out)['data/reports.json']!, 'base64').toString()).toBe('all (old)');
    expect(changes.removed).not.toContain('data/reports.json');
    expect(changes.placed).not.toContain('data/reports.json');
    expect(existsSync(staging)).toBe(false);
    // Files not named are replaced as before.
    expect(changes.removed).toContain('data/reports/b.json');
    expect(Buffer.from(treeOf(out)['data/reports/b.json']!, 'base64').toString()).toBe('b json (new)');
  });

  it('without folders placed later, nothing of the old output but the kept pages is left', () => {
    overlayOutput(out, staging, record);
    expect(Object.keys(treeOf(out)).filter((f) => f.startsWith('pagefind/'))).toEqual([]);
    expect(foldersOf(out)).not.toContain('pagefind');
  });

  it("given the last build's pages, looks up only the report pages that go in the report folders, with the same result", () => {
    // The same overlay twice, over two copies of the old output: listing the folders, and not.
    const listed = join(tmp, 'listed');
    cpSync(out, listed, { recursive: true });
    const stagedAgain = join(tmp, '.listed.staging');
    cpSync(staging, stagedAgain, { recursive: true });
    const previous = { a: '1', b: '1', c: '1', 'years/2022': '1' };
    const viaListing = overlayOutput(listed, stagedAgain, record, ['pagefind']);
    const viaPages = overlayOutput(out, staging, record, ['pagefind'], new Set(), previous);
    expect(treeOf(out)).toEqual(treeOf(listed));
    expect(foldersOf(out)).toEqual(foldersOf(listed));
    expect([...viaPages.removed].sort()).toEqual([...viaListing.removed].sort());
    expect(viaPages.removed).toEqual(expect.arrayContaining(['reports/b/index.html', 'reports/c/index.html', 'data/reports/b.json', 'data/reports/c.json']));
    expect(viaPages.placed.sort()).toEqual(viaListing.placed.sort());
  });

  it("given the last build's pages, does not list the report folders: what is there besides those pages stays (the build checks the output is as that build left it)", () => {
    writeTree(out, { 'reports/stray/index.html': 'not a page of the last build', 'data/reports/stray.json': 'nor this' });
    overlayOutput(out, staging, record, ['pagefind'], new Set(), { a: '1', b: '1', c: '1' });
    expect(existsSync(join(out, 'reports', 'stray', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'data', 'reports', 'stray.json'))).toBe(true);
    expect(existsSync(join(out, 'reports', 'c'))).toBe(false);
    // Listing them, the overlay removes them (no page of this build).
    const again = join(tmp, 'again');
    writeTree(again, { 'reports/stray/index.html': 'x', 'data/reports/stray.json': 'y' });
    writeTree(join(tmp, '.again.staging'), { 'index.html': 'home' });
    overlayOutput(again, join(tmp, '.again.staging'), record);
    expect(existsSync(join(again, 'reports', 'stray'))).toBe(false);
    expect(existsSync(join(again, 'data', 'reports', 'stray.json'))).toBe(false);
  });

  it('replaces a file by a folder of the same name and the other way round', () => {
    writeTree(out, { 'feed': 'a file', 'about/index.html': 'a folder' });
    writeTree(staging, { 'feed/index.xml': 'now a folder', 'about': 'now a file' });
    overlayOutput(out, staging, record, ['pagefind']);
    const tree = treeOf(out);
    expect(Buffer.from(tree['feed/index.xml']!, 'base64').toString()).toBe('now a folder');
    expect(Buffer.from(tree['about']!, 'base64').toString()).toBe('now a file');
  });
});
