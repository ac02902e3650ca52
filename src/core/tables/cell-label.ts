/**
 * Every cell of the three tables with its printed labels, keyed by dotted path: what a check or
 * the quality page says when it names a cell ("（三）不予公开 1. 属于国家秘密 · 自然人").
 */
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS, PROACTIVE_2019, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, type RowSpec } from './definitions.ts';
import { cellPath } from './table-result.ts';

export interface CellInfo {
  path: string;
  /** 表二, 表三 or 表四 */
  table: '表二' | '表三' | '表四';
  /** The row as printed, with its group: "（三）不予公开 1. 属于国家秘密" */
  row: string;
  /** The column heading as printed: "自然人" */
  column: string;
  /** True when decimals are legitimate (amounts). */
  decimals: boolean;
}

function rowCells(specs: readonly RowSpec[], table: CellInfo['table']): CellInfo[] {
  return specs.flatMap((spec) =>
    spec.columns.map((c, i) => ({
      path: cellPath(spec, c),
      table,
      row: spec.group ? `${spec.group} ${spec.label}` : spec.label,
      column: spec.headings[i]!,
      decimals: spec.decimals === true,
    })),
  );
}

function appealCells(): CellInfo[] {
  return APPEAL_GROUPS.flatMap((g) => APPEAL_KEYS.map((k, i) => ({ path: `${g.path}.${k}`, table: '表四' as const, row: g.label, column: APPEAL_HEADINGS[i]!, decimals: false })));
}

/** Every cell of both templates, each path once, in table order (2021 first, then 2019's own). */
export const ALL_CELLS: readonly CellInfo[] = (() => {
  const seen = new Set<string>();
  return [
    ...rowCells(PROACTIVE_2021, '表二'),
    ...rowCells(REQUESTS_2021, '表三'),
    ...appealCells(),
    ...rowCells(PROACTIVE_2019, '表二'),
    ...rowCells(REQUESTS_2019, '表三'),
  ].filter((c) => (seen.has(c.path) ? false : (seen.add(c.path), true)));
})();

const BY_PATH = new Map(ALL_CELLS.map((c) => [c.path, c]));

export function cellInfo(path: string): CellInfo | undefined {
  return BY_PATH.get(path);
}

/** "表三 （三）不予公开 1. 属于国家秘密 · 自然人"; the path itself for an unknown cell. */
export function cellLabel(path: string): string {
  const c = BY_PATH.get(path);
  return c ? `${c.table} ${c.row} · ${c.column}` : path;
}

export interface CellRow {
  table: string;
  row: string;
  cells: { path: string; column: string }[];
}

/** Cells grouped by their row, in the order given: "二、上年结转…：自然人、商业企业、总计". */
export function cellsByRow(paths: readonly string[]): CellRow[] {
  const rows: CellRow[] = [];
  for (const path of paths) {
    const c = BY_PATH.get(path);
    const table = c?.table ?? '';
    const row = c?.row ?? path;
    const column = c?.column ?? path;
    const last = rows.find((r) => r.table === table && r.row === row);
    if (last) last.cells.push({ path, column });
    else rows.push({ table, row, cells: [{ path, column }] });
  }
  return rows;
}
