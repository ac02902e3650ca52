import { describe, expect, it } from 'vitest';
import { searchAlongsideAstro } from '../../../src/node/build/search-alongside.ts';

const GiB = 1024 ** 3;

describe('searchAlongsideAstro', () => {
  it('indexes alongside Astro only with two cores and 6 GiB or more', () => {
    expect(searchAlongsideAstro({}, 2, 24 * GiB)).toBe(true);
    expect(searchAlongsideAstro({}, 2, 8 * GiB)).toBe(true);
    expect(searchAlongsideAstro({}, 1, 24 * GiB)).toBe(false);
    expect(searchAlongsideAstro({}, 8, 4 * GiB)).toBe(false);
  });

  it('follows XXGK_SEARCH_CONCURRENT when it is set', () => {
    expect(searchAlongsideAstro({ XXGK_SEARCH_CONCURRENT: '0' }, 8, 64 * GiB)).toBe(false);
    expect(searchAlongsideAstro({ XXGK_SEARCH_CONCURRENT: '1' }, 1, 2 * GiB)).toBe(true);
  });
});
