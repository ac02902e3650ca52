/**
 * Everything the listing pages share, computed once per build (module-level memo): the reports
 * sorted by id, their summaries, groupings by agency and year, the files that are not reports and
 * the archive-wide problems. Pages must use this rather than call getCollection themselves, so
 * the work does not grow with (pages × reports).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import type { Report } from '../core/model/report.ts';
import type { ArchiveFileEntry, ArchiveOverviewData, ArchiveProblemData } from '../loader/archive-file.ts';
import { inIdOrder, readReportIndex, type ReportIndexRef } from '../loader/report-index.ts';
import type { ReportListingData } from '../loader/report-listing.ts';
import { readStoredListings, readStoredReport, storedCsvRange, storedJsonRange } from '../loader/report-store.ts';
import type { ByteRange } from '../node/byte-range.ts';
import { groupByAgency, groupByYear, type AgencyGroup, type ReportSummary, type YearGroup } from './archive-model.ts';

export interface ReportEntry {
  id: string;
  /** Its body's slug and its year (kept in the report index, so one body's or one year's reports are found without their listings). */
  agencySlug: string;
  year: number | null;
  /** The whole Report, read from the report store when a page needs it (not kept: see src/loader/report-store.ts). */
  loadReport: () => Report;
  /**
   * Where the report store holds its JSON, exactly as /data/reports/<id>.json publishes it
   * (without the final line end), and its CSV data row with its line end: UTF-8 bytes, which the
   * data downloads pass on as they are (read with readByteRange, or joined after Astro from a
   * recipe, src/site/data/join-recipe.ts).
   */
  jsonAt: ByteRange;
  csvAt: ByteRange;
  /** The text the parser read, kept for reports with errors (shown on their page). */
  rawText: string | null;
  /** The original file, relative to the project root. */
  filePath: string;
  /** Its size in bytes (looked up when asked for: only its own page shows it). */
  readonly size: number;
}

export interface FileEntry {
  id: string;
  data: ArchiveFileEntry;
  rawText: string | null;
  filePath: string;
}

/**
 * The summaries and their groupings are computed when first asked for: a partial build that
 * renders one report page needs only that report's body (`agency`), not the listings of the
 * 10,000 others (reading and grouping them took about 0.3 s of such a build's Astro).
 */
