/**
 * The figures of one report: 表二, 表三, 表四 as flat maps from the Report's dotted paths to
 * values, built so that every identity of report-model.md holds (row totals, 一 + 二 = 三（七）+ 四
 * per column, 三（七）= the sum of the outcome rows, 表四 totals). 上年结转 is the previous
 * year's 结转下年度继续办理 of the same body. A deliberate break (see breaks.ts) is applied later.
 */
import { APPLICANT_COLUMNS } from '../../src/core/model/cells.ts';
import { APPEAL_GROUPS, PROACTIVE_2019, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, type RowSpec } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';
import type { Body } from './bodies.ts';
import type { Random } from './random.ts';

export type Template = '2021' | '2019';
export type Cells = Map<string, number | null>;

/** The six applicant columns (总计 is their sum). */
export const COLUMNS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
const NOT_OUTCOMES = new Set(['requests.newReceived', 'requests.carriedOver', 'requests.totalHandled', 'requests.carriedForward']);

export function requestRows(template: Template): readonly RowSpec[] {
  return template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
}
export function outcomeRows(template: Template): readonly RowSpec[] {
  return requestRows(template).filter((r) => !NOT_OUTCOMES.has(r.path));
}
export function proactiveRows(template: Template): readonly RowSpec[] {
  return template === '2019' ? PROACTIVE_2019 : PROACTIVE_2021;
}

/** Share of requests by applicant column: mostly citizens, then companies and lawyers. */
const COLUMN_WEIGHTS = [0.72, 0.14, 0.015, 0.015, 0.07, 0.04];
/** Share of outcomes by row (2021 order of outcome rows; the 2019 template folds 其他处理). */
const OUTCOME_WEIGHTS: Record<string, number> = {
  'requests.granted': 0.36,
  'requests.partlyGranted': 0.08,
  'requests.denied.stateSecret': 0.004,
  'requests.denied.lawForbidden': 0.01,
  'requests.denied.safetyStability': 0.006,
  'requests.denied.thirdPartyRights': 0.02,
  'requests.denied.internalAffairs': 0.02,
  'requests.denied.processInformation': 0.04,
  'requests.denied.enforcementFiles': 0.015,
  'requests.denied.queryMatters': 0.03,
  'requests.unableToProvide.notHeld': 0.2,
  'requests.unableToProvide.needsCreation': 0.03,
  'requests.unableToProvide.stillUnclear': 0.02,
  'requests.notProcessed.complaint': 0.04,
  'requests.notProcessed.duplicate': 0.02,
  'requests.notProcessed.publication': 0.006,
  'requests.notProcessed.excessive': 0.01,
  'requests.notProcessed.confirmation': 0.01,
  'requests.otherHandling.overdueCorrection': 0.03,
  'requests.otherHandling.overdueFee': 0.003,
  'requests.otherHandling.other': 0.03,
  'requests.template2019.otherHandling': 0.063,
};

/** Splits `total` into parts drawn with the given weights (one multinomial draw). */
function split(rng: Random, total: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  // Large totals: proportional shares plus a random remainder, so the cost stays O(parts).
  let left = total;
  if (total > 200) {
    weights.forEach((w, i) => {
      const share = Math.floor((total * w) / sum * (0.7 + rng.next() * 0.5));
      const take = Math.min(left, share);
      out[i] = take;
      left -= take;
    });
  }
  for (; left > 0; left--) {
    let x = rng.next() * sum;
    let i = 0;
    while (i < weights.length - 1 && (x -= weights[i]!) >= 0) i++;
    out[i]!++;
  }
  return out;
}

export interface RequestState {
  /** 结转下年度继续办理 per column, carried into next year's 上年结转. */
  carriedForward: number[];
}

export interface Figures {
  template: Template;
  cells: Cells;
}

/** How busy a body is this year: 0 for the quiet years (as in samples 000, 001, 003, 004). */
function yearlyRequests(rng: Random, body: Body, activity: number): number {
  if (rng.chance(0.12)) return 0;
  const base = Math.max(1, Math.round(body.requests * activity));
  return rng.int(0, 1) + rng.skewed(base, 1.6);
}

