/**
 * A Report as one flat row of ordered columns with stable dotted names: the metadata, then every
 * table cell by its path in the Report (requests.denied.stateSecret.naturalPerson). The cells
 * come from the table definitions, 2021 template first, then the 2019 template's own cells, so
 * every report has the same columns whatever its template (the other template's cells are empty).
 * Column names are public (the CSV downloads, datapackage.json): renaming one is a breaking change.
 */
import type { Report } from '../model/report.ts';
import { ALL_CELLS } from '../tables/cell-label.ts';
import { getPath } from '../tables/assemble.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date';
export type CellOut = string | number | null;

export interface Column {
  /** Stable dotted name. */
  name: string;
  /** Chinese title (table, row, column as printed, for tables). */
  title: string;
  type: ColumnType;
  value: (r: Report) => CellOut;
}

const meta = (name: string, title: string, type: ColumnType, value: (r: Report) => CellOut): Column => ({ name, title, type, value });

export const METADATA_COLUMNS: readonly Column[] = [
  meta('id', '编号', 'string', (r) => r.id),
  meta('title', '标题', 'string', (r) => r.title),
  meta('agency', '发布机关（标题所写）', 'string', (r) => r.agency),
  meta('canonicalAgency', '发布机关（机构名录）', 'string', (r) => r.canonicalAgency),
  meta('agencySlug', '机关网址名', 'string', (r) => r.agencySlug),
  meta('district', '所属区县', 'string', (r) => r.district),
  meta('year', '报告年度', 'integer', (r) => r.year),
  meta('publishedOn', '发布日期', 'date', (r) => r.publishedOn),
  meta('template', '表格样式', 'string', (r) => r.template),
  meta('sourceUrl', '原文网址', 'string', (r) => r.sourceUrl),
  meta('source.file', '原始文件', 'string', (r) => r.source.file),
  meta('source.sha256', '原始文件 SHA-256', 'string', (r) => r.source.sha256),
  meta('source.format', '原始文件格式', 'string', (r) => r.source.format),
  meta('source.encoding', '原始文件编码', 'string', (r) => r.source.encoding),
  meta('source.layout', '表格排版', 'string', (r) => r.source.layout),
  meta('checks.failing', '未通过的校验数', 'integer', (r) => r.checks.filter((c) => !c.ok).length),
  meta('checks.failingIds', '未通过的校验', 'string', (r) => r.checks.filter((c) => !c.ok).map((c) => c.id).join(' ')),
  meta('diagnostics.errors', '错误数', 'integer', (r) => r.diagnostics.filter((d) => d.level === 'error').length),
  meta('diagnostics.warnings', '警告数', 'integer', (r) => r.diagnostics.filter((d) => d.level === 'warning').length),
];

export const CELL_COLUMNS: readonly Column[] = ALL_CELLS.map((c) => ({
  name: c.path,
  title: `${c.table} ${c.row} · ${c.column}`,
  type: c.decimals ? 'number' : 'integer',
  value: (r: Report) => {
    const v = getPath(r, c.path);
    return typeof v === 'number' ? v : null;
  },
}));

/** Every column, in order. */
export const REPORT_COLUMNS: readonly Column[] = [...METADATA_COLUMNS, ...CELL_COLUMNS];

/** The report's values in REPORT_COLUMNS order; null for an empty cell or an absent field. */
export function reportRow(report: Report): CellOut[] {
  return REPORT_COLUMNS.map((c) => c.value(report));
}
