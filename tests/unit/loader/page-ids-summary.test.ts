import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/model/report.ts';
import { problemsByFile } from '../../../src/core/archive/archive-checks.ts';
import { buildSummary, strictFailure, summaryLine, withReportPart } from '../../../src/loader/build-summary.ts';
import { assignPageIds } from '../../../src/loader/page-ids.ts';
import { distinctReport } from '../../helpers/distinct-report.ts';

describe('assignPageIds', () => {
  it('keeps ids, and gives a later file with a taken id a suffix from its digest', () => {
    const ids = assignPageIds([
      { file: 'a.txt', id: '2023-x', sha256: 'aaaaaaaa11' },
      { file: 'b.txt', id: '2023-x', sha256: 'bbbbbbbb22' },
      { file: 'c.txt', id: '2023-y', sha256: 'cccccccc33' },
      { file: 'd.txt', id: '2023-x', sha256: 'bbbbbbbb22' },
    ]);
    expect([...ids]).toEqual([
      ['a.txt', '2023-x'],
      ['b.txt', '2023-x-bbbbbbbb'],
      ['c.txt', '2023-y'],
      ['d.txt', '2023-x-bbbbbbbb-2'],
    ]);
  });
});

describe('buildSummary', () => {
  const ok = distinctReport('2021').report;
  const bad: Report = structuredClone(ok);
  bad.checks[0]!.ok = false;
  bad.diagnostics = [{ level: 'error', message: '缺少表四', line: 9 }, { level: 'warning', message: '某行未找到', line: null }];

  const s = buildSummary(
    [
      { file: 'ok.txt', report: ok, error: null },
      { file: 'bad.txt', report: bad, error: null },
      { file: 'x.pdf', report: null, error: { message: '不支持', line: null } },
    ],
    [{ file: 'ok.txt', other: 'bad.txt', level: 'warning', kind: 'carry-over', message: '结转不一致', line: null }],
  );

  it('counts files, reports, errors, failing checks and warnings', () => {
    expect({ ...s, lines: undefined }).toEqual({ files: 3, reports: 2, errorFiles: 2, errors: 2, failingChecks: 1, warnings: 2, lines: undefined });
    expect(summaryLine(s)).toBe('3 个文件：2 份报告，2 个文件有错误（共 2 个），1 项校验未通过，2 个警告');
  });

  it('names file and line for every problem', () => {
    expect(s.lines).toEqual([
      'ok.txt: warning: 结转不一致',
      'bad.txt:9: error: 缺少表四',
      'bad.txt: warning: 某行未找到',
      `bad.txt${bad.checks[0]!.line ? `:${bad.checks[0]!.line}` : ''}: check ${bad.checks[0]!.id}: ${bad.checks[0]!.message}`,
      'x.pdf: error: 不支持',
    ]);
  });

  it('lists each file\'s archive problems under that file, in the order given, whatever order the problems come in', () => {
    const problems = [
      { file: 'b.txt', level: 'warning' as const, kind: 'carry-over' as const, message: 'b 第一', line: null },
      { file: 'a.txt', level: 'error' as const, kind: 'duplicate-id' as const, message: 'a', line: null },
      { file: 'b.txt', level: 'warning' as const, kind: 'carry-over' as const, message: 'b 第二', line: 3 },
    ];
    const two = buildSummary(
      [
        { file: 'a.txt', report: ok, error: null },
        { file: 'b.txt', report: ok, error: null },
        { file: 'c.txt', report: ok, error: null },
      ],
      problems,
    );
    expect(two.lines).toEqual(['a.txt: error: a', 'b.txt: warning: b 第一', 'b.txt:3: warning: b 第二']);
    expect({ errorFiles: two.errorFiles, errors: two.errors, warnings: two.warnings }).toEqual({ errorFiles: 1, errors: 1, warnings: 2 });
    expect([...problemsByFile(problems)].map(([file, own]) => [file, own.map((p) => p.message)])).toEqual([
      ['b.txt', ['b 第一', 'b 第二']],
      ['a.txt', ['a']],
    ]);
  });

  it('STRICT fails on an error or a failing check, not on warnings', () => {
    expect(strictFailure(s)).toBe('STRICT=1：2 个错误，1 项校验未通过，构建失败');
    const clean = buildSummary([{ file: 'ok.txt', report: ok, error: null }], [{ file: 'ok.txt', level: 'warning', kind: 'carry-over', message: 'w', line: null }]);
    expect(strictFailure(clean)).toBeNull();
  });
});

describe('withReportPart', () => {
  const ok = distinctReport('2021').report;
  const failing = (r: Report, message: string): Report => {
    const bad = structuredClone(r);
    bad.checks[0]!.ok = false;
    bad.diagnostics = [{ level: 'error', message, line: 9 }];
    return bad;
  };
  const problems = [{ file: 'b.txt', other: 'a.txt', level: 'warning' as const, kind: 'carry-over' as const, message: '结转不一致', line: 4 }];
  // Files in name order, as the archive is read; c.txt is not a report.
  const files = (b: Report) => [
    { file: 'a.txt', report: ok, error: null },
    { file: 'b.txt', report: b, error: null },
    { file: 'c.txt', report: null, error: { message: '不支持', line: null } },
    { file: 'd.txt', report: failing(ok, 'd 缺少表四'), error: null },
  ];
  const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];

  it('gives what summing every file again gives, whether the report had lines before, has them now, or both', () => {
    const variants = [ok, failing(ok, '缺少表四'), failing(ok, '缺少表二')];
    for (const before of variants) {
      for (const after of variants) {
        const patched = withReportPart(buildSummary(files(before), problems), { file: 'b.txt', report: after }, problems, names);
        expect(patched).toEqual(buildSummary(files(after), problems));
      }
    }
    // Without archive problems the report's lines can be none at all: put where its name falls.
    const bare = withReportPart(buildSummary(files(ok), []), { file: 'b.txt', report: failing(ok, '缺少表四') }, [], names);
    expect(bare).toEqual(buildSummary(files(failing(ok, '缺少表四')), []));
    expect(bare!.lines[0]).toBe('b.txt:9: error: 缺少表四');
    expect(bare!.errorFiles).toBe(3);
  });

  it('refuses when a file name has a colon, or the report\'s lines are not in one run', () => {
    const summary = buildSummary(files(failing(ok, '缺少表四')), problems);
    expect(withReportPart(summary, { file: 'b.txt', report: ok }, problems, [...names, 'x:y.txt'])).toBeNull();
    const split = { ...summary, lines: [...summary.lines, 'b.txt: warning: 又一行'] };
    expect(withReportPart(split, { file: 'b.txt', report: ok }, problems, names)).toBeNull();
  });
});