/**
 * A slip in 上年结转: one applicant column (index into COLUMNS) carries `by` more requests over than
 * last year's report carried forward. The report adds up on its own; the archive-wide check
 * between a body's years warns (carry-over).
 */
export interface CarryOverSlip {
  column: number;
  by: number;
}

function requestsTable(rng: Random, template: Template, body: Body, activity: number, previous: RequestState | null, cells: Cells, slip: CarryOverSlip | null): RequestState {
  const received = yearlyRequests(rng, body, activity);
  const newReceived = split(rng, received, COLUMN_WEIGHTS);
  // A body's first report in the archive still carries requests over from a year not in it.
  const carriedOver = previous ? previous.carriedForward.slice() : COLUMNS.map((_, i) => (rng.chance(0.3) ? rng.skewed(Math.ceil(body.requests * COLUMN_WEIGHTS[i]! * 0.2), 2) : 0));
  if (previous && slip) carriedOver[slip.column]! += slip.by;
  const available = newReceived.map((n, i) => n + carriedOver[i]!);
  const carriedForward = available.map((a) => (a > 0 && rng.chance(0.35) ? rng.int(0, Math.max(1, Math.floor(a * 0.15))) : 0));
  const handled = available.map((a, i) => a - carriedForward[i]!);

  const outcomes = outcomeRows(template);
  const weights = outcomes.map((r) => OUTCOME_WEIGHTS[r.path]!);
  const byColumn = handled.map((h) => split(rng, h, weights));

  const setRow = (path: string, values: number[]) => {
    COLUMNS.forEach((c, i) => cells.set(`${path}.${c}`, values[i]!));
    cells.set(`${path}.total`, values.reduce((a, b) => a + b, 0));
  };
  setRow('requests.newReceived', newReceived);
  setRow('requests.carriedOver', carriedOver);
  outcomes.forEach((r, k) => setRow(r.path, byColumn.map((col) => col[k]!)));
  setRow('requests.totalHandled', handled);
  setRow('requests.carriedForward', carriedForward);
  // On the 2019 template the 2021 其他处理 sub-rows are not in the table: the Report has them empty.
  if (template === '2019') {
    for (const r of REQUESTS_2021) if (r.path.startsWith('requests.otherHandling.')) for (const c of APPLICANT_COLUMNS) cells.set(`${r.path}.${c}`, null);
  }
  return { carriedForward };
}

function appealsTable(rng: Random, body: Body, activity: number, cells: Cells): void {
  const busy = body.requests * activity > 40 && rng.chance(0.6);
  for (const g of APPEAL_GROUPS) {
    const parts = [0, 0, 0, 0].map(() => (busy ? rng.skewed(g.path === 'appeals.review' ? 8 : 4, 2) : rng.chance(0.05) ? 1 : 0));
    ['upheld', 'corrected', 'other', 'pending'].forEach((k, i) => cells.set(`${g.path}.${k}`, parts[i]!));
    cells.set(`${g.path}.total`, parts.reduce((a, b) => a + b, 0));
  }
}

/** Fees in 万元 with up to two decimals, as text would print them, and their value. */
function fee(rng: Random): number {
  if (rng.chance(0.7)) return 0;
  const cents = rng.int(1, 250000);
  return Number((cents / 100).toFixed(rng.chance(0.5) ? 2 : 1));
}

function proactive2021(rng: Random, body: Body, activity: number, cells: Cells): void {
  const docs = (issuedMax: number) => {
    const issued = rng.skewed(issuedMax, 2);
    return [issued, rng.skewed(Math.max(1, Math.floor(issuedMax / 2)), 2), issued + rng.int(0, issuedMax * 8)];
  };
  const [ri, rr, rf] = rng.chance(0.1) ? docs(3) : [0, 0, 0];
  const [ni, nr, nf] = docs(6);
  cells.set('proactive.regulations.issued', ri!);
  cells.set('proactive.regulations.repealed', rr!);
  cells.set('proactive.regulations.inForce', rf!);
  cells.set('proactive.normativeDocuments.issued', ni!);
  cells.set('proactive.normativeDocuments.repealed', nr!);
  cells.set('proactive.normativeDocuments.inForce', nf!);
  cells.set('proactive.licensing', body.licensing ? rng.skewed(Math.round(body.licensing * activity * 2), 1.5) : 0);
  cells.set('proactive.punishment', body.punishment ? rng.skewed(Math.round(body.punishment * activity * 2), 1.5) : 0);
  cells.set('proactive.enforcement', body.punishment ? rng.skewed(Math.round(body.punishment * activity * 0.2), 2) : 0);
  cells.set('proactive.fees', body.licensing ? fee(rng) : 0);
}

