/**
 * A build keeps its reports' briefs for the next build (src/node/brief-pack.ts): an unchanged
 * report's brief is taken from there and the report is not read; everything the build makes of
 * the archive (page ids, summary, problems, page digests, hand-off) is as a whole read makes it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefOf } from '../../../src/core/summary/report-brief.ts';
import { pageReport, readSnapshot, reportReader } from '../../../src/loader/archive-snapshot.ts';
import { pageDigests } from '../../../src/loader/page-digests.ts';
import { handoffOf } from '../../../src/loader/snapshot-handoff.ts';
import { archiveDigests } from '../../../src/node/archive-digests.ts';
import { fromColumns } from '../../../src/node/brief-columns.ts';
import { additionsFile, briefPackFile, keepBriefPack, readBriefPack, writeBriefPack } from '../../../src/node/brief-pack.ts';
import { looseBound } from '../../../src/node/loose-bound.ts';
import { ParseCache } from '../../../src/node/parse-cache.ts';
import { readArchive, type ArchiveEntry } from '../../../src/node/read-archive.ts';
import { ROOT } from '../../helpers/paths.ts';
import { SAMPLE_DIR } from '../../helpers/site-archive.ts';

const sample = readFileSync(new URL('../../fixtures/samples/001_68f00f12ba36a829.txt', import.meta.url), 'utf8');
// Without 表四's rows: an error, so its page shows the text and its entry is read whole.
const withoutTable4 = sample.split('\n').filter((_, i) => i < 76 || i >= 83).join('\n');

let tmp: string;
let reports: string;
let cache: ParseCache<never>;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-briefs-'));
  reports = join(tmp, 'reports');
  mkdirSync(join(reports, '2023'), { recursive: true });
  writeFileSync(join(reports, '2023', 'a.txt'), sample);
  writeFileSync(join(reports, '2023', 'a.meta.yaml'), 'id: sample-a\n');
  writeFileSync(join(reports, 'b.txt'), sample.replace('本机关', '本单位').replace('湛河区政务服务和大数据管理局', '湛河区财政局'));
  writeFileSync(join(reports, 'broken.txt'), withoutTable4.replace('湛河区政务服务和大数据管理局', '湛河区教育局'));
  writeFileSync(join(reports, 'notes.txt'), '随手记，不是年度报告\n');
  cache = new ParseCache<never>(join(tmp, 'cache'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const read = (options: { digests?: boolean; registryDigest?: string; workers?: number; workersFrom?: number } = {}) =>
  readArchive(reports, { cache, keepBriefs: true, registryDigest: options.registryDigest, workers: options.workers, workersFrom: options.workersFrom, ...(options.digests === false ? {} : { digests: archiveDigests(reports).files }) });
const byFile = (entries: ArchiveEntry[]) => Object.fromEntries(entries.map((e) => [e.file, e]));
const withoutReport = (entries: ArchiveEntry[]) => entries.map(({ report: _, ...rest }) => rest);
const packFile = () => briefPackFile(cache.dir, reports);
const additions = () => additionsFile(packFile());
/** One file of the pack as it is written (columns of briefs, src/node/brief-columns.ts). */
const readMap = (file: string) => fromColumns(deserialize(readFileSync(file)))!;

