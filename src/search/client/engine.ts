/**
 * The search engine of the search page: Pagefind's runtime over the merged index
 * (../build/build-search-index.ts), queried the way ../tokenize.ts indexed it, results narrowed
 * and counted by agency, year and district from the manifest. Nothing here touches the page:
 * ./ui.ts renders what it returns.
 *
 * Every lookup is a plain Pagefind search for one word, which returns every position of the
 * word on every page; runLookups (../tokenize.ts) says which words a run is looked up by, and a
 * page matches a long run where all of them sit at their offsets from one position.
 */
import { blockIndex, type DisplayBlock } from '../display.ts';
import type { SearchManifest } from '../shards.ts';
import { queryRuns, runLookups } from '../tokenize.ts';

/** The narrowing a searcher chose: a year ("2023"), an agency or a district, by name. */
export interface Filters {
  year?: string;
  agency?: string;
  district?: string;
}
export type FacetName = keyof Filters;
export const FACETS: readonly FacetName[] = ['year', 'agency', 'district'];
export const UNKNOWN_YEAR = '未知';

export interface Hit {
  /** Page number in the merged index. */
  page: number;
  score: number;
  /** First matching position (for the snippet); -1 when browsing by filter alone. */
  position: number;
  year: string;
  agency: string;
  district: string;
}

export interface Outcome {
  runs: string[];
  /** Milliseconds spent in Pagefind's searches and in all of search() (for the benchmark). */
  timings: { pagefind: number; total: number };
  /** Matching reports, best first, after the filters. */
  hits: Hit[];
  /** For each facet: how many matches each value would leave, given the other facets' filters. */
  counts: Record<FacetName, Map<string, number>>;
}

/** The part of Pagefind's JS API used here (pagefind.js → createInstance). */
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
}
interface PagefindInstance {
  search(term: string): Promise<{ results: PagefindResult[] }>;
  preload(term: string): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Our files are gzip-compressed; a host that sent them with Content-Encoding: gzip has decoded them. */
export async function fetchGzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** Where each match of a run starts (in no particular order), by page, the first of them, and the page's Pagefind score. */
type RunMatches = Map<number, { score: number; positions: number[]; first: number }>;

const minimum = (values: readonly number[]) => {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
};

export class SearchEngine {
  readonly manifest: SearchManifest;
  /** The site's base path ("/" or "/xxgk/nianbao/"); the index lives in `<base>pagefind/`. */
  readonly base: string;
  private readonly pagefind: PagefindInstance;
  private readonly blocks = new Map<string, Promise<DisplayBlock>>();
  private readonly pageShard: Int32Array;
  private readonly shardStart: number[] = [];

  private constructor(base: string, manifest: SearchManifest, pagefind: PagefindInstance) {
    this.base = base;
    this.manifest = manifest;
    this.pagefind = pagefind;
    this.pageShard = new Int32Array(manifest.agency.length);
    let start = 0;
    manifest.shards.forEach((s, i) => {
      this.shardStart.push(start);
      this.pageShard.fill(i, start, start + s.pages);
      start += s.pages;
    });
  }

