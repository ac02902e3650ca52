import type { Loader } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { collections } from '../../../src/loader/collections.ts';

/** The collection's loader object (each of ours has one). */
const loaderOf = (c: object) => ('loader' in c ? (c.loader as Loader) : null);

describe('the collections (src/loader/collections.ts)', () => {
  it('are content-layer collections fed by our own loaders, as defineCollection from astro:content makes them', () => {
    expect(Object.keys(collections).sort()).toEqual(['archive', 'archiveFiles', 'reports']);
    // What Astro's check of the content config (collectionConfigParser) requires of a collection with a loader.
    for (const c of Object.values(collections)) expect(c.type).toBe('content_layer');
    expect(loaderOf(collections.reports)?.name).toBe('xxgk-reports');
    const names = Object.values(collections).map((c) => loaderOf(c)?.name);
    expect(new Set(names).size).toBe(3);
    for (const c of Object.values(collections)) expect(typeof loaderOf(c)?.load).toBe('function');
  });
});