describe('readArchive keeping briefs', () => {
  it("takes an unchanged report's brief from the last read's pack instead of reading the report", async () => {
    const first = await read();
    expect(first.every((e) => e.report !== null)).toBe(true);
    expect(byFile(first)['2023/a.txt']!.brief).toEqual(briefOf(byFile(first)['2023/a.txt']!.report!));
    expect([...readBriefPack(packFile()).values()].map((b) => b.source.file).sort()).toEqual(['2023/a.txt', 'b.txt']);

    const hits = cache.hits;
    const second = await read();
    const entries = byFile(second);
    expect(entries['2023/a.txt']!.report).toBeNull();
    expect(entries['b.txt']!.report).toBeNull();
    expect(entries['2023/a.txt']!.brief!.id).toBe('sample-a');
    // The report with an error (its page shows its text) and the file that is no report are read whole.
    expect(entries['broken.txt']!.report!.diagnostics.some((d) => d.level === 'error')).toBe(true);
    expect(entries['broken.txt']!.rawText).toContain('湛河区教育局');
    expect(entries['notes.txt']!.error).not.toBeNull();
    expect(cache.hits - hits).toBe(2);
    // Everything but the reports themselves is as the first read gave it.
    expect(withoutReport(second)).toEqual(withoutReport(first));
  });

  it('reads a changed file whole and keeps its new brief for the next read', async () => {
    await read();
    writeFileSync(join(reports, 'b.txt'), sample.replace('本机关', '本部门').replace('湛河区政务服务和大数据管理局', '湛河区财政局'));
    const changed = byFile(await read());
    expect(changed['b.txt']!.report).not.toBeNull();
    expect(changed['b.txt']!.brief).toEqual(briefOf(changed['b.txt']!.report!));
    expect(changed['2023/a.txt']!.report).toBeNull();
    const next = byFile(await read());
    expect(next['b.txt']!.report).toBeNull();
    expect(next['b.txt']!.brief).toEqual(changed['b.txt']!.brief);
    expect(next['b.txt']!.sha256).toBe(changed['b.txt']!.sha256);
  });

  it('writes the pack whole once, then only the briefs a read adds, beside it', async () => {
    await read();
    const written = statSync(packFile()).ino;
    expect(existsSync(additions())).toBe(false);
    await read();
    // Written whole under a new name and renamed over: the same inode means not written again.
    expect(statSync(packFile()).ino).toBe(written);
    expect(existsSync(additions())).toBe(false);
    writeFileSync(join(reports, 'b.txt'), sample.replace('本机关', '本部门').replace('湛河区政务服务和大数据管理局', '湛河区财政局'));
    const changed = byFile(await read());
    expect(statSync(packFile()).ino).toBe(written);
    // The new brief beside the pack; the pack as read holds both, the old one until it is written whole.
    expect([...readMap(additions()).values()]).toEqual([changed['b.txt']!.brief]);
    expect([...readBriefPack(packFile()).values()].map((b) => b.source.file).sort()).toEqual(['2023/a.txt', 'b.txt', 'b.txt']);
    const next = byFile(await read());
    expect(next['b.txt']!.report).toBeNull();
    expect(next['b.txt']!.brief).toEqual(changed['b.txt']!.brief);
    expect(statSync(packFile()).ino).toBe(written);
  });

  it('leaves the pack alone when a file goes, within the bound', async () => {
    await read();
    const written = statSync(packFile()).ino;
    rmSync(join(reports, 'b.txt'));
    const entries = await read();
    expect(entries.map((e) => e.file)).toEqual(['2023/a.txt', 'broken.txt', 'notes.txt']);
    expect(statSync(packFile()).ino).toBe(written);
    expect(existsSync(additions())).toBe(false);
  });

  it('writes the pack whole when the additions or the briefs of files gone pass the bound', async () => {
    const [a, b] = (await read()).filter((e) => e.brief && !e.error).map((e) => e.brief!);
    const file = join(tmp, 'pack.v8');
    const briefs = (keys: string[]) => new Map(keys.map((k) => [k, k === 'a' ? a! : b!]));
    await writeBriefPack(file, briefs(['a', 'b']));
    // One added, one gone: both within a bound of one.
    await keepBriefPack(file, briefs(['a', 'c']), readBriefPack(file), 1);
    expect([...readMap(additionsFile(file)).keys()]).toEqual(['c']);
    expect([...readMap(file).keys()]).toEqual(['a', 'b']);
    expect([...readBriefPack(file).keys()]).toEqual(['a', 'b', 'c']);
    // Two added since the pack was written whole: past the bound.
    await keepBriefPack(file, briefs(['a', 'c', 'd']), readBriefPack(file), 1);
    expect([...readMap(file).keys()]).toEqual(['a', 'c', 'd']);
    expect(existsSync(additionsFile(file))).toBe(false);
    // Two gone, none added: past the bound too.
    await keepBriefPack(file, briefs(['a']), readBriefPack(file), 1);
    expect([...readBriefPack(file).keys()]).toEqual(['a']);
    // An addition whose file went is not carried over into the next additions.
    await keepBriefPack(file, briefs(['a', 'e']), readBriefPack(file), 1);
    await keepBriefPack(file, briefs(['a', 'f']), readBriefPack(file), 2);
    expect([...readMap(additionsFile(file)).keys()]).toEqual(['f']);
    expect([...readBriefPack(file).keys()]).toEqual(['a', 'f']);
  });

  it('bounds the additions by a twentieth of the archive, and at least 64', () => {
    expect(looseBound(10)).toBe(64);
    expect(looseBound(50_000)).toBe(2_500);
  });

  it('hands the write of the pack to keepLater when given one, and the next read takes the briefs it wrote', async () => {
    await read();
    rmSync(packFile());
    const writes: (() => Promise<void>)[] = [];
    const entries = await readArchive(reports, { cache, keepBriefs: true, digests: archiveDigests(reports).files, keepLater: (write) => writes.push(write) });
    // Not written by the read itself: once the write handed over runs.
    expect(writes).toHaveLength(1);
    expect(() => statSync(packFile())).toThrow();
    await writes[0]!();
    expect([...readBriefPack(packFile()).values()].map((b) => b.source.file).sort()).toEqual(['2023/a.txt', 'b.txt']);
    expect(byFile(entries)['b.txt']!.report).not.toBeNull();
    const next = byFile(await read());
    expect(next['b.txt']!.report).toBeNull();
    expect(next['b.txt']!.brief).toEqual(byFile(entries)['b.txt']!.brief);
  });

  it('misses when the registry or a sidecar differs: a key names the very file the brief was made of', async () => {
    await read();
    const other = byFile(await read({ registryDigest: 'another registry' }));
    expect(other['2023/a.txt']!.report).not.toBeNull();
    writeFileSync(join(reports, '2023', 'a.meta.yaml'), 'id: sample-renamed\n');
    const renamed = byFile(await read());
    expect(renamed['2023/a.txt']!.report).not.toBeNull();
    expect(renamed['2023/a.txt']!.brief!.id).toBe('sample-renamed');
  });

  it('removes the JSON pack an earlier version kept beside it when it writes its own', async () => {
    const earlier = packFile().replace(/\.v8$/, '.json');
    expect(earlier).not.toBe(packFile());
    mkdirSync(join(cache.dir, 'briefs'), { recursive: true });
    writeFileSync(earlier, '{}');
    await read();
    expect(statSync(earlier, { throwIfNoEntry: false })).toBeUndefined();
    expect(readBriefPack(packFile()).size).toBe(2);
  });

  it('treats a pack it cannot read as empty, and writes a good one', async () => {
    const whole = await read();
    // Bytes that are no pack, a JSON pack of earlier versions, V8's form of something else, the
    // Map of briefs earlier versions wrote.
    const earlierMap = serialize(new Map([...readBriefPack(packFile())]));
    for (const text of ['{', 'null', '[]', JSON.stringify({ key: { id: 'x' } }), serialize([1, 2]), serialize({ key: 1 }), earlierMap]) {
      writeFileSync(packFile(), text);
      const again = await read();
      expect(again.filter((e) => e.report).length).toBe(4);
      expect(again).toEqual(whole);
      expect(readBriefPack(packFile()).size).toBe(2);
    }
  });

  it('counts additions it cannot read as none, and takes the briefs of the pack', async () => {
    const whole = await read();
    for (const text of ['{', serialize([1, 2])]) {
      writeFileSync(additions(), text);
      const again = await read();
      expect(again.filter((e) => e.report).map((e) => e.file)).toEqual(['broken.txt', 'notes.txt']);
      expect(withoutReport(again)).toEqual(withoutReport(whole));
    }
  });

  it('uses no pack when a key is not known without reading the file (no digests)', async () => {
    await read();
    const plain = await read({ digests: false });
    expect(plain.filter((e) => e.report).length).toBe(4);
  });

  it('writes the pack after a parse on workers, and counts a brief in it as cached', async () => {
    const parsed = await read({ workers: 2, workersFrom: 1 });
    expect(readBriefPack(packFile()).size).toBe(2);
    // The parse cache is gone but the pack is not: two files to parse (the one with an error and
    // the note), not four, so no workers for three; the two reports are not parsed again.
    for (const d of readdirSync(cache.dir)) if (d !== 'briefs') rmSync(join(cache.dir, d), { recursive: true });
    const again = await read({ workers: 2, workersFrom: 3 });
    expect(again.filter((e) => e.report).map((e) => e.file)).toEqual(['broken.txt', 'notes.txt']);
    expect(withoutReport(again)).toEqual(withoutReport(parsed));
  });
});

