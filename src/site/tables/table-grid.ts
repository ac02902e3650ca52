/**
 * The official tables (表二, 表三, 表四) as grids of header and data cells with their row and
 * column spans, built from the table definitions (labels are never re-typed here) and one report.
 * The page renders a grid as it is; tests check the grid. Both templates (2021, 2019) are covered.
 *
 * Accessibility: every header cell has a scope (column groups for 法人或其他组织 and the two
 * 行政诉讼 groups, row groups for 表二's blocks). 表二's blocks each have their own column
 * headings, so its data cells also name their headers (headers attribute), which screen readers
 * follow where scopes alone are ambiguous.
 */
import type { Report } from '../../core/model/report.ts';
import { getPath } from '../../core/tables/assemble.ts';
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS, APPLICANT_HEADINGS, PROACTIVE_2019, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, type RowSpec } from '../../core/tables/definitions.ts';
import {
  PROACTIVE_BLOCKS_2019,
  PROACTIVE_BLOCKS_2021,
  PROACTIVE_CONTENT_HEADING,
  REQUESTS_APPLICANTS_HEADING,
  REQUESTS_BALANCE_NOTE,
  REQUESTS_ORGANISATIONS_HEADING,
  REQUESTS_OUTCOMES_HEADING,
  TABLE_TITLES,
  TABLE_UNITS,
} from '../../core/tables/printed-headings.ts';
import { cellPath } from '../../core/tables/table-result.ts';
import { cellAnchor } from '../anchors.ts';
import { cellDisplay } from './cell-display.ts';

export interface HeaderCell {
  kind: 'th';
  text: string;
  rowspan?: number;
  colspan?: number;
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  id?: string;
  className?: string;
}

export interface DataCell {
  kind: 'td';
  path: string;
  /** Fragment id: cell-<path with dashes>. */
  id: string;
  value: number | null;
  text: string;
  srText: string | null;
  empty: boolean;
  /** Involved in a failing check. */
  failing: boolean;
  colspan?: number;
  /** Ids of the header cells, for tables that name them explicitly. */
  headers?: string;
}

/** A cell that is neither header nor data: 表三's corner note. */
export interface NoteCell {
  kind: 'note';
  text: string;
  rowspan?: number;
  colspan?: number;
}

export type GridCell = HeaderCell | DataCell | NoteCell;
export type GridRow = GridCell[];

export interface TableGrid {
  /** Element id of the table. */
  id: string;
  /** 表二 / 表三 / 表四 */
  number: string;
  caption: string;
  unit: string;
  /** Spans of the <colgroup> elements, left to right. */
  colgroups: number[];
  head: GridRow[];
  /** One or more <tbody>, each a list of rows. */
  bodies: GridRow[][];
}

export interface GridOptions {
  /** Paths of cells in failing checks. */
  failing?: ReadonlySet<string>;
}

function dataCell(report: Report, path: string, opts: GridOptions, extra: Partial<DataCell> = {}): DataCell {
  const v = getPath(report, path);
  const value = typeof v === 'number' ? v : null;
  const shown = cellDisplay(value);
  return { kind: 'td', path, id: cellAnchor(path), value, ...shown, failing: opts.failing?.has(path) ?? false, ...extra };
}

const specByPath = (specs: readonly RowSpec[]) => new Map(specs.map((s) => [s.path, s]));

/** 表二: one block per 第二十条 item, each with its own column headings. */
export function proactiveGrid(report: Report, opts: GridOptions = {}): TableGrid {
  const is2019 = report.template === '2019';
  const specs = specByPath(is2019 ? PROACTIVE_2019 : PROACTIVE_2021);
  const blocks = is2019 ? PROACTIVE_BLOCKS_2019 : PROACTIVE_BLOCKS_2021;
  const tid = 'table-proactive';
  const width = 3;
  const bodies = blocks.map((block, b) => {
    const blockId = `${tid}-b${b + 1}`;
    const first = specs.get(block.rows[0]!)!;
    const headIds = [`${blockId}-h0`, ...first.headings.map((_, i) => `${blockId}-h${i + 1}`)];
    // The last heading spans what is left of the value columns (single-value rows span all three).
    const span = (i: number, n: number) => (i === n - 1 && n < width ? width - n + 1 : undefined);
    const rows: GridRow[] = [
      [{ kind: 'th', text: block.heading, colspan: width + 1, scope: 'rowgroup', id: blockId, className: 'block-heading' }],
      [
        { kind: 'th', text: PROACTIVE_CONTENT_HEADING, scope: 'col', id: headIds[0] },
        ...first.headings.map((h, i): HeaderCell => ({ kind: 'th', text: h, scope: 'col', id: headIds[i + 1], colspan: span(i, first.headings.length) })),
      ],
    ];
    for (const path of block.rows) {
      const spec = specs.get(path)!;
      const rowId = `${blockId}-${path.split('.').pop()}`;
      rows.push([
        { kind: 'th', text: spec.label, scope: 'row', id: rowId },
        ...spec.columns.map((c, i) =>
          dataCell(report, cellPath(spec, c), opts, {
            colspan: span(i, spec.columns.length),
            headers: [blockId, headIds[i + 1], rowId].join(' '),
          }),
        ),
      ]);
    }
    return rows;
  });
  return {
    id: tid,
    number: '表二',
    caption: TABLE_TITLES.proactive,
    unit: is2019 ? TABLE_UNITS.proactive2019 : TABLE_UNITS.proactive,
    colgroups: [1, width],
    head: [],
    bodies,
  };
}

