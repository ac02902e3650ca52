/**
 * What reading one official table yields: its cells by dotted path, the source line of each cell,
 * the lines the table spans in the text (so chapters can leave them out), and diagnostics.
 */
import type { Cell } from '../layout/lines.ts';
import type { DiagnosticEntry } from '../model/report.ts';
import type { RowSpec } from './definitions.ts';
import { findLabelledRows } from './labelled-rows.ts';

export interface TableRead {
  /** Cell values by dotted path, e.g. "requests.granted.total" or "proactive.licensing". */
  values: Map<string, number | null>;
  /** Source line by dotted path. */
  lines: Map<string, number>;
  /** Number of rows whose label was found. */
  rowsFound: number;
  /** Index range of the stream cells the table used (label of first row .. last value). */
  cellRange: [number, number] | null;
  diagnostics: DiagnosticEntry[];
}

/** The dotted path of one cell of a row; scalar rows ("value") are the row path itself. */
export function cellPath(spec: RowSpec, column: string): string {
  return column === 'value' ? spec.path : `${spec.path}.${column}`;
}

const PATHS = new WeakMap<RowSpec, string[]>();
/** The cell paths of a row, in column order (computed once per spec). */
export function cellPaths(spec: RowSpec): string[] {
  let paths = PATHS.get(spec);
  if (!paths) PATHS.set(spec, (paths = spec.columns.map((c) => cellPath(spec, c))));
  return paths;
}

/** Reads the rows of `specs` from `cells`; rows not found are reported and left null. */
export function readRowTable(cells: Cell[], specs: readonly RowSpec[], tableName: string): TableRead {
  const found = findLabelledRows(cells, specs);
  const values = new Map<string, number | null>();
  const lines = new Map<string, number>();
  const diagnostics: DiagnosticEntry[] = [];
  for (const spec of specs) for (const path of cellPaths(spec)) values.set(path, null);
  let first = Infinity;
  let last = -1;
  for (const row of found) {
    cellPaths(row.spec).forEach((path, i) => {
      values.set(path, row.result.values[i] ?? null);
      lines.set(path, row.result.lines[i] ?? row.line);
    });
    for (const w of row.result.warnings) diagnostics.push({ level: 'warning', message: `${tableName}：${w.message}`, line: w.line || row.line });
    first = Math.min(first, row.at);
    last = Math.max(last, row.end);
  }
  if (found.length > 0) {
    const missing = specs.filter((s) => !found.some((r) => r.spec === s));
    const anchor = found[0]!.line;
    for (const spec of missing) {
      diagnostics.push({ level: 'warning', message: `${tableName}：未找到“${spec.group ? `${spec.group} ` : ''}${spec.label}”行，该行各列留空`, line: anchor });
    }
  }
  return { values, lines, rowsFound: found.length, cellRange: found.length ? [first, last] : null, diagnostics };
}
