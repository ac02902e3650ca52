import { parseFile } from '../src/formats/report-file.ts';
import { readFileSync } from 'node:fs';
const t = readFileSync('tests/fixtures/samples/000_5118e96f53a3c514.txt', 'utf8');
const lines = t.split('\n');
for (const n of [10000, 20000, 40000, 80000]) {
  for (const alphabet of [['0','1',' ','\t','报','告','、','（','）','.','-'], ['0',' '], ['报'], ['1', '\t']]) {
    const huge = Array.from({ length: n }, (_, i) => alphabet[(i * 7919) % alphabet.length]).join('');
    const l = lines.slice(); l.splice(40, 0, huge);
    const b = new TextEncoder().encode(l.join('\n'));
    const t0 = performance.now();
    await parseFile({ name: 'x.txt', bytes: b, sha256: '0'.repeat(64) });
    console.log(n, alphabet.join('').slice(0, 12), (performance.now() - t0).toFixed(0), 'ms');
  }
}
