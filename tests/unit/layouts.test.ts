/**
 * One grid report (every cell distinct) in every table layout the parser reads: any misplaced
 * cell, swapped column or mixed-up group fails here. Expected figures are in each fixture's
 * expected.json (written by make-fixtures.ts from the grid formula, quirks listed explicitly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/core/tables/assemble.ts';
import { readReport } from '../../src/node/read-report.ts';
import { LAYOUTS } from '../helpers/paths.ts';

const cases = readdirSync(LAYOUTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const layoutNames: Record<string, string> = {
  'tab-rows': 'tab-rows',
  'tab-quirks': 'tab-rows',
  'cell-per-line': 'cell-per-line',
  'pipe-rows': 'pipe-rows',
  'markdown-table': 'markdown-table',
  'space-columns': 'space-columns',
  'single-space-rows': 'space-columns',
  'fullwidth-and-units': 'tab-rows',
};

describe('layout fixtures', () => {
  it('covers every layout', () => {
    expect(cases.sort()).toEqual(Object.keys(layoutNames).sort());
  });
});

const reports = new Map(await Promise.all(cases.map(async (name) => [name, await readReport(join(LAYOUTS, name, 'report.txt'))] as const)));

describe.each(cases)('%s', (name) => {
  const expected = JSON.parse(readFileSync(join(LAYOUTS, name, 'expected.json'), 'utf8'));
  const report = reports.get(name)!;

  it('reads the metadata', () => {
    expect({ title: report.title, agency: report.agency, district: report.district, year: report.year, publishedOn: report.publishedOn, template: report.template }).toEqual({
      title: expected.title,
      agency: expected.agency,
      district: expected.district,
      year: expected.year,
      publishedOn: expected.publishedOn,
      template: expected.template,
    });
    expect(report.source.layout).toBe(layoutNames[name]);
  });

  it('puts every cell in its place', () => {
    const cells = Object.entries(expected.cells as Record<string, number | null>);
    expect(cells).toHaveLength(10 + 25 * 7 + 15);
    const got = cells.map(([path]) => [path, getPath(report, path)]);
    expect(got).toEqual(cells);
  });

  it('keeps the table text out of the chapters', () => {
    expect(report.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of report.sections.slice(1, 4)) expect(s.markdown).toBe('');
  });

  it('evaluates every identity; the grid breaks them, so each one fails', () => {
    // Row × 10 + column values add up nowhere: every evaluated identity must fail, none may pass.
    const arithmetic = report.checks.filter((c) => c.id !== 'text.requestsReceived');
    expect(arithmetic.length).toBeGreaterThanOrEqual(40);
    expect(arithmetic.filter((c) => c.ok).map((c) => c.id)).toEqual([]);
  });
});

describe('tab-quirks diagnostics', () => {
  const report = reports.get('tab-quirks')!;
  it('names the row and the columns of numbers run together, and guesses nothing', () => {
    const w = report.diagnostics.filter((d) => d.message.includes('120'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warning' });
    expect(w[0]!.message).toContain('二、上年结转政府信息公开申请数量');
    expect(w[0]!.message).toContain('其他、总计');
    expect(w[0]!.line).toBe(readFileSync(join(LAYOUTS, 'tab-quirks', 'report.txt'), 'utf8').split('\n').findIndex((l) => l.includes('\t120')) + 1);
  });
  it('reports nothing else', () => {
    expect(report.diagnostics).toHaveLength(1);
  });
});
