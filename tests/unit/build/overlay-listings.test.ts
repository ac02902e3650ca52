/**
 * Putting a partial build over the previous output (src/node/build/overlay-output.ts), for agency
 * and year pages as for report pages: pages not rendered this time are kept when their report,
 * agency or year is still in the archive and go when it is not; everything else is replaced by
 * what was rendered. What it says it changed brings the output's listing up to date: the same
 * fingerprint as the folder read afresh.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputListing, outputFingerprint, type OutputFingerprint } from '../../../src/node/build/output-listing.ts';
import { overlayOutput, type Overlaid } from '../../../src/node/build/overlay-output.ts';
import { filesUnder } from '../../../src/node/files-under.ts';

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-overlay-'));
const out = join(tmp, 'out');
const staging = join(tmp, 'staging');

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
}

let result: Record<string, string>;
let changes: Overlaid;
let derived: OutputFingerprint;
let before: OutputFingerprint;
beforeAll(() => {
  write(out, {
    'index.html': 'old home',
    'agencies/index.html': 'old agency index',
    'reports/2023-a/index.html': 'old a',
    'reports/2023-b/index.html': 'old b',
    'reports/2023-gone/index.html': 'old gone',
    'data/reports/2023-b.json': 'old b json',
    'data/reports/2023-gone.json': 'old gone json',
    'agencies/a/index.html': 'old agency a',
    'agencies/b/index.html': 'old agency b',
    // A body whose last report was removed.
    'agencies/gone/index.html': 'old agency gone',
    'years/2022/index.html': 'old 2022',
    'years/2022/by-received/index.html': 'old 2022 by received',
    'years/2023/index.html': 'old 2023',
    'years/2023/by-received/index.html': 'old 2023 by received',
    // A year that no longer has a report.
    'years/2019/index.html': 'old 2019',
    'years/2019/by-received/index.html': 'old 2019 by received',
  });
  write(staging, {
    'index.html': 'new home',
    'agencies/index.html': 'new agency index',
    'reports/2023-a/index.html': 'new a',
    'agencies/a/index.html': 'new agency a',
    'years/2023/index.html': 'new 2023',
    'years/2023/by-received/index.html': 'new 2023 by received',
  });
  const listing = OutputListing.read(out)!;
  before = listing.fingerprint();
  changes = overlayOutput(out, staging, {
    pages: { '2023-a': '2', '2023-b': '1', 'agencies/a': '2', 'agencies/b': '1', 'years/2022': '1', 'years/2023': '2' },
    render: ['2023-a', 'agencies/a', 'years/2023'],
  });
  listing.restat([...changes.removed, ...changes.placed]);
  derived = listing.fingerprint();
  result = Object.fromEntries(filesUnder(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('overlayOutput', () => {
  it('keeps the unrendered pages of reports, agencies and years still in the archive, takes the rendered ones, and removes the others', () => {
    expect(result).toEqual({
      'index.html': 'new home',
      'agencies/index.html': 'new agency index',
      'reports/2023-a/index.html': 'new a',
      'reports/2023-b/index.html': 'old b',
      'data/reports/2023-b.json': 'old b json',
      'agencies/a/index.html': 'new agency a',
      'agencies/b/index.html': 'old agency b',
      'years/2022/index.html': 'old 2022',
      'years/2022/by-received/index.html': 'old 2022 by received',
      'years/2023/index.html': 'new 2023',
      'years/2023/by-received/index.html': 'new 2023 by received',
    });
  });

  it('says what it removed and what it placed, and the listing brought up to date with it is the folder as it is', () => {
    expect(changes.placed).toEqual(['agencies/a/index.html', 'agencies/index.html', 'index.html', 'reports/2023-a/index.html', 'years/2023/by-received/index.html', 'years/2023/index.html']);
    expect([...changes.removed].sort()).toEqual([
      'agencies/a/index.html',
      'agencies/gone/index.html',
      'agencies/index.html',
      'data/reports/2023-gone.json',
      'index.html',
      'reports/2023-a/index.html',
      'reports/2023-gone/index.html',
      'years/2019/by-received/index.html',
      'years/2019/index.html',
      'years/2023/by-received/index.html',
      'years/2023/index.html',
    ]);
    expect(derived).toEqual(outputFingerprint(out));
    expect(derived.files).toBe(11);
    expect(derived.digest).not.toBe(before.digest);
  });

  it('leaves no staging folder and no empty folders behind', () => {
    expect(filesUnder(tmp).some((f) => f.startsWith('staging/'))).toBe(false);
    expect(existsSync(join(out, 'agencies', 'gone'))).toBe(false);
    expect(existsSync(join(out, 'years', '2019'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });
});