const BEFORE_OUTCOMES = ['requests.newReceived', 'requests.carriedOver'];
const AFTER_OUTCOMES = ['requests.carriedForward'];

/** 表三: applicants across (grouped), requests and outcomes down (grouped). */
export function requestsGrid(report: Report, opts: GridOptions = {}): TableGrid {
  const specs = report.template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
  const orgHeadings = APPLICANT_HEADINGS.slice(1, 6);
  const head: GridRow[] = [
    [
      { kind: 'note', text: REQUESTS_BALANCE_NOTE, rowspan: 3, colspan: 3 },
      { kind: 'th', text: REQUESTS_APPLICANTS_HEADING, colspan: 7, scope: 'col' },
    ],
    [
      { kind: 'th', text: APPLICANT_HEADINGS[0], rowspan: 2, scope: 'col' },
      { kind: 'th', text: REQUESTS_ORGANISATIONS_HEADING, colspan: 5, scope: 'colgroup' },
      { kind: 'th', text: APPLICANT_HEADINGS[6], rowspan: 2, scope: 'col' },
    ],
    orgHeadings.map((h): HeaderCell => ({ kind: 'th', text: h, scope: 'col' })),
  ];
  const outcomes = specs.filter((s) => !BEFORE_OUTCOMES.includes(s.path) && !AFTER_OUTCOMES.includes(s.path));
  const groupSize = (g: string) => specs.filter((s) => s.group === g).length;
  const rows: GridRow[] = [];
  let seenGroup: string | undefined;
  for (const spec of specs) {
    const values = spec.columns.map((c) => dataCell(report, cellPath(spec, c), opts));
    const row: GridRow = [];
    const inOutcomes = outcomes.includes(spec);
    if (inOutcomes && spec === outcomes[0]) row.push({ kind: 'th', text: REQUESTS_OUTCOMES_HEADING, rowspan: outcomes.length, scope: 'row', className: 'group' });
    if (!inOutcomes) row.push({ kind: 'th', text: spec.label, colspan: 3, scope: 'row' });
    else if (!spec.group) row.push({ kind: 'th', text: spec.label, colspan: 2, scope: 'row' });
    else {
      if (spec.group !== seenGroup) row.push({ kind: 'th', text: spec.group, rowspan: groupSize(spec.group), scope: 'row', className: 'group' });
      row.push({ kind: 'th', text: spec.label, scope: 'row' });
    }
    seenGroup = spec.group;
    rows.push([...row, ...values]);
  }
  return {
    id: 'table-requests',
    number: '表三',
    caption: TABLE_TITLES.requests,
    unit: TABLE_UNITS.requests,
    colgroups: [3, 1, 5, 1],
    head,
    bodies: [rows],
  };
}

/** 表四: 行政复议 and the two kinds of 行政诉讼, five outcomes each, in one row. */
export function appealsGrid(report: Report, opts: GridOptions = {}): TableGrid {
  const [review, ...litigation] = APPEAL_GROUPS;
  const parts = litigation.map((g) => g.label.split(' · '));
  const headings = (scope: HeaderCell['scope'], rowspan?: number) => APPEAL_HEADINGS.map((h): HeaderCell => ({ kind: 'th', text: h, scope, ...(rowspan ? { rowspan } : {}) }));
  const head: GridRow[] = [
    [
      { kind: 'th', text: review.label, colspan: 5, scope: 'colgroup' },
      { kind: 'th', text: parts[0]![0]!, colspan: 10, scope: 'col' },
    ],
    [...headings('col', 2), ...parts.map((p): HeaderCell => ({ kind: 'th', text: p[1]!, colspan: 5, scope: 'colgroup' }))],
    [...headings('col'), ...headings('col')],
  ];
  const row: GridRow = APPEAL_GROUPS.flatMap((g) => APPEAL_KEYS.map((k) => dataCell(report, `${g.path}.${k}`, opts)));
  return {
    id: 'table-appeals',
    number: '表四',
    caption: TABLE_TITLES.appeals,
    unit: TABLE_UNITS.appeals,
    colgroups: [5, 5, 5],
    head,
    bodies: [[row]],
  };
}

/** Every data cell of a grid, in document order. */
export function dataCells(grid: TableGrid): DataCell[] {
  return grid.bodies.flat(2).filter((c): c is DataCell => c.kind === 'td');
}
