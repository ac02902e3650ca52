/**
 * npm run bench:parse [-- --count 5000] [--corpus DIR] [--json]
 * Parse throughput on one core: the five sample reports (content/reports) read once, then parsed
 * `count` times under distinct file names the way the CLI reads a file (digest, decoding, front
 * matter, parse, validation). With --corpus, every file of a generated corpus as well.
 * Prints reports/s and ms per report; --json prints the figures as JSON only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatOf, reportFromBytes } from '../src/node/read-report.ts';

export interface ParseFigures {
  label: string;
  /** Milliseconds per report by file format (the corpus mixes them). */
  msPerReportByFormat?: Record<string, number>;
  reports: number;
  bytes: number;
  seconds: number;
  reportsPerSecond: number;
  msPerReport: number;
  /** Reports whose parse recorded an error diagnostic (the samples have none). */
  withErrors: number;
}

interface Input {
  file: string;
  bytes: Uint8Array;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

/** Parses the inputs in turn until `count` reports are done; times only the parsing. */
export async function measure(label: string, inputs: Input[], count: number, rename: boolean): Promise<ParseFigures> {
  // Warm-up: the first reports compile regexes and JIT the parser.
  for (let i = 0; i < Math.min(50, count); i++) await reportFromBytes(inputs[i % inputs.length]!.file, inputs[i % inputs.length]!.bytes);
  let bytes = 0;
  let withErrors = 0;
  const byFormat = new Map<string, { ms: number; n: number }>();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const input = inputs[i % inputs.length]!;
    // Distinct names, as 5,000 different files would have (ids and messages depend on them).
    const file = rename ? input.file.replace(/(\.[a-z]+)$/i, `-${i}$1`) : input.file;
    const t = performance.now();
    const report = await reportFromBytes(file, input.bytes, { root: '/archive' });
    const f = byFormat.get(report.source.format) ?? { ms: 0, n: 0 };
    f.ms += performance.now() - t;
    f.n++;
    byFormat.set(report.source.format, f);
    bytes += input.bytes.length;
    if (report.diagnostics.some((d) => d.level === 'error')) withErrors++;
  }
  const seconds = (performance.now() - started) / 1000;
  const msPerReportByFormat = Object.fromEntries([...byFormat].map(([k, v]) => [k, Math.round((v.ms / v.n) * 1000) / 1000]));
  return { label, reports: count, bytes, seconds, reportsPerSecond: count / seconds, msPerReport: (seconds * 1000) / count, msPerReportByFormat, withErrors };
}

export function sampleInputs(dir: string): Input[] {
  return listFiles(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ file: join('/archive', relative(dir, f)), bytes: readFileSync(f) }));
}

export function corpusInputs(dir: string): Input[] {
  const root = existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'reports')) ? join(dir, 'reports') : dir;
  // Every format the archive reads (.txt, .md, .html, .docx …), as the build would meet them.
  return listFiles(root).filter((f) => formatOf(f) !== null).map((f) => ({ file: join('/archive', relative(root, f)), bytes: readFileSync(f) }));
}

export function formatFigures(f: ParseFigures): string {
  const formats = f.msPerReportByFormat && Object.keys(f.msPerReportByFormat).length > 1 ? ` (${Object.entries(f.msPerReportByFormat).map(([k, v]) => `.${k} ${v.toFixed(2)} ms`).join(', ')})` : '';
  return `${f.label}: ${f.reports} reports (${(f.bytes / 1048576).toFixed(1)} MiB) in ${f.seconds.toFixed(2)} s: ${Math.round(f.reportsPerSecond)} reports/s, ${f.msPerReport.toFixed(3)} ms per report${formats}${f.withErrors ? `, ${f.withErrors} with errors` : ''}`;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' }, corpus: { type: 'string' }, samples: { type: 'string', default: 'content/reports' }, json: { type: 'boolean', default: false } } });
  const results: ParseFigures[] = [];
  const samples = sampleInputs(values.samples!);
  if (samples.length === 0) throw new Error(`no .txt reports in ${values.samples}`);
  results.push(await measure(`samples (${samples.length} files ×${Math.ceil(Number(values.count) / samples.length)})`, samples, Number(values.count), true));
  if (values.corpus) {
    const corpus = corpusInputs(values.corpus);
    // A small corpus is parsed several times over (renamed), so warm-up does not dominate.
    const times = Math.max(1, Math.ceil(2000 / corpus.length));
    results.push(await measure(`corpus ${basename(values.corpus)} (${corpus.length} files${times > 1 ? ` ×${times}` : ''})`, corpus, corpus.length * times, times > 1));
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`Node ${process.version}, one thread`);
    for (const r of results) console.log(formatFigures(r));
    const slow = results.filter((r) => r.reportsPerSecond < 2000);
    console.log(slow.length ? `below the target of 2,000 reports/s: ${slow.map((r) => r.label).join(', ')}` : 'target met: at least 2,000 reports/s');
  }
}