  /** Loads the manifest and Pagefind; `worker: true` runs Pagefind in its web worker. */
  static async open(base: string, options: { worker?: boolean } = {}): Promise<SearchEngine> {
    const root = `${base.replace(/\/?$/, '/')}pagefind/`;
    const [manifest, module] = await Promise.all([fetchGzipJson<SearchManifest>(`${root}manifest.dat`), import(/* @vite-ignore */ `${root}bundle/pagefind.js`) as Promise<PagefindModule>]);
    // pagefind.js cuts a query into words by the page's language when that is zh/ja/th, which
    // would split our windows: the instance is created while the page says "und" (what the
    // index was built as), which is put back right away.
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    html.setAttribute('lang', 'und');
    let pagefind: PagefindInstance;
    try {
      pagefind = module.createInstance({ basePath: `${root}bundle/`, noWorker: options.worker !== true });
    } finally {
      if (lang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', lang);
    }
    return new SearchEngine(base.replace(/\/?$/, '/'), manifest, pagefind);
  }

  /** Time spent in Pagefind during the current search (reported in Outcome.timings). */
  private pagefindMs = 0;

  /** Pagefind's search for one word, as page → score and positions. */
  private async lookup(word: string): Promise<RunMatches> {
    const started = performance.now();
    const { results } = await this.pagefind.search(word);
    this.pagefindMs += performance.now() - started;
    const matches: RunMatches = new Map();
    for (const r of results) matches.set(parseInt(r.id, 36), { score: r.score, positions: r.words, first: minimum(r.words) });
    return matches;
  }

  /** Every page where the run occurs, with where. */
  private async runMatches(run: string): Promise<RunMatches> {
    const lookups = runLookups(run, this.manifest.window);
    if (lookups.length === 1) return this.lookup(run);
    const offsets = lookups.map((l) => l.offset);
    const parts = await Promise.all(lookups.map((l) => this.lookup(l.word)));
    const matches: RunMatches = new Map();
    for (const [page, first] of parts[0]!) {
      const others = parts.slice(1).map((p) => p.get(page));
      if (others.some((o) => !o)) continue;
      const sets = others.map((o) => new Set(o!.positions));
      const positions = first.positions.filter((p) => sets.every((set, k) => set.has(p + offsets[k + 1]!)));
      if (positions.length) matches.set(page, { score: first.score + others.reduce((s, o) => s + o!.score, 0), positions, first: minimum(positions) });
    }
    return matches;
  }

  /** Loads the index chunks a query will need (while it is being typed). */
  async preload(query: string): Promise<void> {
    const words = queryRuns(query).flatMap((r) => runLookups(r, this.manifest.window).map((l) => l.word));
    await Promise.all(words.map((w) => this.pagefind.preload(w)));
  }

  private facetsOf(page: number): Pick<Hit, 'year' | 'agency' | 'district'> {
    const shard = this.manifest.shards[this.pageShard[page]!]!;
    const d = this.manifest.district[page]!;
    return { year: shard.year === null ? UNKNOWN_YEAR : String(shard.year), agency: this.manifest.agencies[this.manifest.agency[page]!] ?? '', district: d >= 0 ? this.manifest.districts[d]! : '' };
  }

  async search(query: string, filters: Filters = {}): Promise<Outcome> {
    const started = performance.now();
    this.pagefindMs = 0;
    const runs = queryRuns(query);
    let all: Hit[];
    if (runs.length === 0 && query.trim() !== '') {
      all = []; // nothing searchable was typed (only punctuation): nothing matches
    } else if (runs.length === 0) {
      all = this.manifest.agency.map((_, page) => ({ page, score: 0, position: -1, ...this.facetsOf(page) }));
    } else {
      const perRun = await Promise.all(runs.map((r) => this.runMatches(r)));
      perRun.sort((a, b) => a.size - b.size);
      all = [];
      for (const [page, m] of perRun[0]!) {
        let score = m.score;
        let position = m.first;
        let ok = true;
        for (const other of perRun.slice(1)) {
          const o = other.get(page);
          if (!o) {
            ok = false;
            break;
          }
          score += o.score;
          position = Math.min(position, o.first);
        }
        if (ok) all.push({ page, score, position: Number.isFinite(position) ? position : 0, ...this.facetsOf(page) });
      }
    }
    const keep = (h: Hit, except?: FacetName) => FACETS.every((f) => f === except || !filters[f] || h[f] === filters[f]);
    const counts = {} as Outcome['counts'];
    for (const facet of FACETS) {
      const count = new Map<string, number>();
      for (const h of all) if (h[facet] && keep(h, facet)) count.set(h[facet], (count.get(h[facet]) ?? 0) + 1);
      counts[facet] = count;
    }
    // Matches best first; browsing by filter alone goes by year, newest first, then agency.
    const byYear = (a: Hit, b: Hit) => b.year.localeCompare(a.year);
    const order = runs.length ? (a: Hit, b: Hit) => b.score - a.score || byYear(a, b) : (a: Hit, b: Hit) => byYear(a, b) || a.agency.localeCompare(b.agency, 'zh-CN');
    const hits = all.filter((h) => keep(h)).sort((a, b) => order(a, b) || a.page - b.page);
    return { runs, hits, counts, timings: { pagefind: this.pagefindMs, total: performance.now() - started } };
  }

  /** The display block a hit is shown from (title, agency, year and the text around its match). */
  block(hit: Hit): Promise<DisplayBlock> {
    const shard = this.pageShard[hit.page]!;
    const local = hit.page - this.shardStart[shard]!;
    const url = `${this.base}pagefind/blocks/${this.manifest.shards[shard]!.id}/${local}-${blockIndex(hit.position, this.manifest.block)}.dat`;
    let loading = this.blocks.get(url);
    if (!loading) {
      loading = fetchGzipJson<DisplayBlock>(url);
      loading.catch(() => this.blocks.delete(url));
      this.blocks.set(url, loading);
    }
    return loading;
  }
}