describe('readSnapshot keeping briefs', () => {
  it('makes of the archive what a whole read makes, and reads a kept report back for its page', async () => {
    const dir = join(tmp, 'samples');
    cpSync(SAMPLE_DIR, dir, { recursive: true });
    const env = { ...process.env, REPORTS_DIR: dir, AGENCIES_FILE: join(ROOT, 'content', 'agencies.yaml'), XXGK_CACHE_DIR: join(tmp, 'snapshot-cache') };
    const saved = process.env.XXGK_CACHE_DIR;
    process.env.XXGK_CACHE_DIR = env.XXGK_CACHE_DIR;
    try {
      const whole = await readSnapshot(env);
      const digests = archiveDigests(dir).files;
      await readSnapshot(env, { keepBriefs: true, digests, checks: 'failing' });
      const kept = await readSnapshot(env, { keepBriefs: true, digests, checks: 'failing' });
      expect(kept.reports.length).toBe(whole.reports.length);
      expect(kept.reports.every((p) => p.report === null)).toBe(true);
      expect(kept.overview).toEqual(whole.overview);
      expect(kept.reports.map((p) => p.brief)).toEqual(whole.reports.map((p) => briefOf(p.report)));
      expect(pageDigests(kept)).toEqual(pageDigests(whole));
      expect(handoffOf(kept)).toEqual(handoffOf(whole));
      const readAgain = reportReader(dir, env);
      for (const [i, page] of kept.reports.entries()) expect(await pageReport(page, readAgain)).toEqual(whole.reports[i]!.report);
    } finally {
      if (saved === undefined) delete process.env.XXGK_CACHE_DIR;
      else process.env.XXGK_CACHE_DIR = saved;
    }
  });
});
