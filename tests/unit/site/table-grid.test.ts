/**
 * The official tables as grids, checked on the distinct-value reports (every cell a different
 * number), so a cell in the wrong row, column or table shows up; both templates.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { getPath } from '../../../src/core/tables/assemble.ts';
import { APPEAL_HEADINGS, APPLICANT_HEADINGS, PROACTIVE_2019, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021 } from '../../../src/core/tables/definitions.ts';
import { cellPaths } from '../../../src/core/tables/table-result.ts';
import { formatNumber } from '../../../src/site/tables/cell-display.ts';
import { appealsGrid, dataCells, proactiveGrid, requestsGrid, type GridRow, type HeaderCell, type TableGrid } from '../../../src/site/tables/table-grid.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

const r2021 = distinctReport('2021').report;
const r2019 = distinctReport('2019').report;

/** Width of a row in columns, counting the slots taken by row spans from above. */
function widths(rows: GridRow[]): number[] {
  const carried: number[] = [];
  return rows.map((row, i) => {
    const own = row.reduce((n, c) => n + (c.colspan ?? 1), 0);
    const fromAbove = carried[i] ?? 0;
    for (const c of row) {
      const rowspan = c.kind === 'td' ? 1 : (c.rowspan ?? 1);
      for (let k = 1; k < rowspan; k++) carried[i + k] = (carried[i + k] ?? 0) + (c.colspan ?? 1);
    }
    return own + fromAbove;
  });
}

const headers = (rows: GridRow[]) => rows.flat().filter((c): c is HeaderCell => c.kind === 'th');
const columns = (g: TableGrid) => g.colgroups.reduce((a, b) => a + b, 0);

function expectCellsMatchReport(grid: TableGrid, report: Report) {
  for (const c of dataCells(grid)) {
    const v = getPath(report, c.path);
    expect(typeof v === 'number' ? v : null, c.path).toBe(c.value);
    expect(c.text).toBe(c.value === null ? '—' : formatNumber(c.value));
    expect(c.id).toBe(`cell-${c.path.replaceAll('.', '-')}`);
  }
}

describe('表三', () => {
  it.each([
    ['2021', r2021, REQUESTS_2021, 22],
    ['2019', r2019, REQUESTS_2019, 20],
  ] as const)('template %s: every row in the official order, every cell from its own path', (_, report, specs, outcomes) => {
    const g = requestsGrid(report);
    expect(columns(g)).toBe(10);
    expect(g.colgroups).toEqual([3, 1, 5, 1]);
    expect(dataCells(g).map((c) => c.path)).toEqual(specs.flatMap((s) => cellPaths(s)));
    expectCellsMatchReport(g, report);
    // Rows are complete: every row is 10 columns wide once the spans are counted.
    expect(widths(g.head)).toEqual([10, 10, 10]);
    expect(widths(g.bodies[0]!)).toEqual(Array(specs.length).fill(10));
    const outcomesHeader = headers(g.bodies[0]!).find((h) => h.text === '三、本年度办理结果')!;
    expect(outcomesHeader.rowspan).toBe(outcomes);
    expect(headers(g.bodies[0]!).find((h) => h.text === '（三）不予公开')!.rowspan).toBe(8);
    expect(headers(g.bodies[0]!).find((h) => h.text === '（四）无法提供')!.rowspan).toBe(3);
    expect(headers(g.bodies[0]!).every((h) => h.scope === 'row')).toBe(true);
  });

  it('groups the applicant columns under their printed headings with scopes', () => {
    const head = requestsGrid(r2021).head;
    expect(head[0]![1]).toMatchObject({ text: '申请人情况', colspan: 7, scope: 'col' });
    expect(head[1]).toEqual([
      { kind: 'th', text: APPLICANT_HEADINGS[0], rowspan: 2, scope: 'col' },
      { kind: 'th', text: '法人或其他组织', colspan: 5, scope: 'colgroup' },
      { kind: 'th', text: APPLICANT_HEADINGS[6], rowspan: 2, scope: 'col' },
    ]);
    expect(head[2]!.map((c) => c.text)).toEqual(APPLICANT_HEADINGS.slice(1, 6));
    expect(head[0]![0]).toMatchObject({ kind: 'note', rowspan: 3, colspan: 3 });
  });

  it('puts the value of 本机关不掌握相关政府信息 in its own row', () => {
    const row = requestsGrid(r2021).bodies[0]!.find((r) => r.some((c) => c.kind === 'th' && c.text === '1. 本机关不掌握相关政府信息'))!;
    const cells = row.filter((c) => c.kind === 'td');
    expect(cells.map((c) => c.kind === 'td' && c.path)).toEqual(cellPaths(REQUESTS_2021.find((s) => s.path === 'requests.unableToProvide.notHeld')!));
    expect(cells.map((c) => c.kind === 'td' && c.value)).toEqual(Object.values(r2021.requests.unableToProvide.notHeld));
  });

  it('2019: （六）其他处理 is one row spanning two label columns', () => {
    const body = requestsGrid(r2019).bodies[0]!;
    const row = body.find((r) => r.some((c) => c.kind === 'th' && c.text === '（六）其他处理'))!;
    expect(row[0]).toMatchObject({ kind: 'th', colspan: 2 });
    expect(row.filter((c) => c.kind === 'td').map((c) => c.kind === 'td' && c.value)).toEqual([1901, 1902, 1903, 1904, 1905, 1906, 11421]);
  });
});

