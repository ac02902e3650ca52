import { parseFile } from '../src/formats/report-file.ts';
import { parseReport } from '../src/core/parse-report.ts';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { markdown, portalPage, tabRows, cellPerLine, spaceColumns } from '../tests/fixtures/distinct/layouts.ts';
import { fixtureReport } from '../tests/fixtures/distinct/reports.ts';
const f = fixtureReport('2021');
const cases: [string, string][] = [['s0.txt', readFileSync('tests/fixtures/samples/000_5118e96f53a3c514.txt', 'utf8')], ['s2.txt', readFileSync('tests/fixtures/samples/002_485bb66b608aa965.txt', 'utf8')], ['tab.txt', tabRows(f)], ['cpl.txt', cellPerLine(f)], ['sp.txt', spaceColumns(f)], ['m.md', markdown(f)], ['p.html', portalPage(f)]];
for (const [name, text] of cases) {
  for (const enc of ['utf8', 'gbk']) {
    const b = enc === 'gbk' ? iconv.encode(text, 'gbk') : new TextEncoder().encode(text);
    for (let i = 0; i < 20; i++) await parseFile({ name, bytes: b, sha256: '0'.repeat(64) });
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) await parseFile({ name, bytes: b, sha256: '0'.repeat(64) });
    console.log(name, enc, text.length, ((performance.now() - t0) / 100).toFixed(2), 'ms/file');
  }
}
const t = cases[0]![1];
const t0 = performance.now();
for (let i = 0; i < 300; i++) parseReport({ text: t, file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'txt' });
console.log('parseReport only', ((performance.now() - t0) / 300).toFixed(2));
