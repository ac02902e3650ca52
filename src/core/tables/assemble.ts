/**
 * Building the nested table objects of the Report from the flat path -> value maps the readers
 * produce, and reading them back by path (for checks, renderers and exports).
 */
import { APPEAL_COLUMNS, APPLICANT_COLUMNS } from '../model/cells.ts';
import type { AppealsTable, Proactive2019Table, ProactiveTable, RequestsTable } from '../model/report.ts';
import { APPEAL_GROUPS, PROACTIVE_2019, REQUESTS_2019, REQUESTS_2021 } from './definitions.ts';
import { cellPath } from './table-result.ts';

type Values = Map<string, number | null>;

/** Value at a dotted path of any object, or undefined when the path does not exist. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of keysOf(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Every table cell of a report by dotted path (proactive.*, requests.*, appeals.*). */
export function tableCells(report: { proactive: unknown; requests: unknown; appeals: unknown }): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value === 'number') out.set(path, value);
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value as object)) walk(v, `${path}.${k}`);
  };
  walk(report.proactive, 'proactive');
  walk(report.requests, 'requests');
  walk(report.appeals, 'appeals');
  return out;
}

const KEYS = new Map<string, string[]>();
/**
 * A path's keys, split once: the same few hundred cell paths are set and read for every report
 * and page (bounded, in case a caller passes paths of its own).
 */
function keysOf(path: string): string[] {
  let keys = KEYS.get(path);
  if (!keys) {
    keys = path.split('.');
    if (KEYS.size < 10_000) KEYS.set(path, keys);
  }
  return keys;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    cur[keys[i]!] ??= {};
    cur = cur[keys[i]!] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

const get = (values: Values, path: string) => values.get(path) ?? null;

const ROW_PATHS = new Map<string, string[]>();
function applicants(values: Values, rowPath: string) {
  let paths = ROW_PATHS.get(rowPath);
  if (!paths) ROW_PATHS.set(rowPath, (paths = APPLICANT_COLUMNS.map((c) => `${rowPath}.${c}`)));
  const row: Record<string, number | null> = {};
  APPLICANT_COLUMNS.forEach((c, i) => (row[c] = get(values, paths[i]!)));
  return row as RequestsTable['granted'];
}

export function assembleRequests(values: Values, template: '2021' | '2019'): RequestsTable {
  const out: Record<string, unknown> = {};
  for (const row of REQUESTS_2021) setPath(out, row.path.slice('requests.'.length), applicants(values, row.path));
  if (template === '2019') {
    const row = REQUESTS_2019.find((r) => r.path === 'requests.template2019.otherHandling')!;
    out.template2019 = { otherHandling: applicants(values, row.path) };
  }
  return out as RequestsTable;
}

export function assembleAppeals(values: Values): AppealsTable {
  const out: Record<string, unknown> = {};
  for (const g of APPEAL_GROUPS) {
    setPath(out, g.path.replace(/^appeals\./, ''), Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, get(values, `${g.path}.${c}`)])));
  }
  return out as AppealsTable;
}

function assemble2019(values: Values): Proactive2019Table {
  const out: Record<string, unknown> = {};
  for (const spec of PROACTIVE_2019) {
    setPath(out, spec.path.replace(/^proactive\.template2019\./, ''), Object.fromEntries(spec.columns.map((c) => [c, get(values, cellPath(spec, c))])));
  }
  return out as Proactive2019Table;
}

/**
 * 表二. On the 2019 template the common fields take what has the same meaning (本年新制作数量 as
 * issued, 处理决定数量 as the decisions); the rest stays in template2019.
 */
export function assembleProactive(values: Values, template: '2021' | '2019'): ProactiveTable {
  if (template === '2021') {
    return {
      regulations: { issued: get(values, 'proactive.regulations.issued'), repealed: get(values, 'proactive.regulations.repealed'), inForce: get(values, 'proactive.regulations.inForce') },
      normativeDocuments: {
        issued: get(values, 'proactive.normativeDocuments.issued'),
        repealed: get(values, 'proactive.normativeDocuments.repealed'),
        inForce: get(values, 'proactive.normativeDocuments.inForce'),
      },
      licensing: get(values, 'proactive.licensing'),
      punishment: get(values, 'proactive.punishment'),
      enforcement: get(values, 'proactive.enforcement'),
      fees: get(values, 'proactive.fees'),
    };
  }
  const t = assemble2019(values);
  return {
    regulations: { issued: t.regulations.made, repealed: null, inForce: null },
    normativeDocuments: { issued: t.normativeDocuments.made, repealed: null, inForce: null },
    licensing: t.licensing.decisions,
    punishment: t.punishment.decisions,
    enforcement: t.enforcement.decisions,
    fees: null,
    template2019: t,
  };
}
