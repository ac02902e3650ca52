/**
 * How the archive is split into shards for indexing, and the manifest the search page reads.
 * One shard per reporting year: each is indexed on its own (./build/build-shard.ts), with memory
 * that grows with its pages, and a new year's reports never touch the older shards. A year with more reports
 * than `maxPages` is split into parts by a hash of the report id, so adding a report changes one
 * part, not its neighbours.
 */

export interface ShardPlan<R> {
  /** Directory name and filter value: "2023", "2023-2" (a part of a large year), "unknown". */
  id: string;
  year: number | null;
  records: R[];
}

/** FNV-1a: a small stable hash, the same in every build and on every machine. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function planShards<R extends { id: string; year: number | null }>(records: readonly R[], maxPages: number): ShardPlan<R>[] {
  const byYear = new Map<number | null, R[]>();
  for (const r of records) {
    const list = byYear.get(r.year) ?? [];
    list.push(r);
    byYear.set(r.year, list);
  }
  const years = [...byYear.keys()].sort((a, b) => (b ?? -Infinity) - (a ?? -Infinity)); // newest first
  const shards: ShardPlan<R>[] = [];
  for (const year of years) {
    const list = [...byYear.get(year)!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const name = year === null ? 'unknown' : String(year);
    const parts = Math.ceil(list.length / maxPages);
    if (parts <= 1) {
      shards.push({ id: name, year, records: list });
      continue;
    }
    const split: R[][] = Array.from({ length: parts }, () => []);
    for (const r of list) split[stableHash(r.id) % parts]!.push(r);
    split.forEach((part, i) => {
      if (part.length) shards.push({ id: `${name}-${i + 1}`, year, records: part });
    });
  }
  return shards;
}

/** What the search page needs to know about the built index (pagefind/manifest.dat). */
export interface SearchManifest {
  version: 1;
  /** Window length and block size the index was built with (the page must use the same). */
  window: number;
  block: number;
  /** Shards in page order: the merged index numbers pages shard after shard. */
  shards: { id: string; year: number | null; pages: number }[];
  /** Names, and each page's index into them (district -1 when unknown). */
  agencies: string[];
  districts: string[];
  agency: number[];
  district: number[];
}
