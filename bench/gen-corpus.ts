/**
 * npm run gen:corpus -- --count N --out DIR [--seed S]
 * Writes N generated reports into DIR (sub-folders by year) and DIR/manifest.json with each
 * file's expected figures. Same seed, same bytes.
 */
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate/write-corpus.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1) {
  console.error('usage: npm run gen:corpus -- --count N --out DIR [--seed S]');
  process.exit(2);
}
const started = performance.now();
const summary = await writeCorpus(values.out, count, values.seed!);
const s = (performance.now() - started) / 1000;
console.log(`wrote ${summary.count} reports (${(summary.bytes / 1048576).toFixed(1)} MiB, ${summary.agencies} bodies, ${summary.broken} with a deliberate mistake, ${summary.carryOverSlips} whose 上年结转 differs from the year before) to ${values.out} in ${s.toFixed(1)} s`);
console.log(`layouts: ${Object.entries(summary.layouts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`encodings: ${Object.entries(summary.encodings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`prose per report: ${(summary.proseBytes / summary.count / 1024).toFixed(1)} KiB on average`);
