/**
 * A generated archive: which bodies report in which years, each report's figures, prose,
 * layout, format and encoding, and the manifest entry a test compares the parser with.
 * Everything is drawn from streams keyed by the seed and the report's own body and year, so a
 * corpus of N reports is the first N reports of any larger corpus with the same seed.
 */
import { APPEAL_GROUPS, APPEAL_KEYS, REQUESTS_2021 } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';
import { agencies, type Agency } from './agencies.ts';
import { applyBreak, BREAK_KINDS, type Break } from './breaks.ts';
import { composeDocument, type CellPrinter, type ReportDocument } from './document.ts';
import type { EncodingName } from './encodings.ts';
import { COLUMNS, makeFigures, proactiveRows, requestRows, type Cells, type CarryOverSlip, type RequestState, type Template } from './figures.ts';
import type { TableLayout } from './layouts/index.ts';
import { Random } from './random.ts';
import { WRITERS } from './writers/index.ts';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2024;
/** Share of reports that carry one deliberate mistake. */
export const BREAK_RATE = 0.03;
/**
 * Share of a body's later reports whose 上年结转 differs from its previous report's 结转下年度
 * (CarryOverSlip): a mistake no report shows on its own, which the archive-wide check warns of,
 * as it does in real archives. Drawn from a stream of its own, so the rest of the corpus is as it
 * was without them.
 */
export const CARRY_OVER_SLIP_RATE = 0.02;

/** Every cell path of a template's Report, in a fixed order (the manifest stores values by it). */
export function cellPaths(template: Template): string[] {
  const paths: string[] = [];
  for (const spec of proactiveRows('2021')) for (const c of spec.columns) paths.push(cellPath(spec, c));
  if (template === '2019') for (const spec of proactiveRows('2019')) for (const c of spec.columns) paths.push(cellPath(spec, c));
  for (const spec of REQUESTS_2021) for (const c of spec.columns) paths.push(cellPath(spec, c));
  if (template === '2019') for (const spec of requestRows('2019').filter((r) => r.path.includes('template2019'))) for (const c of spec.columns) paths.push(cellPath(spec, c));
  for (const g of APPEAL_GROUPS) for (const k of APPEAL_KEYS) paths.push(`${g.path}.${k}`);
  return paths;
}

export interface ManifestEntry {
  /** Path inside the corpus folder. */
  file: string;
  format: string;
  agency: string;
  district: string;
  year: number;
  title: string;
  publishedOn: string | null;
  template: Template;
  /** The generator's layout, and the source.layout the parser must report. */
  layoutVariant: string;
  layout: string;
  encoding: EncodingName;
  crlf: boolean;
  /** The number of requests the prose states (the text check compares it). */
  statement: number;
  /** Cell values in the order of the manifest's `paths[template]`. */
  values: (number | null)[];
  /** The deliberate mistake, if any, and the checks it must fail. */
  broken: Break | null;
  /** 上年结转 differs from the body's previous report's 结转下年度 (the archive's carry-over warning names this report). */
  carryOverSlip: boolean;
  bytes: number;
  /** UTF-8 bytes of the chapter prose (tables excluded), for sizing the corpus. */
  proseBytes: number;
}

export interface GeneratedReport {
  entry: ManifestEntry;
  bytes: Uint8Array;
  doc: ReportDocument;
}

interface Plan {
  agency: Agency;
  year: number;
  first: boolean;
}

/** The (body, year) pairs in corpus order: each body a run of consecutive years. */
export function* plan(seed: string | number): Generator<Plan> {
  const rng = new Random(seed, 'plan');
  const { list } = agencies(seed);
  for (const agency of list) {
    const length = rng.weighted([[1, 1], [2, 1], [3, 2], [4, 2], [5, 2], [6, 3]] as const);
    const start = rng.int(FIRST_YEAR, LAST_YEAR - length + 1);
    for (let y = start; y < start + length; y++) yield { agency, year: y, first: y === start };
  }
  throw new Error(`the generator knows ${list.length} bodies; not enough for this many reports`);
}

