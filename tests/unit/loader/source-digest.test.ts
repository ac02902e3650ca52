/** The digest of code that cached entries depend on (parse cache, loader listings). */
import { describe, expect, it } from 'vitest';
import { parserVersion, sourceDigest } from '../../../src/node/parse-cache.ts';

describe('sourceDigest', () => {
  it('is stable, takes files and folders, and differs with the code it covers', () => {
    const listing = sourceDigest(['loader/report-listing.ts', 'site/data/csv.ts']);
    expect(listing).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceDigest(['loader/report-listing.ts', 'site/data/csv.ts'])).toBe(listing);
    expect(sourceDigest(['loader/report-listing.ts'])).not.toBe(listing);
    expect(sourceDigest(['loader'])).not.toBe(sourceDigest(['site']));
    // The parser's version also covers the lock file, so it is not the digest of its folders alone.
    expect(parserVersion()).not.toBe(sourceDigest(['core', 'decode', 'formats', 'node']));
  });
});