export interface ArchiveIndex {
  entries: ReportEntry[];
  readonly summaries: ReportSummary[];
  readonly agencies: AgencyGroup[];
  readonly years: YearGroup[];
  /** Reports whose year could not be determined. */
  readonly undated: ReportSummary[];
  /** Every body's slug and every year with reports (newest first), known without the listings. */
  readonly agencySlugs: string[];
  readonly yearNumbers: number[];
  /** One body's group, as `agencies` has it, made from its reports' listings alone. */
  agency(slug: string): AgencyGroup | undefined;
  /** One year's group, as `years` has it, made from its reports' listings alone. */
  year(year: number): YearGroup | undefined;
  /**
   * What listings need of these entries: the summary, source, diagnostics and failing checks, read
   * from the report store when first asked for (those not read yet in one pass, each pack opened once).
   */
  listingsOf(entries: readonly ReportEntry[]): ReportListingData[];
  /** Files that are not reports, by file name. */
  files: FileEntry[];
  problems: ArchiveProblemData[];
  /** Counts of the build summary. */
  overview: ArchiveOverviewData;
  /** Archive problems by the page they concern (both files of a pair). */
  problemsByPage: Map<string, ArchiveProblemData[]>;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The reports the loader indexed (one collection entry names the index, see src/loader/report-index.ts). */
async function indexedReports(root: string) {
  const [entry] = await getCollection('reports');
  // The loader always stores it, also for an empty archive: without it every report page would be missing.
  if (!entry) throw new Error('reports 集合中没有报告索引（src/loader/reports-loader.ts），请重新构建');
  const ref = entry.data as ReportIndexRef;
  const reports = readReportIndex(resolve(root, ref.index)) ?? [];
  // The loader wrote it in this build; one that is gone or cut short would drop pages silently.
  if (reports.length !== ref.reports) throw new Error(`${ref.index}: 报告索引应有 ${ref.reports} 份报告，读到 ${reports.length} 份，请重新构建`);
  return reports;
}

/** A value computed when first read. */
function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

async function build(): Promise<ArchiveIndex> {
  const root = process.cwd();
  const [reports, archive] = await Promise.all([indexedReports(root), getCollection('archive')]);
  const overview = archive[0]!.data as ArchiveOverviewData;
  // Only asked for when there are such files: Astro warns about an empty collection.
  const files = overview.problemFiles > 0 ? await getCollection('archiveFiles') : [];
  const sorted = inIdOrder(reports);
  const listings: (ReportListingData | undefined)[] = new Array(sorted.length);
  /** The listings of the entries at `at`, those not read yet read from the store in one pass (each pack opened once). */
  const listingsAt = (at: readonly number[]): ReportListingData[] => {
    const missing = at.filter((i) => !listings[i]);
    readStoredListings(root, missing.map((i) => sorted[i]!.stored)).forEach((listing, k) => (listings[missing[k]!] = listing));
    return at.map((i) => listings[i]!);
  };
  const entries: ReportEntry[] = sorted.map((r) => ({
    id: r.id,
    agencySlug: r.agencySlug,
    year: r.year,
    loadReport: () => readStoredReport(root, r.stored),
    jsonAt: storedJsonRange(root, r.stored),
    csvAt: storedCsvRange(root, r.stored),
    rawText: r.rawText,
    filePath: r.filePath,
    // filePath is relative to the project root.
    get size() {
      return statSync(resolve(root, r.filePath)).size;
    },
  }));
  const summaries = lazy((): ReportSummary[] => listingsAt(sorted.map((_, i) => i)));
  const agencies = lazy(() => groupByAgency(summaries()));
  const years = lazy(() => groupByYear(summaries()));
  const undated = lazy(() => summaries().filter((s) => s.year === null));
  // One body's (one year's) group from its reports alone: groupByAgency groups by slug, groupByYear
  // by year, so it is the same group.
  const atBySlug = lazy(() => Map.groupBy(sorted.keys(), (i) => sorted[i]!.agencySlug));
  const atByYear = lazy(() => Map.groupBy(sorted.keys(), (i) => sorted[i]!.year));
  /** A group made from the reports at its key's positions alone, once per key. */
  const groupOf = <K, G>(positionsBy: () => Map<K, number[]>, group: (list: ReportListingData[]) => G[]) => {
    const made = new Map<K, G | undefined>();
    return (key: K) => {
      if (!made.has(key)) made.set(key, group(listingsAt(positionsBy().get(key) ?? []))[0]);
      return made.get(key);
    };
  };
  const agency = groupOf(atBySlug, groupByAgency);
  const year = groupOf(atByYear, groupByYear);
  const positions = lazy(() => new Map(sorted.map((r, i) => [r.id, i])));
  const listingsOf = (of: readonly ReportEntry[]) => listingsAt(of.map((e) => positions().get(e.id)!));
  const problemData = overview.problems.slice().sort(byKey((p) => `${p.kind}\u0000${p.file}\u0000${p.message}`));
  const problemsByPage = new Map<string, ArchiveProblemData[]>();
  for (const p of problemData) {
    for (const page of new Set([p.pageId, p.otherPageId])) if (page) problemsByPage.set(page, [...(problemsByPage.get(page) ?? []), p]);
  }
  return {
    entries,
    get summaries() {
      return summaries();
    },
    get agencies() {
      return agencies();
    },
    get years() {
      return years();
    },
    get undated() {
      return undated();
    },
    get agencySlugs() {
      return [...atBySlug().keys()];
    },
    get yearNumbers() {
      return [...atByYear().keys()].filter((y) => y !== null).sort((a, b) => b - a);
    },
    agency,
    year,
    listingsOf,
    files: files
      .map((f) => ({ id: f.id, data: f.data as ArchiveFileEntry, rawText: f.body ?? null, filePath: f.filePath ?? '' }))
      .sort(byKey((f) => f.data.file)),
    problems: problemData,
    overview,
    problemsByPage,
  };
}

let memo: Promise<ArchiveIndex> | undefined;

export function archiveIndex(): Promise<ArchiveIndex> {
  memo ??= build();
  return memo;
}
