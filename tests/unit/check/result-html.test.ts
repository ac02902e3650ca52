/** What the validator page shows for a Report: summary line, tables, checks, diagnostics, JSON. */
import { describe, expect, it } from 'vitest';
import { reportJson, resultHtml, summaryLine } from '../../../src/check/result-html.ts';
import { byId, byTag, parseHtml, textOf } from '../../helpers/html.ts';
import { parseText } from '../../helpers/parse-text.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES } from '../../helpers/paths.ts';

const sample = readFileSync(join(SAMPLES, '000_5118e96f53a3c514.txt'), 'utf8');
const balanced = parseText(sample, 'a.txt');
const unbalanced = parseText(sample.replace('一、\t本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、\t本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5'), 'b.txt');

describe('summary line', () => {
  it('says 全部校验通过 or how many checks fail, then the reading problems', () => {
    expect(balanced.diagnostics).toEqual([]);
    expect(summaryLine(balanced)).toBe('全部校验通过');
    const failing = unbalanced.checks.filter((c) => !c.ok).length;
    expect(failing).toBe(3);
    expect(summaryLine(unbalanced)).toBe('3 项校验未通过');
    const withProblems = { ...unbalanced, diagnostics: [{ level: 'error' as const, message: 'x', line: 1 }, { level: 'warning' as const, message: 'y', line: null }, { level: 'warning' as const, message: 'z', line: 2 }] };
    expect(summaryLine(withProblems)).toBe('3 项校验未通过；读取时发现 1 个错误、2 个警告');
  });
});

describe('result', () => {
  const tree = parseHtml(resultHtml(unbalanced, 'b<1>.txt'));
  it('escapes the file name and shows the three tables', () => {
    expect(textOf(byId(tree, 'check-result-title')!)).toBe('校验结果：b<1>.txt');
    expect(byTag(tree, 'table').map((t) => t.properties.id)).toEqual(['table-proactive', 'table-requests', 'table-appeals']);
  });

  it('marks exactly the cells of the failing checks', () => {
    const failing = new Set(unbalanced.checks.filter((c) => !c.ok).flatMap((c) => c.cells.map((p) => `cell-${p.replaceAll('.', '-')}`)));
    const marked = byTag(tree, 'td').filter((td) => (td.properties.className as string[] | undefined)?.includes('fail')).map((td) => td.properties.id);
    expect(new Set(marked)).toEqual(failing);
  });

  it('holds the Report as the command line prints it', () => {
    expect(JSON.parse(textOf(byId(tree, 'report-json')!))).toEqual(JSON.parse(reportJson(unbalanced)));
    expect(reportJson(unbalanced)).toBe(JSON.stringify(unbalanced, null, 2));
  });
});
