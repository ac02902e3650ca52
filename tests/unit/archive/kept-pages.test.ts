/**
 * The report pages' digests kept between builds (src/node/kept-pages.ts): read back as written by
 * the same code; of other code, of another version, missing or unreadable, read as none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeptPage } from '../../../src/loader/page-digests.ts';
import { keptPagesFile, readKeptPages, writeKeptPages } from '../../../src/node/kept-pages.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kept-pages-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const entry: KeptPage = ['key\u0000of\u0000page', 'a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32), '', 'd'.repeat(32)];

describe('kept pages', () => {
  it('has one file per archive folder under the cache folder', () => {
    const a = keptPagesFile(join(tmp, 'cache'), '/archive/a');
    expect(a.startsWith(join(tmp, 'cache', 'kept-pages'))).toBe(true);
    expect(a.endsWith('.v8')).toBe(true);
    expect(keptPagesFile(join(tmp, 'cache'), '/archive/b')).not.toBe(a);
  });

  it('reads back what the same code wrote, folders made as needed', async () => {
    const file = keptPagesFile(join(tmp, 'cache'), '/archive/a');
    await writeKeptPages(file, 'code-1', new Map([['2023-x', entry]]));
    expect(await readKeptPages(file, 'code-1')).toEqual(new Map([['2023-x', entry]]));
  });

  it('reads none of other code, of another version, of a missing file or an unreadable one', async () => {
    const file = join(tmp, 'kept.v8');
    await writeKeptPages(file, 'code-1', new Map([['2023-x', entry]]));
    expect((await readKeptPages(file, 'code-2')).size).toBe(0);
    writeFileSync(file, serialize({ version: 0, code: 'code-1', pages: new Map([['2023-x', entry]]) }));
    expect((await readKeptPages(file, 'code-1')).size).toBe(0);
    writeFileSync(file, 'not a serialised value');
    expect((await readKeptPages(file, 'code-1')).size).toBe(0);
    expect((await readKeptPages(join(tmp, 'none.v8'), 'code-1')).size).toBe(0);
  });
});
