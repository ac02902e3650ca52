/**
 * The report pages' digests kept between builds (src/node/kept-pages.ts): written whole, then only
 * the entries taken afresh beside the whole file until they pass their bound; read back as the
 * entries last kept; of other code, of another version, missing or unreadable, read as none.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeptPage, KeptPages } from '../../../src/loader/page-digests.ts';
import { keepPages, keptAdditionsFile, keptPagesFile, readKeptPages } from '../../../src/node/kept-pages.ts';

let tmp: string;
let file: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kept-pages-'));
  file = keptPagesFile(join(tmp, 'cache'), '/archive/a');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (id: string, digest = 'd'): KeptPage => [`key\u0000${id}`, `${digest}s`, `${digest}l`, `${digest}g`, '', `${digest}p`, `${digest}f`];
const pagesOf = (ids: string[], digest = 'd') => new Map(ids.map((id) => [id, entry(id, digest)]));
/** What digestPages gives: every entry now, and those taken afresh. */
const digested = (kept: KeptPages, fresh: KeptPages) => ({ changed: fresh.size > 0 || kept.size === 0, size: kept.size, kept: () => kept, fresh: () => fresh });
const mtime = (path: string) => statSync(path).mtimeMs;

describe('kept pages', () => {
  it('has one file per archive folder under the cache folder', () => {
    expect(file.startsWith(join(tmp, 'cache', 'kept-pages'))).toBe(true);
    expect(file.endsWith('.v8')).toBe(true);
    expect(keptPagesFile(join(tmp, 'cache'), '/archive/b')).not.toBe(file);
  });

  it('writes the first pages whole, folders made as needed, and reads them back', async () => {
    const pages = pagesOf(['a', 'b', 'c']);
    await keepPages(file, 'code-1', digested(pages, pages), await readKeptPages(file, 'code-1'));
    expect(existsSync(keptAdditionsFile(file))).toBe(false);
    expect(await readKeptPages(file, 'code-1')).toEqual({ pages, added: new Map() });
  });

  it('writes the entries taken afresh beside the whole file, which stays as it was, and nothing when none were', async () => {
    const pages = pagesOf(['a', 'b', 'c']);
    await keepPages(file, 'code-1', digested(pages, pages), await readKeptPages(file, 'code-1'));
    const written = mtime(file);
    const next = new Map([...pages, ['b', entry('b', 'e')], ['d', entry('d', 'e')]]);
    next.delete('c');
    const fresh = new Map([...next].filter(([id]) => id !== 'a'));
    await keepPages(file, 'code-1', digested(next, fresh), await readKeptPages(file, 'code-1'));
    expect(mtime(file)).toBe(written);
    const read = await readKeptPages(file, 'code-1');
    expect(read.added).toEqual(fresh);
    // The whole file's entry of a page gone stays: unused, since no page asks for it.
    expect(read.pages).toEqual(new Map([...next, ['c', entry('c')]]));
    // Nothing taken afresh: nothing written.
    const added = mtime(keptAdditionsFile(file));
    await keepPages(file, 'code-1', digested(next, new Map()), read);
    expect(mtime(keptAdditionsFile(file))).toBe(added);
  });

  it('does not make the map of every entry when it writes only the additions', async () => {
    const pages = pagesOf(['a', 'b']);
    await keepPages(file, 'code-1', digested(pages, pages), await readKeptPages(file, 'code-1'));
    const fresh = pagesOf(['a'], 'e');
    const unmade = { changed: true, size: 2, kept: (): KeptPages => { throw new Error('every entry made'); }, fresh: () => fresh };
    await keepPages(file, 'code-1', unmade, await readKeptPages(file, 'code-1'));
    expect((await readKeptPages(file, 'code-1')).added).toEqual(fresh);
  });

  it('writes every entry whole again, and drops the additions, once they pass their bound', async () => {
    const pages = pagesOf(['a', 'b', 'c', 'd']);
    await keepPages(file, 'code-1', digested(pages, pages), await readKeptPages(file, 'code-1'), 2);
    await keepPages(file, 'code-1', digested(new Map([...pages, ['a', entry('a', 'e')]]), pagesOf(['a'], 'e')), await readKeptPages(file, 'code-1'), 2);
    expect(existsSync(keptAdditionsFile(file))).toBe(true);
    const next = pagesOf(['a', 'b', 'c', 'd'], 'f');
    await keepPages(file, 'code-1', digested(next, pagesOf(['b', 'c'], 'f')), await readKeptPages(file, 'code-1'), 2);
    expect(existsSync(keptAdditionsFile(file))).toBe(false);
    expect(await readKeptPages(file, 'code-1')).toEqual({ pages: next, added: new Map() });
  });

  it('reads none of other code, of another version, of a missing file or an unreadable one, and no additions of other code', async () => {
    const pages = pagesOf(['a']);
    await keepPages(file, 'code-1', digested(pages, pages), await readKeptPages(file, 'code-1'));
    expect(await readKeptPages(file, 'code-2')).toEqual({ pages: new Map(), added: null });
    writeFileSync(keptAdditionsFile(file), serialize({ version: 2, code: 'code-2', pages: pagesOf(['b']) }));
    expect((await readKeptPages(file, 'code-1')).pages).toEqual(pages);
    writeFileSync(file, serialize({ version: 1, code: 'code-1', pages }));
    expect((await readKeptPages(file, 'code-1')).pages.size).toBe(0);
    writeFileSync(file, 'not a serialised value');
    expect((await readKeptPages(file, 'code-1')).pages.size).toBe(0);
    expect((await readKeptPages(join(tmp, 'none.v8'), 'code-1')).added).toBeNull();
  });
});
