/** Reading single cells and resolving a row's cells into its values. */
import { describe, expect, it } from 'vitest';
import { splitLine } from '../../src/core/layout/lines.ts';
import { digitSplits, readCell } from '../../src/core/layout/values.ts';
import { rowValues } from '../../src/core/tables/row-values.ts';

describe('readCell', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['１２３', 123],
    ['1,234', 1234],
    ['1，234', 1234],
    ['12,345,678', 12345678],
    ['42件', 42],
    ['3 件', 3],
    ['12.5万元', 12.5],
    ['０．５', 0.5],
    [' 7 ', 7],
  ])('%s reads as %s', (text, value) => {
    expect(readCell(text)).toMatchObject({ kind: 'number', value });
  });
  it.each(['/', '／', '—', '-', '－', '无', '——'])('%s is not applicable', (text) => {
    expect(readCell(text).kind).toBe('na');
  });
  it('an empty cell is empty, not 0', () => {
    expect(readCell('').kind).toBe('empty');
    expect(readCell('\u3000 ').kind).toBe('empty');
  });
  it.each(['12 34', '1,23', '1.2.3'])('%s cannot be read safely', (text) => {
    expect(readCell(text).kind).toBe('unreadable');
  });
  it.each(['规章', '(四)', '总计', '2023年'])('%s is text', (text) => {
    expect(readCell(text).kind).toBe('text');
  });
});

describe('digitSplits', () => {
  it('splits run-together digits only where no number would start with 0', () => {
    expect(digitSplits('00', 2)).toEqual([[0, 0]]);
    expect(digitSplits('042', 2)).toEqual([[0, 42]]);
    expect(digitSplits('120', 2)).toHaveLength(2);
    expect(digitSplits('7', 2)).toEqual([]);
  });
});

const cells = (line: string) => splitLine(line, 5).cells;
const opts = { label: '一、本年新收', headings: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] };

describe('rowValues', () => {
  it('treats blank cells as spacers when the row is full', () => {
    expect(rowValues(cells('\t1\t2\t3\t4\t5\t6\t21\t\t'), 7, opts).values).toEqual([1, 2, 3, 4, 5, 6, 21]);
  });
  it('keeps a blank data cell as null when the row needs it', () => {
    const r = rowValues(cells('1\t\t3\t4\t5\t6\t19'), 7, opts);
    expect(r.values).toEqual([1, null, 3, 4, 5, 6, 19]);
    expect(r.warnings).toEqual([]);
  });
  it('splits 042 (a lost separator between 0 and 42) and says so', () => {
    const r = rowValues(cells('0\t0\t0\t0\t0\t042'), 7, opts);
    expect(r.values).toEqual([0, 0, 0, 0, 0, 0, 42]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toContain('042');
    expect(r.warnings[0]!.line).toBe(5);
  });
  it('never guesses an ambiguous split: names the row and columns, leaves them empty', () => {
    const r = rowValues(cells('2\t0\t0\t0\t0\t120'), 7, opts);
    expect(r.values).toEqual([2, 0, 0, 0, 0, null, null]);
    expect(r.warnings[0]!.message).toContain('一、本年新收');
    expect(r.warnings[0]!.message).toContain('其他、总计');
  });
  it('splits "12 34" at its visible space when the row is one short', () => {
    expect(rowValues(cells('1\t2\t3\t4\t5\t6 21'), 7, opts).values).toEqual([1, 2, 3, 4, 5, 6, 21]);
  });
  it('reports an unreadable cell by row and column, never as 0', () => {
    const r = rowValues(cells('1\t2\t3\t4\t5\t6\t1,23'), 7, opts);
    expect(r.values[6]).toBeNull();
    expect(r.warnings[0]!.message).toContain('“一、本年新收”行“总计”列');
  });
  it('refuses decimals and negatives where counts are expected', () => {
    const r = rowValues(cells('1.5\t-2\t3\t4\t5\t6\t19'), 7, opts);
    expect(r.values.slice(0, 2)).toEqual([null, null]);
    expect(r.warnings).toHaveLength(2);
  });
  it('takes decimals in the fees cell', () => {
    expect(rowValues(cells('12.75'), 1, { label: '行政事业性收费', headings: ['本年收费金额（单位：万元）'], decimals: true }).values).toEqual([12.75]);
  });
  it('reports a row with too many values and keeps the first ones', () => {
    const r = rowValues(cells('1\t2\t3\t4\t5\t6\t21\t99'), 7, opts);
    expect(r.values).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(r.warnings[0]!.message).toContain('99');
  });
  it('reports a row that is short for no visible reason', () => {
    const r = rowValues(cells('1\t2\t3'), 7, opts);
    expect(r.values).toEqual([null, null, null, null, null, null, null]);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('splitLine', () => {
  it('splits a label from the numbers that follow it on a single-space line', () => {
    expect(cells('规章 1 2 3').map((c) => c.text)).toEqual(['规章', '1', '2', '3']);
  });
  it('splits rows of full-width digits and of not-applicable marks (PDF text, found by the corpus generator)', () => {
    expect(cells('规章 ０ ０ １２').map((c) => [c.text, c.reading.kind === 'number' ? c.reading.value : c.reading.kind])).toEqual([['规章', 'text'], ['0', 0], ['0', 0], ['12', 12]]);
    expect(cells('其他对外管理服务事项 １７ －４ １').map((c) => (c.reading.kind === 'number' ? c.reading.value : c.text))).toEqual(['其他对外管理服务事项', 17, -4, 1]);
    expect(cells('规章 / / /').map((c) => [c.text, c.reading.kind])).toEqual([['规章', 'text'], ['/', 'na'], ['/', 'na'], ['/', 'na']]);
    expect(cells('行政规范性文件 — 1 19').map((c) => c.reading.kind)).toEqual(['text', 'na', 'number', 'number']);
    expect(cells('规章 无 无 无').map((c) => c.reading.kind)).toEqual(['text', 'na', 'na', 'na']);
  });
  it('keeps a lone 无 after a heading as text', () => {
    expect(cells('存在的主要问题 无').map((c) => c.text)).toEqual(['存在的主要问题 无']);
  });
  it('leaves prose alone', () => {
    expect(cells('本年度我中心收到依申请公开申请 0 件。').map((c) => c.text)).toEqual(['本年度我中心收到依申请公开申请 0 件。']);
  });
  it('reads pipe rows and skips Markdown rules', () => {
    expect(cells('| 规章 | 0 | 0 | 0 |').map((c) => c.text)).toEqual(['规章', '0', '0', '0']);
    expect(splitLine('|---|:---:|---|', 1).kind).toBe('rule');
  });
  it('strips export artefacts', () => {
    expect(splitLine('[bookmark: _GoBack]一是加强', 1).text).toBe('一是加强');
  });
});
