/**
 * npm run bench -- [--count N] [--seed S] [--repeat R] [--rebuilds B] [--skip-floor] [--skip-build] [--skip-first-query] [--no-readme | --readme-only]
 * One command for every figure of issue 7, measured in one run on this machine:
 *   1. the corpus (generated once per count and seed, cached in bench/work/);
 *   2. parse throughput over the samples ×5,000 and over the corpus (bench:parse);
 *   3. the floor: bare Astro + bare Pagefind over the same prose (bench/floor);
 *   4. our `npm run build` (when package.json has one): clean, again unchanged, again with one
 *      report changed; the split read from node_modules/.cache/xxgk/build-timings.json;
 *      dist and search index sizes, report-page weight, JS on a report page, and the bytes and
 *      time of first queries on the built site's own search page (bench/search/first-query.ts).
 * --repeat R: the floor and our clean build R times each, one after the other in turn, and the
 * median of each (this machine's runs vary by seconds; the 1,000-report ratio sits near its target).
 * --rebuilds B (default 3): the unchanged rebuild, the one-report rebuild and the floor's site of
 * one page B times each, and the median of each: a rebuild of a few seconds spreads by up to a
 * second from one run to the next here.
 * Prints a table, merges the figures into bench/results.json (one entry per count) and writes the
 * latest ones into README.md between the bench markers. Contracts: bench/README.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sidecarName } from '../src/formats/sidecar-name.ts';
import { measureFloor, remeasureFloor, REPO, type FloorFigures } from './floor/floor.ts';
import { GENERATOR_VERSION, type Manifest } from './generate/corpus.ts';
import { writeCorpus } from './generate/write-corpus.ts';
import { emptyAside, roomToSetAside, setAside } from './lib/aside.ts';
import { fmtGiB, fmtS, GiB, run, type Measured } from './lib/measure.ts';
import { folderSize, pageWeight, type FolderSize, type PageWeight } from './lib/sizes.ts';
import type { ParseFigures } from './parse-throughput.ts';
import type { FirstQuery } from './search/first-query.ts';

interface FirstQueries {
  queries: FirstQuery[];
}

const BIN = join(REPO, 'node_modules', '.bin');
const NODE = join(BIN, 'node');
export const TIMINGS_FILE = join(REPO, 'node_modules', '.cache', 'xxgk', 'build-timings.json');
const RESULTS = join(REPO, 'bench', 'results.json');

interface BuildTimings {
  parseMs?: number;
  astroMs?: number;
  searchMs?: number;
  dataMs?: number;
}

interface BuildRun {
  wallMs: number;
  peakRssBytes: number;
  peakProcesses: number;
  /** CPU time of the build's whole process tree (see Measured.cpuMs); not in results from before 2026-11-27 13:45. */
  cpuMs?: number;
  /** The split the build reported (build-timings.json), or null when it wrote none. */
  timings: BuildTimings | null;
}

interface OursFigures {
  /** The median of the clean builds (see cleanRuns). */
  clean: BuildRun;
  /** With --repeat: each clean build's wall time, in the order run. */
  cleanRuns?: number[];
  unchanged: BuildRun;
  oneChanged: BuildRun & { file: string };
  /** With more than one rebuild (--rebuilds): each run's wall time, in the order run; the figures above are of the median one. */
  unchangedRuns?: number[];
  oneChangedRuns?: number[];
  /**
   * The same report with a figure changed instead (changeOneReport's `figures`): a check fails,
   * then passes again, so its summary and listing change and the pages listing it are rendered
   * again. Not in results from before 2026-11-30 03:30.
   */
  oneFigure?: BuildRun;
  oneFigureRuns?: number[];
  /**
   * A report added (a new body's: addOneReport), then removed again. Not in results from before
   * 2026-11-30 06:00.
   */
  oneAdded?: BuildRun;
  oneAddedRuns?: number[];
  oneRemoved?: BuildRun;
  oneRemovedRuns?: number[];
  /**
   * The same edits to the same report in an archive of that report alone (its own output and
   * caches): what our build costs for that report, whatever the archive's size. Not in results
   * from before 2026-11-28 11:00 (its figure edits, from before 2026-11-30 03:30).
   */
  oneReportArchive?: { clean?: BuildRun; oneChanged: BuildRun; oneChangedRuns?: number[]; oneFigure?: BuildRun; oneFigureRuns?: number[] };
  dist: FolderSize;
  searchIndex: FolderSize;
  reportPages: number;
  reportPage: { median: PageWeight; heaviest: PageWeight } | null;
  firstQuery: FirstQueries | null;
}

