/**
 * The arithmetic identities: a consistent report passes them all; breaking any single cell makes
 * exactly the identities that involve it fail, with the cells named; sample 002's 表三 is mutated
 * one number at a time and every mutation must be caught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../../src/core/model/cells.ts';
import { REQUESTS_2021 } from '../../src/core/tables/definitions.ts';
import { balancedCells } from '../helpers/balanced-report.ts';
import { failing, parseText } from '../helpers/parse-text.ts';
import { SAMPLES } from '../helpers/paths.ts';
import { renderReport } from '../helpers/render-report.ts';

const base = balancedCells();
const received = base.get('requests.newReceived.total')!;
const render = (cells: Map<string, number>, statement = `本年度共收到政府信息公开申请${received}件。`) =>
  parseText(renderReport((p) => String(cells.get(p)), 'tab-rows', { statement }));
const withCell = (path: string, value: number) => new Map([...base, [path, value]]);

describe('a consistent report', () => {
  const report = render(base);
  it('passes every identity', () => {
    expect(report.checks.length).toBe(7 + 25 + 7 + 3 + 1);
    expect(failing(report)).toEqual([]);
  });
  it('phrases a passing identity with its figures', () => {
    const c = report.checks.find((x) => x.id === 'requests.balance.total')!;
    expect(c.message).toContain(`一、本年新收（${received}）`);
    expect(c.cells).toEqual(['requests.newReceived.total', 'requests.carriedOver.total', 'requests.totalHandled.total', 'requests.carriedForward.total']);
    expect(c.line).toBeGreaterThan(0);
  });
});

describe('breaking one identity at a time', () => {
  it('requests.balance: a carried-forward figure that does not balance', () => {
    const r = render(withCell('requests.carriedForward.research', 999).set('requests.carriedForward.total', base.get('requests.carriedForward.total')! - 302 + 999));
    expect(failing(r).sort()).toEqual(['requests.balance.research', 'requests.balance.total'].sort());
    const c = r.checks.find((x) => x.id === 'requests.balance.research')!;
    expect(c.message).toMatch(/相差 697/);
    expect(c.cells).toContain('requests.carriedForward.research');
  });

  it('requests.rowTotal: a row whose 总计 is not the sum of its columns', () => {
    const r = render(withCell('requests.denied.stateSecret.total', base.get('requests.denied.stateSecret.total')! + 1));
    expect(failing(r)).toContain('requests.rowTotal.denied.stateSecret');
    expect(failing(r)).toContain('requests.handledTotal.total');
    expect(failing(r).filter((id) => id.startsWith('requests.rowTotal'))).toEqual(['requests.rowTotal.denied.stateSecret']);
  });

  it('requests.handledTotal: an outcome cell changed together with its row total', () => {
    const cells = withCell('requests.unableToProvide.needsCreation.legal', base.get('requests.unableToProvide.needsCreation.legal')! + 5);
    cells.set('requests.unableToProvide.needsCreation.total', base.get('requests.unableToProvide.needsCreation.total')! + 5);
    expect(failing(render(cells)).sort()).toEqual(['requests.handledTotal.legal', 'requests.handledTotal.total'].sort());
  });

  it.each(['review', 'litigationDirect', 'litigationAfterReview'])('appeals.%s.total', (group) => {
    const r = render(withCell(`appeals.${group}.pending`, 77));
    expect(failing(r)).toEqual([`appeals.${group}.total`]);
    expect(r.checks.find((c) => c.id === `appeals.${group}.total`)!.cells).toEqual(
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `appeals.${group}.${k}`),
    );
  });

  it('text.requestsReceived: the chapters state another number', () => {
    const r = render(base, `本年度共收到政府信息公开申请${received + 3}件。`);
    expect(failing(r)).toEqual(['text.requestsReceived']);
    expect(r.checks.find((c) => c.id === 'text.requestsReceived')!.message).toContain(`称收到 ${received + 3} 件`);
  });

  it('text.requestsReceived: "未收到…申请" means 0', () => {
    const r = render(base, '本年度未收到政府信息公开申请。');
    expect(failing(r)).toEqual(['text.requestsReceived']);
  });

  it('text.requestsReceived: a count that includes last year\'s carried-over requests', () => {
    const over = base.get('requests.carriedOver.total')!;
    const r = render(base, `本年度共收到政府信息公开申请${received + over}件（含上年结转${over}件）。`);
    expect(failing(r)).toEqual([]);
    expect(r.checks.find((c) => c.id === 'text.requestsReceived')!.cells).toEqual(['requests.newReceived.total', 'requests.carriedOver.total']);
  });

  it('text.requestsReceived: "新收…申请N件" is read too', () => {
    expect(failing(render(base, `本年度新收政府信息公开申请${received}件。`))).toEqual([]);
    expect(failing(render(base, `本年度新收政府信息公开申请${received - 1}件。`))).toEqual(['text.requestsReceived']);
  });

  it('text.requestsReceived: a statement hard-wrapped over lines (PDF text) is read whole, with its first line', () => {
    const over = base.get('requests.carriedOver.total')!;
    const wrapped = `为规范办理，我局严格落实依申请公开工作制度。本年度共受理政府信息公开申请${received + over}件\n（含上年结转${over}件），均已答复。`;
    const r = render(base, wrapped);
    expect(failing(r)).toEqual([]);
    const check = r.checks.find((c) => c.id === 'text.requestsReceived')!;
    expect(check.cells).toEqual(['requests.newReceived.total', 'requests.carriedOver.total']);
    const lines = renderReport((p) => String(base.get(p)), 'tab-rows', { statement: wrapped }).split('\n');
    expect(check.line).toBe(lines.findIndex((l) => l.includes('共受理')) + 1);
    // Broken inside the number's sentence: "申请" / "171件" on two lines.
    const split = render(base, `本年度共收到政府信息公开申\n请${received}件。`);
    expect(split.checks.find((c) => c.id === 'text.requestsReceived')?.ok).toBe(true);
    expect(failing(render(base, `本年度共收到政府信息公开申\n请${received + 1}件。`))).toEqual(['text.requestsReceived']);
  });

  it('counts empty cells as 0 and says so', () => {
    const text = renderReport((p) => (p === 'requests.granted.commercial' ? '' : String(base.get(p))), 'tab-rows', { statement: '' });
    const r = parseText(text);
    expect(r.requests.granted.commercial).toBeNull();
    const c = r.checks.find((x) => x.id === 'requests.rowTotal.granted')!;
    expect(c.ok).toBe(false);
    expect(c.message).toContain('空白单元格按 0 计：商业企业');
  });
});

describe('sample 002: every single number of 表三 changed in turn is caught', () => {
  const text = readFileSync(join(SAMPLES, '002_485bb66b608aa965.txt'), 'utf8');
  const lines = text.split('\n');
  // 表三 is lines 63..346 of the sample; its value cells are the lines holding only a number.
  const start = lines.findIndex((l) => l.includes('本年新收政府信息公开申请数量'));
  const end = lines.findIndex((l) => l.includes('结转下年度继续办理'));
  const valueLines: number[] = [];
  for (let i = start; i <= end + 8; i++) if (/^\t ?\d+$/.test(lines[i]!)) valueLines.push(i);

  it('finds all 175 value cells of 表三', () => {
    expect(valueLines).toHaveLength(REQUESTS_2021.length * APPLICANT_COLUMNS.length);
  });

  it('fails at least one identity for every changed cell', () => {
    const missed: number[] = [];
    for (const i of valueLines) {
      const mutated = lines.slice();
      const value = Number(mutated[i]!.trim());
      mutated[i] = `\t${value + 1}`;
      const r = parseText(mutated.join('\n'));
      if (failing(r).length === 0) missed.push(i + 1);
    }
    expect(missed).toEqual([]);
  });
});
