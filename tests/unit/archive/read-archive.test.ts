/**
 * The archive folder as a whole: every file is an entry (a report or an error naming it), sidecars
 * belong to their report, and two files claiming one id or one agency and year are errors naming
 * both files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveProblems } from '../../../src/core/archive/archive-checks.ts';
import { ParseCache } from '../../../src/node/parse-cache.ts';
import { archiveDigests } from '../../../src/node/archive-digests.ts';
import { listArchiveFiles, listDigestedFiles, readArchive } from '../../../src/node/read-archive.ts';
import { readReport } from '../../../src/node/read-report.ts';
import { portalPage, tabRows, wordFile } from '../../fixtures/distinct/layouts.ts';
import { fixtureReport } from '../../fixtures/distinct/reports.ts';

const f = fixtureReport('2021');
const f19 = fixtureReport('2019');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-archive-'));
  mkdirSync(join(dir, '2023'));
  writeFileSync(join(dir, '2023', 'report.docx'), await wordFile(f));
  writeFileSync(join(dir, '2023', 'report.meta.yaml'), 'id: 2023-word\nsourceUrl: https://www.example.gov.cn/w.docx\n');
  writeFileSync(join(dir, '2023', 'page.htm'), iconv.encode(portalPage(f), 'gbk'));
  writeFileSync(join(dir, '2019.txt'), tabRows(f19));
  writeFileSync(join(dir, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
  writeFileSync(join(dir, 'big5.txt'), iconv.encode(readFileSync(new URL('../../fixtures/samples/001_68f00f12ba36a829.txt', import.meta.url), 'utf8'), 'big5'));
  writeFileSync(join(dir, 'notes.md'), '# 随手记\n\n没有报告。\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listArchiveFiles, listDigestedFiles', () => {
  it('lists every file under the folder but hidden ones, sidecars and READMEs, sorted, as path.join names them', () => {
    const root = mkdtempSync(join(tmpdir(), 'xxgk-list-'));
    try {
      const files = ['2023/a.txt', '2023/a.meta.yaml', '2023/b.meta.yml', '2023/sub/c.html', 'README.md', '2023/readme.txt', 'README', '.hidden.txt', '.git/config', '2023/.cache/x.txt', 'z.docx', 'notes.md'];
      for (const file of files) {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), file);
      }
      symlinkSync(join(root, 'z.docx'), join(root, 'linked.docx'));
      const expected = ['2023/a.txt', '2023/sub/c.html', 'linked.docx', 'notes.md', 'z.docx'].map((file) => join(root, file));
      expect(listArchiveFiles(root)).toEqual(expected);
      // A folder named with a final slash or a relative path: the same files, named as path.join names them.
      expect(listArchiveFiles(`${root}/`)).toEqual(expected);
      const rel = relative(process.cwd(), root);
      expect(listArchiveFiles(rel)).toEqual(expected.map((p) => relative(process.cwd(), p)));
      // The build's digests list the same files, named the same way: the read takes them from there.
      const digests = archiveDigests(root).files;
      expect(listDigestedFiles(root, digests)).toEqual(expected);
      expect(listDigestedFiles(`${root}/`, digests)).toEqual(expected);
      expect(listDigestedFiles(rel, digests)).toEqual(expected.map((p) => relative(process.cwd(), p)));
      // Digests not in name order are sorted.
      expect(listDigestedFiles(root, new Map([...digests].reverse()))).toEqual(expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ParseCache', () => {
  it('reads a head longer than its read buffer whole, with or without a tail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cache-long-'));
    try {
      const cache = new ParseCache<{ text: string }, number[]>(join(dir, 'cache'));
      const long = '长'.repeat(40_000); // 120 KB of UTF-8, beyond the 64 KB a head read takes at once
      const [withTail, without, short] = ['a', 'b', 'c'].map((k) => cache.key(k));
      cache.setSoon(withTail!, { text: long }, [1, 2]);
      cache.setSoon(without!, { text: long });
      cache.setSoon(short!, { text: '短' }, [3]);
      await cache.flush();
      expect(cache.get(withTail!)).toEqual({ text: long });
      expect(cache.get(without!)).toEqual({ text: long });
      expect(cache.getWhole(withTail!)).toEqual({ head: { text: long }, tail: [1, 2] });
      // Read one after another through the same buffer: no head carries another's bytes.
      expect([cache.get(short!), cache.get(withTail!), cache.get(short!)]).toEqual([{ text: '短' }, { text: long }, { text: '短' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes what is set soon by the time flush settles, head and tail, and fails flush when a write failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cache-soon-'));
    try {
      const cache = new ParseCache<{ n: number }, number[]>(join(dir, 'cache'));
      const keys = [1, 2, 3].map((n) => cache.key(`file-${n}`));
      keys.forEach((k, i) => cache.setSoon(k, { n: i }, i === 2 ? undefined : [i, i + 1]));
      await cache.flush();
      expect(keys.map((k) => cache.get(k))).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
      expect(cache.getWhole(keys[0]!)).toEqual({ head: { n: 0 }, tail: [0, 1] });
      // An entry without a tail is a miss for a whole read.
      expect(cache.getWhole(keys[2]!)).toBeUndefined();
      // No temporary file is left beside the entries.
      expect((readdirSync(join(dir, 'cache'), { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // A file where the cache folder should be: the write fails, and flush says so.
      writeFileSync(join(dir, 'blocked'), '');
      const blocked = new ParseCache<{ n: number }>(join(dir, 'blocked'));
      blocked.setSoon(keys[0]!, { n: 0 });
      await expect(blocked.flush()).rejects.toThrow(/blocked/);
      await blocked.flush();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readArchive', () => {
  it('names each file by its path inside the folder however the folder is written (trailing slash, relative), and leaves sidecars out', async () => {
    const files = (await readArchive(dir, { cache: null })).map((e) => e.file);
    expect(files).toEqual(['2019.txt', '2023/page.htm', '2023/report.docx', 'big5.txt', 'notes.md', 'old.doc']);
    expect((await readArchive(`${dir}/`, { cache: null })).map((e) => e.file)).toEqual(files);
    expect((await readArchive(relative(process.cwd(), dir), { cache: null })).map((e) => e.file)).toEqual(files);
  });

  it('parses on worker threads when many files are new, with the same entries in the same order, and fills the cache', async () => {
    const big = mkdtempSync(join(tmpdir(), 'xxgk-archive-workers-'));
    try {
      const samples = ['000_5118e96f53a3c514.txt', '001_68f00f12ba36a829.txt', '002_485bb66b608aa965.txt'].map((n) => readFileSync(new URL(`../../fixtures/samples/${n}`, import.meta.url)));
      for (let i = 0; i < 210; i++) writeFileSync(join(big, `r${String(i).padStart(3, '0')}.txt`), samples[i % samples.length]!);
      writeFileSync(join(big, 'notes.md'), '# 随手记\n');
      writeFileSync(join(big, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
      const sequential = await readArchive(big, { cache: null });
      const cache = new ParseCache<never>(join(big, '.cache'));
      const parallel = await readArchive(big, { cache, workers: 2, workersFrom: 200 });
      expect(parallel).toEqual(sequential);
      expect(parallel.map((e) => e.file)[0]).toBe('notes.md');
      expect(parallel.filter((e) => e.report && !e.error)).toHaveLength(210);
      // The workers parsed and cached (this thread neither read nor missed the cache)…
      expect([cache.hits, cache.misses]).toEqual([0, 0]);
      // …so the next read finds every file in the cache and parses here.
      const again = await readArchive(big, { cache, workers: 2, workersFrom: 200 });
      expect(again).toEqual(sequential);
      expect(sequential).toHaveLength(212);
      expect([cache.hits, cache.misses]).toEqual([212, 0]);
      // By default 212 new files are too few for workers (each loads the parser anew): parsed here.
      const small = new ParseCache<never>(join(big, '.cache-default'));
      expect(await readArchive(big, { cache: small, workers: 2 })).toEqual(sequential);
      expect([small.hits, small.misses]).toEqual([0, 212]);
      // Again, all cached: the keys read while counting what is new find every entry.
      expect(await readArchive(big, { cache: small, workers: 2 })).toEqual(sequential);
      expect([small.hits, small.misses]).toEqual([212, 212]);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('reads cached reports whole, or with only their failing checks when asked so', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'xxgk-archive-checks-'));
    const samples = join(cacheDir, 'reports');
    mkdirSync(samples);
    const text = readFileSync(new URL('../../fixtures/samples/001_68f00f12ba36a829.txt', import.meta.url), 'utf8');
    writeFileSync(join(samples, 'balanced.txt'), text);
    // 一、本年新收 says 5 in the total column while its parts add up to 0: checks fail.
    writeFileSync(join(samples, 'unbalanced.txt'), text.replace(/^(一、本年新收政府信息公开申请数量\t\t)0/m, '$15'));
    try {
      const parsed = await readArchive(samples, { cache: null });
      const checks = parsed.flatMap((e) => e.report?.checks ?? []);
      // The samples have both, or the test would prove nothing.
      expect(checks.some((c) => c.ok) && checks.some((c) => !c.ok)).toBe(true);
      const cache = new ParseCache<never>(join(cacheDir, 'cache'));
      expect(await readArchive(samples, { cache })).toEqual(parsed);
      expect(await readArchive(samples, { cache })).toEqual(parsed);
      expect([cache.hits, cache.misses]).toEqual([2, 2]);
      const failing = await readArchive(samples, { cache, checks: 'failing' });
      expect(failing).toEqual(parsed.map((e) => (e.report ? { ...e, report: { ...e.report, checks: e.report.checks.filter((c) => !c.ok) } } : e)));
      // Each entry is one file: the report with its failing checks, a line end, then all its checks.
      const entryFiles = () => (readdirSync(join(cacheDir, 'cache'), { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).map((f) => join(cacheDir, 'cache', f));
      expect(entryFiles()).toHaveLength(2);
      for (const f of entryFiles()) {
        const [head, tail, more] = readFileSync(f, 'utf8').split('\n');
        expect(more).toBeUndefined();
        const entry = JSON.parse(head!) as { report: { source: { file: string }; checks: { ok: boolean }[] } };
        const whole = parsed.find((e) => e.report?.source.file === entry.report.source.file)!;
        expect(JSON.parse(tail!)).toEqual(whole.report!.checks);
        expect(entry.report.checks.every((c) => !c.ok)).toBe(true);
      }
      // An entry that lost its checks is a miss for a whole read: parsed and cached again, whole.
      for (const f of entryFiles()) writeFileSync(f, readFileSync(f, 'utf8').split('\n')[0]!);
      expect(await readArchive(samples, { cache, checks: 'failing' })).toEqual(failing);
      const before = [cache.hits, cache.misses];
      expect(await readArchive(samples, { cache })).toEqual(parsed);
      expect([cache.hits - before[0]!, cache.misses - before[1]!]).toEqual([0, 2]);
      for (const f of entryFiles()) expect(readFileSync(f, 'utf8').split('\n')).toHaveLength(2);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('makes every file an entry, in name order, sidecars excluded', async () => {
    const entries = await readArchive(dir, { cache: null });
    expect(entries.map((e) => e.file)).toEqual(['2019.txt', '2023/page.htm', '2023/report.docx', 'big5.txt', 'notes.md', 'old.doc']);
    const byFile = Object.fromEntries(entries.map((e) => [e.file, e]));
    expect(byFile['2023/report.docx']!.report).toMatchObject({ id: '2023-word', sourceUrl: 'https://www.example.gov.cn/w.docx', source: { format: 'docx', layout: 'docx-table' } });
    expect(byFile['2023/page.htm']!.report).toMatchObject({ source: { format: 'html', encoding: 'gb18030', file: '2023/page.htm' }, requests: f.expected.requests });
    expect(byFile['2019.txt']!.report).toMatchObject({ template: '2019', proactive: f19.expected.proactive });
    expect(byFile['old.doc']!.error!.message).toContain('另存为 .docx');
    expect(byFile['big5.txt']!.error!.message).toContain('Big5');
    expect(byFile['notes.md']!.error!.message).toContain('没有可识别的年度报告');
    expect(byFile['notes.md']!.rawText).toContain('随手记');
    for (const e of entries) expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports two files of one agency and year as errors naming both', async () => {
    const entries = await readArchive(dir, { cache: null });
    const reports = entries.flatMap((e) => (e.report && !e.error ? [e.report] : []));
    const problems = archiveProblems(reports).filter((p) => p.kind === 'duplicate-agency-year');
    expect(problems.map((p) => [p.file, p.other])).toEqual([
      ['2023/page.htm', '2023/report.docx'],
      ['2023/report.docx', '2023/page.htm'],
    ]);
    expect(problems[0]!.message).toBe(`2023/page.htm、2023/report.docx 都是“${f.agency}”2023 年度的报告`);
  });

  it('reports two files that give the same id as errors naming both', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-dup-'));
    try {
      writeFileSync(join(sub, 'a.txt'), tabRows(f));
      writeFileSync(join(sub, 'b.md'), tabRows(f));
      const reports = (await readArchive(sub, { cache: null })).map((e) => e.report!);
      const problems = archiveProblems(reports);
      expect(problems.map((p) => [p.kind, p.file, p.other])).toEqual([
        ['duplicate-id', 'a.txt', 'b.md'],
        ['duplicate-id', 'b.md', 'a.txt'],
      ]);
      expect(problems[0]!.message).toContain('a.txt、b.md 得出同一编号');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('makes a link to a folder, and a link to nothing, problem files naming them, and reads the rest', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-archive-links-'));
    try {
      writeFileSync(join(sub, '2019.txt'), tabRows(f19));
      mkdirSync(join(sub, 'elsewhere'));
      symlinkSync(join(sub, 'elsewhere'), join(sub, 'to-folder'));
      symlinkSync(join(sub, 'gone.txt'), join(sub, 'dangling.txt'));
      const entries = await readArchive(sub, { cache: null });
      const byFile = Object.fromEntries(entries.map((e) => [e.file, e]));
      expect(Object.keys(byFile).sort()).toEqual(['2019.txt', 'dangling.txt', 'to-folder']);
      expect(byFile['2019.txt']!.error).toBeNull();
      expect(byFile['to-folder']!.error!.message).toMatch(/^无法读取文件：EISDIR/);
      expect(byFile['dangling.txt']!.error!.message).toMatch(/^无法读取文件：ENOENT/);
      expect(byFile['dangling.txt']!.report).toBeNull();
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('makes a pipe a problem file naming it, without waiting for a writer, as the build reads the folder and as it reads the digests', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-archive-pipe-'));
    try {
      writeFileSync(join(sub, '2019.txt'), tabRows(f19));
      // A pipe with nobody writing: reading it as a file would wait for ever.
      execFileSync('mkfifo', [join(sub, 'pipe.txt')]);
      for (const digests of [undefined, archiveDigests(sub).files]) {
        const entries = await readArchive(sub, { cache: null, digests });
        expect(entries.map((e) => [e.file, e.error?.message ?? null])).toEqual([
          ['2019.txt', null],
          ['pipe.txt', '不是普通文件（管道、套接字或设备），不能作为报告读取'],
        ]);
      }
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('makes a report whose sidecar is a folder, a link to one or a link to nothing a problem file naming the sidecar, not a report without its metadata', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-archive-sidecar-'));
    try {
      for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(sub, `${name}.txt`), tabRows(f19));
      mkdirSync(join(sub, 'elsewhere'));
      symlinkSync(join(sub, 'elsewhere'), join(sub, 'a.meta.yaml'));
      symlinkSync(join(sub, 'gone.yaml'), join(sub, 'b.meta.yaml'));
      writeFileSync(join(sub, 'd.meta.yaml'), 'id: 2019-with-sidecar\n');
      const first = await readArchive(sub, { cache: null });
      const byFile = Object.fromEntries(first.map((e) => [e.file, e]));
      // The sidecars are not entries of their own; each report names its own.
      expect(Object.keys(byFile).sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
      expect(byFile['a.txt']!.report).toBeNull();
      expect(byFile['a.txt']!.error!.message).toBe('元数据文件 a.meta.yaml 不是普通文件（是文件夹，或是指向文件夹或不存在之处的链接），无法读取；请改为 YAML 文件或删除它');
      expect(byFile['a.txt']!.error!.line).toBeNull();
      expect(byFile['b.txt']!.error!.message).toMatch(/^元数据文件 b\.meta\.yaml 不是普通文件/);
      // Without a sidecar, and with a sidecar that is a file, the report reads as ever.
      expect(byFile['c.txt']!.error).toBeNull();
      expect(byFile['d.txt']!.error).toBeNull();
      expect(byFile['d.txt']!.report!.id).toBe('2019-with-sidecar');
      // Through the parse cache too: a link put beside a report already cached without a sidecar
      // is part of its key, so the report is read anew and not taken from the cache.
      const cache = new ParseCache<never, never>(join(sub, '.cache'));
      expect((await readArchive(sub, { cache: cache as never })).find((e) => e.file === 'c.txt')!.error).toBeNull();
      symlinkSync(join(sub, 'elsewhere'), join(sub, 'c.meta.yaml'));
      expect((await readArchive(sub, { cache: cache as never })).find((e) => e.file === 'c.txt')!.error!.message).toMatch(/^元数据文件 c\.meta\.yaml 不是普通文件/);
      // And a file put in the link's place is read as the sidecar.
      rmSync(join(sub, 'a.meta.yaml'));
      writeFileSync(join(sub, 'a.meta.yaml'), 'id: 2019-fixed\n');
      const fixed = (await readArchive(sub, { cache: cache as never })).find((e) => e.file === 'a.txt')!;
      expect(fixed.error).toBeNull();
      expect(fixed.report!.id).toBe('2019-fixed');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('readReport names the file that cannot be read', async () => {
    await expect(readReport(join(dir, 'missing.txt'), { root: dir })).rejects.toThrow(/^missing\.txt: 无法读取文件/);
  });
});