function sourceHash(): string {
  // Anything the corpus depends on: the generator and the core definitions it imports.
  const h = createHash('sha256').update(GENERATOR_VERSION);
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) h.update(relative(REPO, p)).update(readFileSync(p));
    }
  };
  walk(join(REPO, 'bench', 'generate'));
  for (const f of ['src/core/tables/definitions.ts', 'src/core/id/slug.ts']) h.update(readFileSync(join(REPO, f)));
  return h.digest('hex').slice(0, 16);
}

/** The corpus for count and seed, generated unless an identical one is already there. */
async function corpus(count: number, seed: string): Promise<{ dir: string; manifest: Manifest; cached: boolean; seconds: number }> {
  const dir = join(REPO, 'bench', 'work', `corpus-${count}-${seed}`);
  const stamp = join(dir, '.source-hash');
  const hash = sourceHash();
  const cached = existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(dir, 'manifest.json'));
  const started = performance.now();
  if (!cached) {
    await writeCorpus(dir, count, seed);
    writeFileSync(stamp, hash);
  }
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest, cached, seconds: (performance.now() - started) / 1000 };
}

function readTimings(): BuildTimings | null {
  try {
    return JSON.parse(readFileSync(TIMINGS_FILE, 'utf8')) as BuildTimings;
  } catch {
    return null;
  }
}

async function build(env: NodeJS.ProcessEnv, label: string): Promise<BuildRun> {
  rmSync(TIMINGS_FILE, { force: true });
  console.error(`… ${label}`);
  const m: Measured = await run('npm', ['run', 'build'], { cwd: REPO, env });
  if (m.exitCode !== 0) throw new Error(`npm run build (${label}) failed (exit ${m.exitCode}):\n${(m.stderr || m.stdout).split('\n').slice(-30).join('\n')}`);
  return { wallMs: m.wallMs, peakRssBytes: m.peakRssBytes, peakProcesses: m.peakProcesses, cpuMs: m.cpuMs, timings: readTimings() };
}

/**
 * Edits one UTF-8 report the way a portal corrects a sentence: `edit(k)` adds the k-th of
 * distinct sentences to its original text (each edit is a change from the one before, so each
 * rebuild parses the report anew); `restore` puts the original back. `figures(k)` is its text
 * with a figure changed, by turns: at an even k, 本年新收's first cell one or more higher, which
 * fails two checks (its row's total, its column's balance); at an odd k, the figures as they were
 * with another note in chapter six (distinct bytes, checks passing again). Either way what the
 * report's listings show changes.
 */
