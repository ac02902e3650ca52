/**
 * The key figures compared across years and agencies: requests received, granted, partly granted,
 * denied, unable to provide, administrative reviews and lawsuits. Each is one cell or the sum of
 * the rows that make it up; a figure whose cells are all empty is null (not 0).
 */
import type { Report } from '../model/report.ts';
import { getPath } from '../tables/assemble.ts';

export const KEY_FIGURES = [
  { key: 'received', label: '新收申请', cells: ['requests.newReceived.total'] },
  { key: 'granted', label: '予以公开', cells: ['requests.granted.total'] },
  { key: 'partlyGranted', label: '部分公开', cells: ['requests.partlyGranted.total'] },
  {
    key: 'denied',
    label: '不予公开',
    cells: ['stateSecret', 'lawForbidden', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'queryMatters'].map((k) => `requests.denied.${k}.total`),
  },
  { key: 'unable', label: '无法提供', cells: ['notHeld', 'needsCreation', 'stillUnclear'].map((k) => `requests.unableToProvide.${k}.total`) },
  { key: 'reviews', label: '行政复议', cells: ['appeals.review.total'] },
  { key: 'litigation', label: '行政诉讼', cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'] },
] as const;

export type KeyFigure = (typeof KEY_FIGURES)[number]['key'];
export type KeyFigures = Record<KeyFigure, number | null>;

/** Sum of the cells that are filled; null when none is. */
export function sumCells(report: Report, cells: readonly string[]): number | null {
  let total: number | null = null;
  for (const path of cells) {
    const v = getPath(report, path);
    if (typeof v === 'number') total = Math.round(((total ?? 0) + v) * 1e6) / 1e6;
  }
  return total;
}

export function keyFigures(report: Report): KeyFigures {
  return Object.fromEntries(KEY_FIGURES.map((f) => [f.key, sumCells(report, f.cells)])) as KeyFigures;
}

/** Column sums over several reports (a year's totals); null where every report is empty. */
export function totalFigures(list: readonly KeyFigures[]): KeyFigures {
  return Object.fromEntries(
    KEY_FIGURES.map((f) => {
      const values = list.map((k) => k[f.key]).filter((v): v is number => v !== null);
      return [f.key, values.length ? values.reduce((a, b) => a + b, 0) : null];
    }),
  ) as KeyFigures;
}

/** Where a figure comes from, in the tables' own words: "表三 （三）不予公开 各项之和（总计列）". */
export function figureSource(key: KeyFigure, info: (path: string) => { table: string; row: string; column: string } | undefined): string {
  const f = KEY_FIGURES.find((k) => k.key === key)!;
  const cells = f.cells.map((p) => info(p)).filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (cells.length === 0) return f.cells.join(' + ');
  if (cells.length === 1) return `${cells[0]!.table}“${cells[0]!.row}”（${cells[0]!.column}）`;
  // Sub-rows of one group, e.g. "（三）不予公开 1. 属于国家秘密": name the group once.
  const groups = new Set(cells.map((c) => c.row.split(' ')[0]));
  const rows = groups.size === 1 && cells.every((c) => c.row.includes(' ')) ? `“${[...groups][0]}”各项` : cells.map((c) => `“${c.row}”`).join('与');
  return `${cells[0]!.table}${rows}之和（${cells[0]!.column}）`;
}
