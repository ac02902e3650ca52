/**
 * Damaged input never breaks the pipeline: thousands of variants of the samples and fixtures
 * (truncated, lines shuffled or dropped, random bytes, cells deleted, tables duplicated, huge
 * lines, odd characters) in every format. Each ends as a schema-valid Report whose output paths
 * stay inside dist/, or as a ReportFileError naming the file; nothing else may be thrown.
 * Deterministic: the seed is fixed, and a failure names the variant to replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath, reportPaths } from '../../src/core/export/paths.ts';
import { Report } from '../../src/core/model/report.ts';
import { parseFile, ReportFileError } from '../../src/formats/report-file.ts';
import { cellPerLine, markdown, portalPage, spaceColumns, tabRows, wordFile } from '../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../fixtures/distinct/reports.ts';
import { sha } from '../helpers/parse.ts';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof rng>;

const samplesDir = new URL('../fixtures/samples/', import.meta.url);
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, samplesDir), 'utf8'));
const f21 = fixtureReport('2021');
const f19 = fixtureReport('2019');
const TEXTS: { ext: 'txt' | 'md' | 'html'; text: string }[] = [
  ...samples.map((text) => ({ ext: 'txt' as const, text })),
  { ext: 'txt', text: tabRows(f21) },
  { ext: 'txt', text: cellPerLine(f19) },
  { ext: 'txt', text: spaceColumns(f21) },
  { ext: 'md', text: markdown(f19) },
  { ext: 'html', text: portalPage(f21) },
];

const JUNK = ['\u0000', '\u202e', '\u200b', '\ufeff', '\ud800', '\t', '|', '\r', '<script>', '&nbsp;', '---', '**', '１２', '1,2,3', '1e9', '-', '—', '/', '99999999999999999999', '第 3 页 共 5 页', '（七）总计', '行政复议', '一、总体情况', '2023年度报告', '\u3000'];

/** Line-level damage to a text. */
const TEXT_MUTATIONS: ((t: string, r: Rng) => string)[] = [
  (t, r) => t.slice(0, r.int(t.length + 1)),
  (t, r) => {
    const lines = t.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('\n');
  },
  (t, r) => {
    const rate = r.next() * 0.6;
    return t.split('\n').filter(() => r.next() > rate).join('\n');
  },
  (t, r) =>
    t
      .split('\n')
      .map((l) => (l.includes('\t') && r.next() < 0.4 ? l.split('\t').filter(() => r.next() > 0.3).join('\t') : l))
      .join('\n'),
  (t, r) => {
    const lines = t.split('\n');
    const a = r.int(lines.length);
    const b = Math.min(lines.length, a + 1 + r.int(60));
    lines.splice(r.int(lines.length), 0, ...lines.slice(a, b));
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const huge = Array.from({ length: 10000 + r.int(50000) }, () => r.pick(['0', '1', ' ', '\t', '报', '告', '、', '（', '）', '.', '-'])).join('');
    lines.splice(r.int(lines.length), 0, huge);
    return lines.join('\n');
  },
  (t, r) => {
    let out = t;
    for (let k = 0; k < 1 + r.int(30); k++) {
      const at = r.int(out.length + 1);
      out = out.slice(0, at) + r.pick(JUNK) + out.slice(at);
    }
    return out;
  },
  (t, r) => t.replace(/\d+/g, (m) => (r.next() < 0.2 ? r.pick(['', 'x', '１２', '3.5', '-7', '1,000', '0 0', m + m]) : m)),
  (t, r) => `---\n${r.pick(['agency: [', 'year: 1800', 'id: ../x', 'sourceUrl: javascript:x', 'a: b', ':::', 'year: 2023\nagency: 某局'])}\n---\n${t}`,
];

/** Byte-level damage after encoding. */
const BYTE_MUTATIONS: ((b: Uint8Array, r: Rng) => Uint8Array)[] = [
  (b, r) => {
    const out = b.slice();
    for (let k = 0; k < 1 + r.int(20); k++) out[r.int(out.length)] = r.int(256);
    return out;
  },
  (b, r) => b.subarray(0, r.int(b.length + 1)),
  (b, r) => {
    const at = r.int(b.length + 1);
    const noise = new Uint8Array(1 + r.int(64)).map(() => r.int(256));
    return new Uint8Array([...b.subarray(0, at), ...noise, ...b.subarray(at)]);
  },
];

function encode(text: string, r: Rng): Uint8Array {
  const enc = r.pick(['utf-8', 'utf-8', 'gbk', 'utf-16le-bom', 'utf-8-bom']);
  if (enc === 'gbk') return iconv.encode(text, 'gbk');
  if (enc === 'utf-16le-bom') return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
  const bytes = new TextEncoder().encode(text);
  return enc === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

interface Outcome {
  reports: number;
  errors: number;
}

async function survive(name: string, bytes: Uint8Array, tally: Outcome, label: string): Promise<void> {
  let report: Report;
  try {
    report = (await parseFile({ name, bytes, sha256: sha(bytes) })).report;
  } catch (err) {
    if (err instanceof ReportFileError && err.file === name && err.reason.length > 0) {
      tally.errors++;
      return;
    }
    throw new Error(`${label}: threw ${(err as Error)?.stack ?? String(err)}`);
  }
  const valid = Report.safeParse(report);
  if (!valid.success) throw new Error(`${label}: not a valid Report: ${valid.error.issues[0]?.message} at ${valid.error.issues[0]?.path.join('.')}`);
  const paths = reportPaths(report);
  for (const p of [paths.dir, paths.page, paths.json, paths.original]) if (!isSafeRelativePath(p)) throw new Error(`${label}: unsafe path ${p}`);
  tally.reports++;
}

describe('fuzz: damaged reports', () => {
  it('2,500 damaged text, Markdown and HTML files: a Report or a clear file error, nothing else', async () => {
    const tally: Outcome = { reports: 0, errors: 0 };
    for (let i = 0; i < 2500; i++) {
      const r = rng(0x5eed + i);
      const base = TEXTS[i % TEXTS.length]!;
      let text = base.text;
      const n = 1 + r.int(3);
      const applied: number[] = [];
      for (let k = 0; k < n; k++) {
        const m = r.int(TEXT_MUTATIONS.length);
        applied.push(m);
        text = TEXT_MUTATIONS[m]!(text, r);
      }
      let bytes = encode(text, r);
      if (r.next() < 0.25) bytes = BYTE_MUTATIONS[r.int(BYTE_MUTATIONS.length)]!(bytes, r);
      await survive(`fuzz/${i}.${base.ext}`, bytes, tally, `variant ${i} (base ${i % TEXTS.length}, mutations ${applied.join(',')})`);
    }
    // Both outcomes occur: damage is often survivable, and undecodable bytes are refused.
    expect(tally.reports).toBeGreaterThan(1500);
    expect(tally.errors).toBeGreaterThan(200);
    expect(tally.reports + tally.errors).toBe(2500);
  });

  it('200 damaged Word files: a Report or a clear file error', async () => {
    const tally: Outcome = { reports: 0, errors: 0 };
    const docs = [await wordFile(f21), await wordFile(f19)];
    for (let i = 0; i < 200; i++) {
      const r = rng(0xd0c + i);
      const bytes = BYTE_MUTATIONS[r.int(BYTE_MUTATIONS.length)]!(docs[i % 2]!, r);
      await survive(`fuzz/${i}.docx`, bytes, tally, `docx variant ${i}`);
    }
    expect(tally.errors).toBeGreaterThan(100);
    expect(tally.reports + tally.errors).toBe(200);
  });
});
