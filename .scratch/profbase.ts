import { parseReport } from '../src/core/parse-report.ts';
import { readFileSync } from 'node:fs';
for (const s of ['000_5118e96f53a3c514', '002_485bb66b608aa965']) {
const t = readFileSync(`/work/wt-ingest/tests/fixtures/samples/${s}.txt`, 'utf8');
for (let i = 0; i < 100; i++) parseReport({ text: t, file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'txt' });
const t0 = performance.now();
for (let i = 0; i < 500; i++) parseReport({ text: t, file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'txt' });
console.log(s, 'base parseReport', ((performance.now() - t0) / 500).toFixed(3), 'ms');
}