function changeOneReport(reportsDir: string, manifest: Manifest): { file: string; agency: string; original: Buffer; edited: (k: number) => string; edit: (k: number) => void; figures: (k: number) => string; restore: () => void } {
  const entry = manifest.reports.find((e) => e.encoding === 'utf-8' && !e.crlf && e.layoutVariant === 'tab-rows') ?? manifest.reports.find((e) => e.encoding === 'utf-8');
  if (!entry) throw new Error('no UTF-8 report in the corpus to change');
  const file = join(reportsDir, entry.file);
  const before = readFileSync(file);
  const text = before.toString('utf8');
  const sentence = (k: number) => (k === 0 ? '本报告经本机关审核后发布，如有更正将另行公告。' : `本报告经本机关审核后发布，如有更正将另行公告（第 ${k + 1} 次修订）。`);
  const edited = (k: number) => {
    const changed = text.replace(/(六、其他需要报告的事项\n+)/, `$1${sentence(k)}\n\n`);
    if (changed === text) throw new Error(`could not change ${entry.file}`);
    return changed;
  };
  const figures = (k: number) => {
    if (k % 2 === 1) return edited(1000 + k);
    const changed = text.replace(/(本年新收政府信息公开申请数量\D*)(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + k / 2 + 1}`);
    if (changed === text) throw new Error(`could not change a figure of ${entry.file}`);
    return changed;
  };
  return { file: entry.file, agency: entry.agency, original: before, edited, edit: (k) => writeFileSync(file, edited(k)), figures, restore: () => writeFileSync(file, before) };
}

/**
 * A report added to the archive, as a portal adds a new body's: the changed report's text, its
 * body renamed to a branch of it (开阳县退役军人事务局 → 开阳县退役军人事务分局) in the text and
 * in the file's name; `remove` takes it out again.
 */
function addOneReport(reportsDir: string, change: ReturnType<typeof changeOneReport>): { file: string; add: () => void; remove: () => void } {
  const branch = `${change.agency.slice(0, -1)}分${change.agency.slice(-1)}`;
  const name = basename(change.file).replaceAll(change.agency, branch);
  if (name === basename(change.file)) throw new Error(`the file name of ${change.file} does not hold its body's name`);
  const rel = join(dirname(change.file), name);
  const file = join(reportsDir, rel);
  const text = change.original.toString('utf8').replaceAll(change.agency, branch);
  return { file: rel, add: () => writeFileSync(file, text), remove: () => rmSync(file, { force: true }) };
}

/**
 * The report `change` edits, alone in an archive of its own (bench/work/one-report-<seed>/),
 * built by `npm run build` into its own output and caches, then rebuilt `runs` times with the
 * same edits: the cost of "that report" in our own build, for the one-changed yardstick.
 */
async function oneReportArchive(env: NodeJS.ProcessEnv, reportsDir: string, seed: string, change: ReturnType<typeof changeOneReport>, runs: number): Promise<NonNullable<OursFigures['oneReportArchive']>> {
  const dir = join(REPO, 'bench', 'work', `one-report-${seed}`);
  setAside(dir);
  const file = join(dir, 'reports', change.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, change.original);
  // Its metadata file too, when it has one (the generated corpora have none).
  const sidecar = sidecarName(join(reportsDir, change.file));
  if (existsSync(sidecar)) writeFileSync(sidecarName(file), readFileSync(sidecar));
  const own = { ...env, REPORTS_DIR: join(dir, 'reports'), OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'astro-cache'), XXGK_CACHE_DIR: join(dir, 'parse-cache'), XXGK_SEARCH_CACHE_DIR: join(dir, 'search-cache') };
  const clean = await build(own, `npm run build, an archive of that report alone, clean`);
  const all: BuildRun[] = [];
  const figured: BuildRun[] = [];
  const of = (i: number) => (runs > 1 ? ` (${i + 1} of ${runs})` : '');
  for (let i = 0; i < runs; i++) {
    writeFileSync(file, change.edited(i));
    all.push(await build(own, `npm run build, an archive of that report alone, the report changed${of(i)}`));
  }
  for (let i = 0; i < runs; i++) {
    writeFileSync(file, change.figures(i));
    figured.push(await build(own, `npm run build, an archive of that report alone, a figure changed${of(i)}`));
  }
  return { clean, oneChanged: medianRun(all), oneFigure: medianRun(figured), ...(runs > 1 ? { oneChangedRuns: all.map((r) => r.wallMs), oneFigureRuns: figured.map((r) => r.wallMs) } : {}) };
}

/** Folders named "pagefind" (or starting so) anywhere under dist: the search index. */
function searchIndex(dist: string): FolderSize {
  const total: FolderSize = { bytes: 0, files: 0 };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (e.name.startsWith('pagefind')) {
        const s = folderSize(p);
        total.bytes += s.bytes;
        total.files += s.files;
      } else walk(p);
    }
  };
  if (existsSync(dist)) walk(dist);
  return total;
}

function reportPages(dist: string): string[] {
  const dir = join(dist, 'reports');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((id) => join(dir, id, 'index.html'))
    .filter((f) => existsSync(f))
    .sort();
}

/**
 * First queries on the site just built (./search/first-query.ts): a term in every report and one
 * body's full name, typed into its search page and opened as a link. Null (and why, on stderr)
 * when they could not be measured, e.g. without Chromium.
 */
async function firstQuery(env: NodeJS.ProcessEnv, manifest: Manifest): Promise<FirstQueries | null> {
  const agency = manifest.reports[0]?.agency;
  const queries = ['行政许可', ...(agency ? [agency] : [])];
  const m = await run(NODE, [join(REPO, 'bench', 'search', 'first-query.ts'), '--dist', join(REPO, 'dist'), '--base', env.BASE_PATH ?? '/', ...queries.flatMap((q) => ['--query', q]), '--json'], { cwd: REPO, env });
  if (m.exitCode !== 0) {
    console.error(`first queries failed (exit ${m.exitCode}); their figures are left out:\n${m.stderr.split('\n').slice(-10).join('\n')}`);
    return null;
  }
  try {
    return JSON.parse(m.stdout) as FirstQueries;
  } catch {
    console.error(`first queries printed no JSON; their figures are left out:\n${m.stdout.slice(-500)}`);
    return null;
  }
}

/**
 * What a clean build starts without: the output and every cache of the last build, deleted, or
 * set aside until the bench has measured everything (./lib/aside.ts).
 */
function removeOutputs(how: 'delete' | 'aside'): void {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.cache/xxgk']) {
    if (how === 'aside') setAside(join(REPO, p));
    else rmSync(join(REPO, p), { recursive: true, force: true });
  }
}

