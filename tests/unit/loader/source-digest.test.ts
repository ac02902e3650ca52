/** The digest of code that cached entries depend on (parse cache, loader listings). */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSER_SOURCES, parserVersion, sourceDigest } from '../../../src/node/parse-cache.ts';
import { ROOT } from '../../helpers/paths.ts';

const SRC = join(ROOT, 'src');

/** Every file under src/ that a file imports, directly or not (relative imports, types included). */
function importClosure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) visit(relative(SRC, resolve(dirname(join(SRC, file)), m[1]!)));
  };
  entries.forEach(visit);
  return seen;
}

describe('sourceDigest', () => {
  it('is stable, takes files and folders, and differs with the code it covers', () => {
    const listing = sourceDigest(['loader/report-listing.ts', 'site/data/csv.ts']);
    expect(listing).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceDigest(['loader/report-listing.ts', 'site/data/csv.ts'])).toBe(listing);
    expect(sourceDigest(['loader/report-listing.ts'])).not.toBe(listing);
    expect(sourceDigest(['loader'])).not.toBe(sourceDigest(['site']));
    // The parser's version also covers the lock file, so it is not the digest of its folders alone.
    expect(parserVersion()).not.toBe(sourceDigest(PARSER_SOURCES));
  });

  it("parser's version covers everything the cached read imports, and no build step", () => {
    const covered = (file: string) => PARSER_SOURCES.some((p) => file === p || file.startsWith(`${p}/`));
    const closure = importClosure(['node/read-archive.ts', 'node/parse-worker.ts']);
    expect(closure.size).toBeGreaterThan(20);
    expect([...closure].filter((f) => !covered(f))).toEqual([]);
    expect(closure.has('node/read-report.ts') && closure.has('core/parse-report.ts')).toBe(true);
    expect(covered('node/build/run-astro.ts') || covered('node/cli/check.ts')).toBe(false);
  });
});