describe('表二', () => {
  it('2021: four blocks, each with its heading, column headings and rows; single values span three columns', () => {
    const g = proactiveGrid(r2021);
    expect(g.bodies.map((b) => (b[0]![0] as HeaderCell).text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(dataCells(g).map((c) => c.path)).toEqual(PROACTIVE_2021.flatMap((s) => cellPaths(s)));
    expectCellsMatchReport(g, r2021);
    expect(dataCells(g).map((c) => c.value)).toEqual([31, 32, 33, 41, 42, 43, 51, 61, 71, 81.5]);
    for (const body of g.bodies) expect(widths(body)).toEqual(Array(body.length).fill(4));
    const licensing = dataCells(g).find((c) => c.path === 'proactive.licensing')!;
    expect(licensing.colspan).toBe(3);
    // Each data cell names its block, column heading and row label.
    const ids = new Set(headers(g.bodies.flat()).map((h) => h.id));
    for (const c of dataCells(g)) {
      expect(c.headers!.split(' ')).toHaveLength(3);
      for (const id of c.headers!.split(' ')) expect(ids.has(id), id).toBe(true);
    }
    expect(headers(g.bodies.flat()).every((h) => h.scope)).toBe(true);
  });

  it('2019: its own five blocks and columns, negative changes and amounts kept', () => {
    const g = proactiveGrid(r2019);
    expect(g.bodies).toHaveLength(5);
    expect(dataCells(g).map((c) => c.path)).toEqual(PROACTIVE_2019.flatMap((s) => cellPaths(s)));
    expectCellsMatchReport(g, r2019);
    expect(headers(g.bodies[1]!).map((h) => h.text)).toEqual(['第二十条第（五）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政许可', '其他对外管理服务事项']);
    expect(dataCells(g).find((c) => c.path === 'proactive.template2019.licensing.change')!.text).toBe('−12');
    const amount = dataCells(g).find((c) => c.path === 'proactive.template2019.procurement.amount')!;
    expect([amount.text, amount.colspan]).toEqual(['256.75', 2]);
    for (const body of g.bodies) expect(widths(body)).toEqual(Array(body.length).fill(4));
  });
});

describe('表四', () => {
  it('one row of fifteen cells under 行政复议 and the two kinds of 行政诉讼', () => {
    const g = appealsGrid(r2021);
    expect(dataCells(g).map((c) => c.value)).toEqual([7001, 7002, 7003, 7004, 28010, 7011, 7012, 7013, 7014, 28050, 7021, 7022, 7023, 7024, 28090]);
    expectCellsMatchReport(g, r2021);
    expect(widths(g.head)).toEqual([15, 15, 15]);
    expect(g.head[0]!.map((c) => c.text)).toEqual(['行政复议', '行政诉讼']);
    expect(g.head[1]!.slice(5).map((c) => [c.text, (c as HeaderCell).scope])).toEqual([
      ['未经复议直接起诉', 'colgroup'],
      ['复议后起诉', 'colgroup'],
    ]);
    expect(g.head[2]!.map((c) => c.text)).toEqual([...APPEAL_HEADINGS, ...APPEAL_HEADINGS]);
  });
});

describe('empty cells and failing checks', () => {
  const blank: Report = structuredClone(r2021);
  blank.requests.granted.research = null;
  blank.requests.granted.legal = 0;

  it('an empty cell is shown and announced distinctly from 0', () => {
    const cells = dataCells(requestsGrid(blank));
    const empty = cells.find((c) => c.path === 'requests.granted.research')!;
    const zero = cells.find((c) => c.path === 'requests.granted.legal')!;
    expect(empty).toMatchObject({ value: null, empty: true, text: '—', srText: '空白' });
    expect(zero).toMatchObject({ value: 0, empty: false, text: '0', srText: null });
  });

  it('marks exactly the cells of failing checks', () => {
    const failing = new Set(['requests.granted.total', 'appeals.review.total']);
    const marked = [...dataCells(requestsGrid(r2021, { failing })), ...dataCells(appealsGrid(r2021, { failing })), ...dataCells(proactiveGrid(r2021, { failing }))]
      .filter((c) => c.failing)
      .map((c) => c.path);
    expect(marked.sort()).toEqual([...failing].sort());
  });
});