/** 表二 of the 2019 template, and the common fields the Report derives from it. */
function proactive2019(rng: Random, body: Body, activity: number, cells: Cells): void {
  const base = 'proactive.template2019';
  const docs = (path: string, max: number) => {
    const made = rng.skewed(max, 2);
    cells.set(`${base}.${path}.made`, made);
    cells.set(`${base}.${path}.published`, Math.max(0, made - rng.int(0, 1)));
    cells.set(`${base}.${path}.totalPublished`, made + rng.int(0, max * 8));
  };
  docs('regulations', rng.chance(0.1) ? 3 : 0);
  docs('normativeDocuments', 6);
  const items = (path: string, level: number) => {
    const previous = level ? rng.int(0, 40) : 0;
    const change = level && rng.chance(0.4) ? rng.int(-Math.min(previous, 5), 5) : 0;
    cells.set(`${base}.${path}.previousItems`, previous);
    cells.set(`${base}.${path}.change`, change);
    cells.set(`${base}.${path}.decisions`, level ? rng.skewed(Math.round(level * activity * 2), 1.5) : 0);
  };
  items('licensing', body.licensing);
  items('otherServices', Math.round(body.licensing / 4));
  items('punishment', body.punishment);
  items('enforcement', Math.round(body.punishment / 10));
  const feeItems = body.licensing ? rng.int(0, 6) : 0;
  cells.set(`${base}.fees.previousItems`, feeItems);
  cells.set(`${base}.fees.change`, feeItems && rng.chance(0.3) ? -rng.int(1, feeItems) : 0);
  const procurement = rng.chance(0.5) ? rng.int(1, 30) : 0;
  cells.set(`${base}.procurement.items`, procurement);
  cells.set(`${base}.procurement.amount`, procurement ? Number((rng.int(100, 900000) / 100).toFixed(2)) : 0);
  // What the Report keeps under the common fields (report-model.md: same meaning only).
  cells.set('proactive.regulations.issued', cells.get(`${base}.regulations.made`)!);
  cells.set('proactive.regulations.repealed', null);
  cells.set('proactive.regulations.inForce', null);
  cells.set('proactive.normativeDocuments.issued', cells.get(`${base}.normativeDocuments.made`)!);
  cells.set('proactive.normativeDocuments.repealed', null);
  cells.set('proactive.normativeDocuments.inForce', null);
  cells.set('proactive.licensing', cells.get(`${base}.licensing.decisions`)!);
  cells.set('proactive.punishment', cells.get(`${base}.punishment.decisions`)!);
  cells.set('proactive.enforcement', cells.get(`${base}.enforcement.decisions`)!);
  cells.set('proactive.fees', null);
}

/** `slip`: a carry-over slip from `previous` (only with one). */
export function makeFigures(rng: Random, template: Template, body: Body, activity: number, previous: RequestState | null, slip: CarryOverSlip | null = null): { figures: Figures; state: RequestState } {
  const cells: Cells = new Map();
  if (template === '2019') proactive2019(rng, body, activity, cells);
  else proactive2021(rng, body, activity, cells);
  const state = requestsTable(rng, template, body, activity, previous, cells, slip);
  appealsTable(rng, body, activity, cells);
  return { figures: { template, cells }, state };
}

/** Paths of the cells a table of this template prints (the ones a layout writes). */
export function printedProactive(template: Template): { spec: RowSpec; paths: string[] }[] {
  return proactiveRows(template).map((spec) => ({ spec, paths: spec.columns.map((c) => cellPath(spec, c)) }));
}