/** The run in the middle by wall time (the later of the two middle ones for an even count). */
function medianRun<T extends { wallMs: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

/**
 * `cleanRuns` clean builds, with `between()` (the floor built again) before each one after the
 * first, so that both are measured in turn; the median clean build is reported.
 */
async function ours(corpusDir: string, manifest: Manifest, skipFirstQuery: boolean, cleanRuns = 1, between: () => Promise<void> = async () => {}, rebuilds = 1): Promise<OursFigures> {
  const reportsDir = join(corpusDir, 'reports');
  const env = { ...process.env, REPORTS_DIR: reportsDir, PATH: `${BIN}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const cleans: BuildRun[] = [];
  for (let i = 0; i < cleanRuns; i++) {
    if (i > 0) await between();
    removeOutputs('aside');
    cleans.push(await build(env, `npm run build, clean, ${manifest.count} reports${cleanRuns > 1 ? ` (${i + 1} of ${cleanRuns})` : ''}`));
  }
  const clean = medianRun(cleans);
  const runs = Math.max(1, rebuilds);
  const of = (i: number) => (runs > 1 ? ` (${i + 1} of ${runs})` : '');
  const unchangedAll: BuildRun[] = [];
  for (let i = 0; i < runs; i++) unchangedAll.push(await build(env, `npm run build, nothing changed${of(i)}`));
  const change = changeOneReport(reportsDir, manifest);
  const oneChangedAll: BuildRun[] = [];
  const oneFigureAll: BuildRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      change.edit(i);
      oneChangedAll.push(await build(env, `npm run build, one report changed (${change.file})${of(i)}`));
    }
    for (let i = 0; i < runs; i++) {
      writeFileSync(join(reportsDir, change.file), change.figures(i));
      oneFigureAll.push(await build(env, `npm run build, a figure of that report changed${of(i)}`));
    }
  } finally {
    change.restore();
  }
  const added = addOneReport(reportsDir, change);
  const oneAddedAll: BuildRun[] = [];
  const oneRemovedAll: BuildRun[] = [];
  // The changed report put back first, not timed: else the first addition's build would take that too.
  await build(env, `npm run build, ${change.file} put back`);
  try {
    for (let i = 0; i < runs; i++) {
      added.add();
      oneAddedAll.push(await build(env, `npm run build, a report added (${added.file})${of(i)}`));
      added.remove();
      oneRemovedAll.push(await build(env, `npm run build, that report removed${of(i)}`));
    }
  } finally {
    added.remove();
  }
  const alone = await oneReportArchive(env, reportsDir, manifest.seed, change, runs);
  const unchanged = medianRun(unchangedAll);
  const oneChanged = medianRun(oneChangedAll);
  const dist = join(REPO, 'dist');
  const pages = reportPages(dist);
  // Weigh up to 200 pages spread over the archive; report the median and the heaviest.
  const step = Math.max(1, Math.floor(pages.length / 200));
  const weights = pages.filter((_, i) => i % step === 0).map((p) => pageWeight(dist, p, process.env.BASE_PATH ?? '/')).sort((a, b) => a.htmlCssGzip - b.htmlCssGzip);
  return {
    clean,
    ...(cleanRuns > 1 ? { cleanRuns: cleans.map((c) => c.wallMs) } : {}),
    unchanged,
    oneChanged: { ...oneChanged, file: change.file },
    oneFigure: medianRun(oneFigureAll),
    oneAdded: medianRun(oneAddedAll),
    oneRemoved: medianRun(oneRemovedAll),
    ...(runs > 1
      ? { unchangedRuns: unchangedAll.map((r) => r.wallMs), oneChangedRuns: oneChangedAll.map((r) => r.wallMs), oneFigureRuns: oneFigureAll.map((r) => r.wallMs), oneAddedRuns: oneAddedAll.map((r) => r.wallMs), oneRemovedRuns: oneRemovedAll.map((r) => r.wallMs) }
      : {}),
    oneReportArchive: alone,
    dist: folderSize(dist),
    searchIndex: searchIndex(dist),
    reportPages: pages.length,
    reportPage: weights.length ? { median: weights[Math.floor(weights.length / 2)]!, heaviest: weights[weights.length - 1]! } : null,
    firstQuery: skipFirstQuery ? null : await firstQuery(env, manifest),
  };
}

const KiB = 1024;
const fmtKiB = (b: number) => `${(b / KiB).toFixed(1)} KiB`;
const fmtMiB = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

function row(cells: (string | number | null | undefined)[]): string {
  return `| ${cells.map((c) => (c === null || c === undefined ? '—' : String(c))).join(' | ')} |`;
}

function split(t: BuildTimings | null): string {
  if (!t) return 'split: build wrote no build-timings.json';
  const part = (ms: number | undefined) => (ms === undefined ? '—' : fmtS(ms));
  return `parse ${part(t.parseMs)} · Astro ${part(t.astroMs)} · search ${part(t.searchMs)} · data ${part(t.dataMs)}`;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; astro: string; pagefind: string };
  /** 1-minute load average before the run and after it: other work on the machine skews every figure. */
  load: { before: number; after: number };
  count: number;
  seed: string;
  corpus: { bytes: number; proseBytesPerReport: number; bodies: number; broken: number; carryOverSlips: number; cached: boolean };
  parse: ParseFigures[];
  floor: FloorFigures | null;
  ours: OursFigures | { skipped: string };
  ratios: { wall: number | null; peakRss: number | null };
}

function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function table(r: BenchResult): string {
  const lines: string[] = [];
  const o = 'skipped' in r.ours ? null : r.ours;
  lines.push(row(['figure', 'ours', 'floor', 'ours / floor', 'target']));
  lines.push(row(['---', '---', '---', '---', '---']));
  for (const p of r.parse) {
    const formats = p.msPerReportByFormat && Object.keys(p.msPerReportByFormat).length > 1 ? `; ${Object.entries(p.msPerReportByFormat).map(([k, v]) => `.${k} ${v.toFixed(2)} ms`).join(', ')}` : '';
    lines.push(row([`parse: ${p.label}`, `${Math.round(p.reportsPerSecond)} reports/s (${p.msPerReport.toFixed(2)} ms each${formats})`, null, null, p.label.startsWith('samples') ? '≥ 2,000 reports/s on one core (issue 3: over the samples)' : null]));
  }
  const f = r.floor;
  const runs = (all: number[] | undefined) => (all && all.length > 1 ? `; median of ${all.map(fmtS).join(', ')}` : '');
  lines.push(row([`clean build, ${r.count} reports: wall`, o ? `${fmtS(o.clean.wallMs)}${runs(o.cleanRuns)}` : null, f ? `${fmtS(f.totalMs)} (Astro ${fmtS(f.astro.wallMs)} + Pagefind ${fmtS(f.pagefind.wallMs)}${runs(f.runs)})` : null, r.ratios.wall, '≤ 1.5 × floor, aim < 1']));
  lines.push(row(['clean build: peak RSS (process tree)', o ? fmtGiB(o.clean.peakRssBytes) : null, f ? `${fmtGiB(f.peakRssBytes)} (Astro ${fmtGiB(f.astro.peakRssBytes)}, Pagefind ${fmtGiB(f.pagefind.peakRssBytes)})` : null, r.ratios.peakRss, '< 4 GiB at 10,000']));
  if (o) {
    lines.push(row(['clean build: per report', `${(o.clean.wallMs / r.count).toFixed(1)} ms`, f ? `${(f.totalMs / r.count).toFixed(1)} ms` : null, null, null]));
    lines.push(row(['clean build: split', split(o.clean.timings), null, null, null]));
    lines.push(row(['rebuild, nothing changed', `${fmtS(o.unchanged.wallMs)}${cpuOf(o.unchanged)}, ${fmtGiB(o.unchanged.peakRssBytes)} (${split(o.unchanged.timings)}${runs(o.unchangedRuns)})`, null, null, `≥ 3 × faster than clean: ${ratio(o.clean.wallMs, o.unchanged.wallMs)} ×`]));
    const one = f?.onePage;
    lines.push(row(['rebuild, one report changed', `${fmtS(o.oneChanged.wallMs)}${cpuOf(o.oneChanged)}, ${fmtGiB(o.oneChanged.peakRssBytes)} (${split(o.oneChanged.timings)}${runs(o.oneChangedRuns)})`, one ? `${fmtS(one.totalMs)}${cpuOf(one)} for a site of one page (Astro ${fmtS(one.astroMs)} + Pagefind ${fmtS(one.pagefindMs)}${runs(one.runs)})` : null, null, one ? `≈ unchanged + that report: ${fmtS(o.unchanged.wallMs + one.totalMs)} (unchanged + the floor's one page)` : '≈ unchanged + that report']));
    const alone = o.oneReportArchive;
    if (alone) lines.push(row(['the same edits, in an archive of that report alone', `${fmtS(alone.oneChanged.wallMs)}${cpuOf(alone.oneChanged)}, ${fmtGiB(alone.oneChanged.peakRssBytes)} (${split(alone.oneChanged.timings)}${runs(alone.oneChangedRuns)})`, null, null, `≈ unchanged + that report: ${fmtS(o.unchanged.wallMs + alone.oneChanged.wallMs)} (unchanged + our build of that report alone)`]));
    if (o.oneFigure) lines.push(row(["rebuild, a figure of that report changed (a check fails, then passes)", `${fmtS(o.oneFigure.wallMs)}${cpuOf(o.oneFigure)}, ${fmtGiB(o.oneFigure.peakRssBytes)} (${split(o.oneFigure.timings)}${runs(o.oneFigureRuns)})`, null, null, alone?.oneFigure ? `≈ unchanged + that report: ${fmtS(o.unchanged.wallMs + alone.oneFigure.wallMs)} (its archive alone: ${fmtS(alone.oneFigure.wallMs)}${runs(alone.oneFigureRuns)})` : '≈ unchanged + that report']));
    if (o.oneAdded) lines.push(row(["rebuild, a report added (a new body's)", `${fmtS(o.oneAdded.wallMs)}${cpuOf(o.oneAdded)}, ${fmtGiB(o.oneAdded.peakRssBytes)} (${split(o.oneAdded.timings)}${runs(o.oneAddedRuns)})`, null, null, alone?.clean ? `≈ unchanged + that report: ${fmtS(o.unchanged.wallMs + alone.clean.wallMs)} (its archive alone, built clean: ${fmtS(alone.clean.wallMs)})` : '≈ unchanged + that report']));
    if (o.oneRemoved) lines.push(row(['rebuild, that report removed again', `${fmtS(o.oneRemoved.wallMs)}${cpuOf(o.oneRemoved)}, ${fmtGiB(o.oneRemoved.peakRssBytes)} (${split(o.oneRemoved.timings)}${runs(o.oneRemovedRuns)})`, null, null, `≈ unchanged: ${fmtS(o.unchanged.wallMs)}`]));
    lines.push(row(['dist size', `${fmtMiB(o.dist.bytes)} in ${o.dist.files} files`, f ? `${fmtMiB(f.dist.bytes)} in ${f.dist.files} files` : null, null, null]));
    lines.push(row(['search index', `${fmtMiB(o.searchIndex.bytes)} in ${o.searchIndex.files} files`, f ? `${fmtMiB(f.pagefindIndex.bytes)} in ${f.pagefindIndex.files} files` : null, null, null]));
    const w = o.reportPage;
    lines.push(row(['report page, HTML + CSS gzipped (median / heaviest)', w ? `${fmtKiB(w.median.htmlCssGzip)} / ${fmtKiB(w.heaviest.htmlCssGzip)}` : 'no report pages found', null, null, '< 40 KB']));
    lines.push(row(['JS shipped to a report page (gzipped)', w ? `${fmtKiB(w.heaviest.jsGzip)} in ${w.heaviest.scripts} scripts` : null, null, null, 'none']));
    const queries = o.firstQuery?.queries ?? [];
    for (const q of queries) lines.push(row([`first query “${q.query}”, ${q.mode === 'typed' ? 'typed into the search page' : 'opened as a link'}`, `${fmtKiB(q.bytesSent)} fetched in ${q.requests} requests; first result after ${q.ms} ms (${q.msRange.join('–')} ms); ${q.results} results`, null, null, '< 300 KB and < 300 ms (issue 5)']));
    if (!queries.length) lines.push(row(['bytes fetched for a first query', 'not measured (--skip-first-query, or see the error above)', null, null, '< 300 KB and < 300 ms (issue 5)']));
  } else if ('skipped' in r.ours) lines.push(row(['our build', `skipped: ${r.ours.skipped}`, null, null, null]));
  return lines.join('\n');
}

/** ", CPU 16.2 s" when the run's CPU time was measured: a build bound by its CPU takes about half of it on two cores. */
const cpuOf = (run: { cpuMs?: number }) => (run.cpuMs !== undefined ? `, CPU ${fmtS(run.cpuMs)}` : '');

/** What the README's row reads the one-changed rebuild against: the unchanged rebuild plus the floor's site of one page, and plus our build of that report alone. */
function yardsticks(o: OursFigures, f: FloorFigures | null): string {
  const sticks = [
    ...(f?.onePage ? [`unchanged + the floor's one-page site: ${fmtS(o.unchanged.wallMs + f.onePage.totalMs)}`] : []),
    ...(o.oneReportArchive ? [`unchanged + our build of that report alone: ${fmtS(o.unchanged.wallMs + o.oneReportArchive.oneChanged.wallMs)}`] : []),
  ];
  return sticks.length ? ` (${sticks.join('; ')})` : '';
}

/** The rebuild after a figure of that report changed, against the unchanged rebuild plus our build of that report alone with the same edits. */
function figureChanged(o: OursFigures): string {
  if (!o.oneFigure) return '';
  const alone = o.oneReportArchive?.oneFigure;
  return `; a figure changed (a check fails, then passes): ${fmtS(o.oneFigure.wallMs)}${alone ? ` (unchanged + that report alone: ${fmtS(o.unchanged.wallMs + alone.wallMs)})` : ''}`;
}

/** The rebuilds after a report was added and removed again, against the unchanged rebuild plus that report's archive built clean. */
function reportAdded(o: OursFigures): string {
  if (!o.oneAdded || !o.oneRemoved) return '';
  const clean = o.oneReportArchive?.clean;
  return `; a report added: ${fmtS(o.oneAdded.wallMs)}${clean ? ` (unchanged + that report alone, built clean: ${fmtS(o.unchanged.wallMs + clean.wallMs)})` : ''}, removed again: ${fmtS(o.oneRemoved.wallMs)}`;
}

/** The first typed query's bytes and time, for the README's row. */
function firstTyped(o: OursFigures | null): string | null {
  const q = o?.firstQuery?.queries.find((x) => x.mode === 'typed');
  return q ? `${fmtKiB(q.bytesSent)}, ${q.ms} ms` : null;
}

/** The README's benchmark section: the latest figures per count. */
function readmeSection(all: Record<string, BenchResult>): string {
  const rows = Object.values(all).sort((a, b) => a.count - b.count);
  const out = ['<!-- bench:begin (written by npm run bench; do not edit) -->', '', '| reports | parse (samples ×5,000) | our build | floor (Astro + Pagefind) | ours / floor (wall, RSS) | unchanged rebuild | one report changed | report page (gz) | first query “行政许可” (typed) | measured (load = other work on the machine) |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const o = 'skipped' in r.ours ? null : r.ours;
    const f = r.floor;
    out.push(row([
      r.count.toLocaleString('en'),
      `${Math.round(r.parse[0]?.reportsPerSecond ?? 0)} reports/s`,
      o ? `${fmtS(o.clean.wallMs)}, ${fmtGiB(o.clean.peakRssBytes)}${o.cleanRuns ? ` (median of ${o.cleanRuns.length})` : ''}` : 'not built yet',
      f ? `${fmtS(f.totalMs)}, ${fmtGiB(f.peakRssBytes)}${f.runs ? ` (median of ${f.runs.length})` : ''}` : '—',
      o && r.ratios.wall !== null ? `${r.ratios.wall} ×, ${r.ratios.peakRss} ×` : '— (floor not run)',
      o ? `${fmtS(o.unchanged.wallMs)}${o.unchangedRuns ? ` (median of ${o.unchangedRuns.length})` : ''}` : '—',
      o ? `${fmtS(o.oneChanged.wallMs)}${cpuOf(o.oneChanged)}${o.oneChangedRuns ? ` (median of ${o.oneChangedRuns.length})` : ''}${yardsticks(o, f)}${figureChanged(o)}${reportAdded(o)}` : '—',
      o?.reportPage ? fmtKiB(o.reportPage.heaviest.htmlCssGzip) : '—',
      firstTyped(o) ?? '—',
      `${r.date.slice(0, 10)}, ${r.machine.cpus} cores, Node ${r.machine.node}${r.load ? `, load ${r.load.before} → ${r.load.after}` : ''}`,
    ]).replace(/\| — \|/g, '| — |'));
  }
  out.push('', 'Full figures: `bench/results.json`; how they are measured: `bench/README.md`.', '', '<!-- bench:end -->');
  return out.join('\n');
}

function updateReadme(all: Record<string, BenchResult>): void {
  const file = join(REPO, 'README.md');
  const text = readFileSync(file, 'utf8');
  const section = readmeSection(all);
  const re = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n## Benchmarks\n\n${section}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'skip-floor': { type: 'boolean', default: false }, 'skip-build': { type: 'boolean', default: false }, 'skip-first-query': { type: 'boolean', default: false }, repeat: { type: 'string', default: '1' }, rebuilds: { type: 'string', default: '3' }, 'no-readme': { type: 'boolean', default: false }, 'readme-only': { type: 'boolean', default: false } } });
  if (values['readme-only']) {
    updateReadme(JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, BenchResult>);
    return;
  }
  const count = Number(values.count);
  const seed = values.seed!;
  const loadBefore = loadAverage();
  if (loadBefore > 0.5) console.error(`warning: the machine is busy before the run (load ${loadBefore}); figures will be slower than on a quiet machine`);
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };

  console.error(`… corpus of ${count} reports (seed ${seed})`);
  const c = await corpus(count, seed);
  console.error(`  ${c.cached ? 'cached' : `generated in ${c.seconds.toFixed(1)} s`}: ${relative(REPO, c.dir)}`);

  // What an interrupted run set aside; then the parse benchmark, before anything is deleted (a
  // deletion's work in the kernel would share its core).
  emptyAside();
  console.error('… bench:parse (samples ×5,000 and the corpus)');
  const p = await run(NODE, [join(REPO, 'bench', 'parse-throughput.ts'), '--json', '--count', '5000', '--corpus', c.dir], { cwd: REPO });
  if (p.exitCode !== 0) throw new Error(`bench:parse failed:\n${p.stderr}`);
  const parse = JSON.parse(p.stdout) as ParseFigures[];

  // The last build and its caches: set aside until the end (./lib/aside.ts) when this run's build
  // fits beside them, else deleted (a 50,000-report build after another). Deleting a large one kept
  // this VM's disk busy for minutes after `sync` returned, and the 1,000-report clean build
  // measured right after it took 16.9 s instead of 12–13 s.
  if (!values['skip-build']) {
    const { bavail, bsize } = statfsSync(REPO);
    const aside = roomToSetAside(bavail * bsize, count);
    console.error(`… ${aside ? 'setting aside' : 'removing'} the last build and its caches`);
    removeOutputs(aside ? 'aside' : 'delete');
  }

  const repeat = Math.max(1, Number(values.repeat) || 1);
  const rebuilds = Math.max(1, Number(values.rebuilds) || 1);
  let floor: FloorFigures | null = null;
  const floorRuns: (Pick<FloorFigures, 'astro' | 'pagefind'> & { wallMs: number })[] = [];
  if (!values['skip-floor']) {
    console.error('… floor: bare Astro build + bare Pagefind');
    floor = await measureFloor(c.dir, undefined, rebuilds);
    floorRuns.push({ ...floor, wallMs: floor.totalMs });
  }
  // The floor again before each further clean build of ours (--repeat), so both are measured in turn.
  const floorAgain = async () => {
    if (!floor) return;
    console.error(`… floor again (${floorRuns.length + 1} of ${repeat})`);
    const again = await remeasureFloor(c.dir);
    floorRuns.push({ ...again, wallMs: again.totalMs });
  };

  let oursFigures: BenchResult['ours'];
  if (values['skip-build']) oursFigures = { skipped: '--skip-build' };
  else if (!pkg.scripts?.build) oursFigures = { skipped: 'package.json has no build script yet' };
  else oursFigures = await ours(c.dir, c.manifest, values['skip-first-query']!, repeat, floorAgain, rebuilds);
  if (floor && floorRuns.length > 1) {
    const median = medianRun(floorRuns);
    floor = { ...floor, astro: median.astro, pagefind: median.pagefind, totalMs: median.wallMs, peakRssBytes: Math.max(...floorRuns.map((r) => Math.max(r.astro.peakRssBytes, r.pagefind.peakRssBytes))), runs: floorRuns.map((r) => r.wallMs) };
  }

  const o = 'skipped' in oursFigures ? null : oursFigures;
  const cpu = cpus();
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / GiB), node: process.version, astro: versionOf('astro'), pagefind: versionOf('pagefind') },
    load: { before: loadBefore, after: loadAverage() },
    count,
    seed,
    corpus: {
      bytes: c.manifest.reports.reduce((s, e) => s + e.bytes, 0),
      proseBytesPerReport: Math.round(c.manifest.reports.reduce((s, e) => s + e.proseBytes, 0) / count),
      bodies: new Set(c.manifest.reports.map((e) => e.agency)).size,
      broken: c.manifest.reports.filter((e) => e.broken).length,
      carryOverSlips: c.manifest.reports.filter((e) => e.carryOverSlip).length,
      cached: c.cached,
    },
    parse,
    floor,
    ours: oursFigures,
    ratios: { wall: o && floor ? ratio(o.clean.wallMs, floor.totalMs) : null, peakRss: o && floor ? ratio(o.clean.peakRssBytes, floor.peakRssBytes) : null },
  };

  const all: Record<string, BenchResult> = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, BenchResult>) : {};
  all[String(count)] = result;
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  if (!values['no-readme']) updateReadme(all);
  // What the measured builds started without, deleted now that nothing more is measured.
  emptyAside();

  console.log(`\nBenchmarks, ${count} reports (${(result.corpus.bytes / 1048576).toFixed(1)} MiB, ${result.corpus.bodies} bodies, ${fmtKiB(result.corpus.proseBytesPerReport)} of prose each), ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, Astro ${result.machine.astro}, Pagefind ${result.machine.pagefind}\n`);
  console.log(table(result));
  if (result.load.before > 0.5 || result.load.after > 2.5) console.log(`\nNote: load average ${result.load.before} before and ${result.load.after} after the run (${result.machine.cpus} cores): other work shared the machine.`);
  console.log(`\nJSON: ${relative(REPO, RESULTS)}`);
  console.log(JSON.stringify(result));
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}