const FULLWIDTH = (s: string) => s.replace(/[0-9,.\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** How this report prints numbers, and which 表二 zeros it leaves empty or marks as n/a. */
function printer(rng: Random, layout: TableLayout, template: Template, cells: Cells): CellPrinter {
  const grouped = rng.chance(0.15);
  const wide = rng.chance(0.05);
  // Some bodies leave 表二's zero cells empty or write a mark (sample 004); the Report has null.
  const mark = template === '2021' && rng.chance(0.15) ? rng.pick(layout.marks) : null;
  if (mark !== null) for (const [path, v] of cells) if (path.startsWith('proactive.') && v === 0) cells.set(path, null);
  return (path, value) => {
    if (value === null) return mark ?? '';
    let s = String(value);
    if (grouped && Math.abs(value) >= 1000) {
      const [int, frac] = s.split('.') as [string, string | undefined];
      s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
    }
    return wide ? FULLWIDTH(s) : s;
  };
}

function publishedOn(rng: Random, year: number): string | null {
  if (rng.chance(0.1)) return null;
  const month = rng.weighted([[1, 8], [2, 2], [3, 1]] as const);
  const day = rng.int(1, month === 2 ? 28 : 31);
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function proseBytes(doc: ReportDocument): number {
  let n = 0;
  for (const ch of doc.chapters) for (const b of ch.blocks) if (b.kind !== 'table') n += Buffer.byteLength(b.text);
  return n + doc.preamble.reduce((s, p) => s + Buffer.byteLength(p), 0);
}

const LAYOUT_WEIGHTS: Record<string, number> = { 'tab-rows': 3, 'tab-quirks': 1, 'cell-per-line': 3, 'pipe-rows': 1, 'markdown-table': 1, 'space-columns': 1, 'single-space-rows': 1 };
const ENCODING_WEIGHTS: Record<EncodingName, number> = { 'utf-8': 6, 'utf-8-bom': 1, gb18030: 2, 'utf-16le': 1, 'utf-16be': 0.5 };

export interface GenerateOptions {
  /** Share of reports with a deliberate mistake (default BREAK_RATE); tests raise it. */
  breakRate?: number;
  /** Share of later reports with a carry-over slip (default CARRY_OVER_SLIP_RATE). */
  carryOverSlipRate?: number;
}

/** The reports of a corpus, in order, with their bytes and manifest entries. */
export async function* generateReports(count: number, seed: string | number, options: GenerateOptions = {}): AsyncGenerator<GeneratedReport> {
  const breakRate = options.breakRate ?? BREAK_RATE;
  const slipRate = options.carryOverSlipRate ?? CARRY_OVER_SLIP_RATE;
  if (count <= 0) return;
  const state = new Map<string, RequestState>();
  let made = 0;
  for (const { agency, year, first } of plan(seed)) {
    const rng = new Random(seed, `report/${agency.name}/${year}`);
    const template: Template = year <= 2020 ? '2019' : '2021';
    // A body's years follow one another (plan), so its previous report is last year's.
    const slips = new Random(seed, `carry-over/${agency.name}/${year}`);
    const slip: CarryOverSlip | null = !first && slips.chance(slipRate) ? { column: slips.int(0, COLUMNS.length - 1), by: slips.int(1, 3) } : null;
    const { figures, state: next } = makeFigures(rng, template, agency.body, agency.activity, first ? null : state.get(agency.name)!, slip);
    state.set(agency.name, next);
    const cells = figures.cells;

    const includesCarriedOver = (cells.get('requests.carriedOver.total') ?? 0) > 0 && rng.chance(0.1);
    const carriedOverTotal = cells.get('requests.carriedOver.total') ?? 0;
    let statement = (cells.get('requests.newReceived.total') ?? 0) + (includesCarriedOver ? carriedOverTotal : 0);
    let broken: Break | null = null;
    if (rng.chance(breakRate)) {
      const r = applyBreak(rng, rng.pick(BREAK_KINDS), template, cells, statement);
      broken = r.brk;
      statement = r.statement;
    }

    const writer = rng.weighted(WRITERS);
    const layout = rng.weighted(writer.layouts.map((l) => [l, LAYOUT_WEIGHTS[l.name] ?? 1] as const));
    const encoding = rng.weighted(writer.encodings.map((e) => [e, ENCODING_WEIGHTS[e]] as const));
    const crlf = rng.chance(0.2);
    const print = printer(rng, layout, template, cells);
    const published = publishedOn(rng, year);
    const { doc, title } = composeDocument(rng, { agency, year, template, cells, statement, statementIncludesCarriedOver: includesCarriedOver, carriedOverTotal, publishedOn: published, print });
    const bytes = await writer.write(doc, { layout, encoding, crlf }, rng);

    const entry: ManifestEntry = {
      file: `${year}/${agency.name}${year}年度报告${writer.extension}`,
      format: writer.format,
      agency: agency.name,
      district: agency.district,
      year,
      title,
      publishedOn: published,
      template,
      layoutVariant: layout.name,
      layout: layout.expected,
      encoding,
      crlf,
      statement,
      values: cellPaths(template).map((p) => cells.get(p) ?? null),
      broken,
      carryOverSlip: slip !== null,
      bytes: bytes.length,
      proseBytes: proseBytes(doc),
    };
    yield { entry, bytes, doc };
    if (++made >= count) return;
  }
}

export interface Manifest {
  generator: string;
  seed: string;
  count: number;
  /** Cell paths by template; each entry's `values` follow its template's list. */
  paths: Record<Template, string[]>;
  reports: ManifestEntry[];
}

export const GENERATOR_VERSION = 'xxgk-corpus/2';

export function manifestHeader(count: number, seed: string | number): Omit<Manifest, 'reports'> {
  return { generator: GENERATOR_VERSION, seed: String(seed), count, paths: { '2021': cellPaths('2021'), '2019': cellPaths('2019') } };
}
