/**
 * The content-layer loaders, run against an in-memory store the way Astro runs them: what each
 * collection holds for a mixed archive, that an unchanged report is not validated again, that
 * removed files leave the store, and STRICT=1.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '../../../src/core/model/report.ts';
import { invalidateSnapshot, readSnapshot, takeSnapshotPart } from '../../../src/loader/archive-snapshot.ts';
import { handoffOf, writeHandoff } from '../../../src/loader/snapshot-handoff.ts';
import { renderOnly, setRenderOnly } from '../../../src/site/render-only.ts';
import { archiveFilesLoader, archiveLoader, reportsLoader } from '../../../src/loader/reports-loader.ts';
import { ReportListing, type StoredAt } from '../../../src/loader/report-listing.ts';
import { changesFile, inIdOrder, readIndexFiles, readReportIndex, REPORT_INDEX_ENTRY, ReportIndexEntry, ReportIndexRef, writeReportIndex } from '../../../src/loader/report-index.ts';
import { readStoredListings, readStoredReport } from '../../../src/loader/report-store.ts';
import { ROOT } from '../../helpers/paths.ts';
import { writeMixedArchive } from '../../helpers/site-archive.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
  body?: string;
}

function fakeContext(collection: string, store: Map<string, Stored>, log: string[], validated: string[]): LoaderContext {
  return {
    collection,
    store: {
      get: (id: string) => store.get(id),
      set: (e: Stored) => {
        if (e.digest && store.get(e.id)?.digest === e.digest) return false;
        store.set(e.id, e);
        return true;
      },
      keys: () => [...store.keys()],
      values: () => [...store.values()],
      entries: () => [...store.entries()],
      delete: (id: string) => void store.delete(id),
      clear: () => store.clear(),
      has: (id: string) => store.has(id),
    },
    meta: new Map(),
    logger: { info: (m: string) => log.push(`info ${m}`), warn: (m: string) => log.push(`warn ${m}`), error: (m: string) => log.push(`error ${m}`), debug: () => {} },
    config: { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(`${tmp}/astro/`) },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      validated.push(id);
      return data;
    },
    generateDigest: (data: unknown) => createHash('sha1').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex'),
    renderMarkdown: async () => ({ html: '' }),
  } as unknown as LoaderContext;
}

/** The report index that the `reports` collection's one entry names, by page id. */
function indexed(store: Map<string, Stored>): Map<string, ReportIndexEntry> {
  expect([...store.keys()]).toEqual([REPORT_INDEX_ENTRY]);
  const ref = store.get(REPORT_INDEX_ENTRY)!.data as ReportIndexRef;
  return new Map(readIndexFiles(resolve(ROOT, ref.index)).reports.map((r) => [r.id, r]));
}
/** The reports a load stored (read, validated and written) anew: those whose place in the store is not the one they had. */
const storedAnew = (before: Map<string, ReportIndexEntry>, after: Map<string, ReportIndexEntry>) =>
  [...after].filter(([id, r]) => JSON.stringify(before.get(id)?.stored) !== JSON.stringify(r.stored)).map(([id]) => id).sort();
/** The whole Report an index entry points at. */
const reportOf = (r: ReportIndexEntry) => readStoredReport(ROOT, r.stored);
/** The packs in the store (the index lives beside them). */
const packsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pack'));
/** Bytes a report takes in its pack: its CSV row, JSON and listing. */
const packBytes = (a: StoredAt) => a.csvBytes + a.jsonBytes + a.listingBytes;

let tmp: string;
const env = { ...process.env };
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-loader-'));
  await writeMixedArchive(join(tmp, 'reports'));
  process.env.REPORTS_DIR = join(tmp, 'reports');
  process.env.AGENCIES_FILE = join(ROOT, 'content', 'agencies.yaml');
  process.env.XXGK_CACHE_DIR = join(tmp, 'cache');
});
afterAll(() => {
  process.env = env;
  invalidateSnapshot();
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  invalidateSnapshot();
  delete process.env.STRICT;
});

async function loadAll() {
  const stores = { reports: new Map<string, Stored>(), archiveFiles: new Map<string, Stored>(), archive: new Map<string, Stored>() };
  const log: string[] = [];
  const validated: string[] = [];
  await reportsLoader().load(fakeContext('reports', stores.reports, log, validated));
  await archiveFilesLoader().load(fakeContext('archiveFiles', stores.archiveFiles, log, validated));
  await archiveLoader().load(fakeContext('archive', stores.archive, log, validated));
  return { stores, log, validated };
}

describe('reportsLoader', () => {
  it('indexes every recognised report under its page id, and stores its listing and whole Report, valid against their schemas', async () => {
    const { stores, validated } = await loadAll();
    // One collection entry, naming the index: the data store does not grow with the archive.
    expect(validated.filter((id) => id === REPORT_INDEX_ENTRY)).toHaveLength(1);
    const ref = stores.reports.get(REPORT_INDEX_ENTRY)!;
    expect(ReportIndexRef.safeParse(ref.data).success).toBe(true);
    expect(ref.data).toMatchObject({ index: relative(ROOT, join(tmp, 'astro', 'xxgk-reports', 'index.v8')), reports: 10 });
    expect(ref.digest).toBe(ref.data.digest);
    const index = indexed(stores.reports);
    expect([...index.keys()].sort()).toEqual([
      '2019-caidianqujiubanceshiju',
      '2021-qiaokou-dashuju-zhongxin',
      '2022-qiaokou-jiguan-shiwu',
      '2023-donghu-zhengwu-dashuju',
      `2023-donghu-zhengwu-dashuju-${reportOf(index.get('2023-donghu-zhengwu-dashuju')!).source.sha256.slice(0, 8)}`,
      '2023-jiangxiaqushujuceshiju',
      '2023-qiaokou-dashuju-zhongxin',
      '2023-qiaokou-qiye-fuwu',
      '2023-zhanhe-zhengwu-dashuju',
      '2024-jiangxiaqushujuceshiju',
    ].sort());
    const entries = [...index.values()];
    const listings = readStoredListings(ROOT, entries.map((r) => r.stored));
    for (const [i, r] of entries.entries()) {
      // The index says where the store keeps the report (its pack has the whole report and its
      // listing), and its body's slug and its year, by which pages find a body's or a year's reports.
      expect(ReportIndexEntry.safeParse(r).success).toBe(true);
      expect(Object.keys(r)).toEqual(['id', 'agencySlug', 'year', 'digest', 'stored', 'filePath', 'rawText']);
      expect(r.stored.pack.startsWith('/')).toBe(false);
      const listing = listings[i]!;
      expect(ReportListing.safeParse(listing).success).toBe(true);
      expect(listing).not.toHaveProperty('sections');
      const report = readStoredReport(ROOT, r.stored);
      expect(Report.safeParse(report).success).toBe(true);
      expect(report.id).toBe(r.id);
      expect(listing.failing).toEqual(report.checks.filter((c) => !c.ok));
      expect(listing.diagnostics).toEqual(report.diagnostics);
      expect(listing.figures.received).toBe(report.requests.newReceived.total);
      expect(r.agencySlug).toBe(report.agencySlug);
      expect(r.year).toBe(report.year);
      // Relative to the project root (Astro's rule), and it leads to the file.
      expect(r.filePath.startsWith('/')).toBe(false);
      expect(resolve(ROOT, r.filePath)).toBe(join(tmp, 'reports', report.source.file));
      expect(listing.source).toEqual(report.source);
      expect(listing.id).toBe(r.id);
      expect(r.digest).toMatch(/^[0-9a-f]+$/);
    }
    const donghu = reportOf(index.get('2023-donghu-zhengwu-dashuju')!);
    expect([donghu.proactive.licensing, donghu.requests.unableToProvide.notHeld.total]).toEqual([112341, 18]);
  });

  it('hands the index it wrote to the readers in its process, which read the file again once it changed', async () => {
    const { stores } = await loadAll();
    const file = resolve(ROOT, (stores.reports.get(REPORT_INDEX_ENTRY)!.data as ReportIndexRef).index);
    const fromFile = readIndexFiles(file).reports;
    // What the recipes and the pages get: the loader's own entries (not parsed again), equal to the file's.
    const kept = readReportIndex(file)!;
    expect(kept).toEqual(fromFile);
    expect(readReportIndex(file)).toBe(kept);
    // Another index written over it (another process, another build): read from the file.
    const other = fromFile.slice(0, 3);
    writeReportIndex(file, other, readIndexFiles(file));
    // Seven entries fewer: written as changes beside the index, which stays as it was.
    expect(existsSync(changesFile(file))).toBe(true);
    const read = readReportIndex(file)!;
    expect(read).not.toBe(kept);
    expect(read).toEqual(other);
    // Another file: read, not the kept one; none there: null.
    expect(readReportIndex(join(tmp, 'elsewhere.json'))).toBeNull();
    // The next load keeps its own index again (it stored the seven reports the other index lacked anew).
    await loadAll();
    const again = readReportIndex(file)!;
    expect(again).toHaveLength(10);
    expect(inIdOrder(again)).toEqual(inIdOrder(readIndexFiles(file).reports));
    expect(readReportIndex(file)).toBe(again);
  });

  it('stores again the reports of a lost or mostly dead pack even when they are unchanged, and removes packs the index does not name', async () => {
    const stores = new Map<string, Stored>();
    rmSync(join(tmp, 'astro'), { recursive: true, force: true });
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    const storeDir = join(tmp, 'astro', 'xxgk-reports');
    const at = (id: string) => indexed(stores).get(id)!.stored;
    // One load, one pack, holding every report one after another.
    expect(packsIn(storeDir)).toEqual([basename(at('2023-qiaokou-qiye-fuwu').pack)]);
    expect(readdirSync(storeDir).sort()).toEqual([basename(at('2023-qiaokou-qiye-fuwu').pack), 'index.v8'].sort());
    const ats = [...indexed(stores).values()].map((r) => r.stored).sort((a, b) => a.offset - b.offset);
    expect(ats).toHaveLength(10);
    ats.forEach((a, i) => expect(a.offset).toBe(i === 0 ? 0 : ats[i - 1]!.offset + packBytes(ats[i - 1]!)));
    expect(statSync(resolve(ROOT, ats[0]!.pack)).size).toBe(ats[9]!.offset + packBytes(ats[9]!));

    // Unchanged and intact: nothing is stored, no pack is made, the index is not written again.
    const first = indexed(stores);
    const indexFile = resolve(ROOT, (stores.get(REPORT_INDEX_ENTRY)!.data as ReportIndexRef).index);
    const written = statSync(indexFile).ino;
    invalidateSnapshot();
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    expect(storedAnew(first, indexed(stores))).toEqual([]);
    expect(packsIn(storeDir)).toHaveLength(1);
    expect(statSync(indexFile).ino).toBe(written);

    // The pack lost: every report is stored again, into a new pack; the old name is gone.
    const lost = at('2023-qiaokou-qiye-fuwu').pack;
    rmSync(resolve(ROOT, lost));
    invalidateSnapshot();
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    expect(storedAnew(first, indexed(stores))).toHaveLength(10);
    expect(at('2023-qiaokou-qiye-fuwu').pack).not.toBe(lost);
    expect(readStoredReport(ROOT, at('2023-qiaokou-qiye-fuwu')).id).toBe('2023-qiaokou-qiye-fuwu');

    // The index lost: every report is stored again, and the pack it no longer names goes.
    const unindexed = at('2023-qiaokou-qiye-fuwu').pack;
    rmSync(indexFile);
    invalidateSnapshot();
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    expect(at('2023-qiaokou-qiye-fuwu').pack).not.toBe(unindexed);
    expect(packsIn(storeDir)).toEqual([basename(at('2023-qiaokou-qiye-fuwu').pack)]);

    // Another folder: everything is stored anew into one pack, and the old pack, named by no entry, goes.
    const other = mkdtempSync(join(tmpdir(), 'xxgk-loader-prune-'));
    await writeMixedArchive(other, ['001_68f00f12ba36a829.txt']);
    process.env.REPORTS_DIR = other;
    invalidateSnapshot();
    const old = at('2023-qiaokou-qiye-fuwu').pack;
    try {
      const before = indexed(stores);
      await reportsLoader().load(fakeContext('reports', stores, [], []));
      expect(storedAnew(before, indexed(stores))).toHaveLength(6);
      const moved = indexed(stores).values().next().value!.stored.pack;
      expect(existsSync(resolve(ROOT, old))).toBe(false);
      expect(packsIn(storeDir)).toEqual([basename(moved)]);

      // Four of its six reports removed: most of the pack is dead, so the two left are stored
      // again into a pack of their own and the old pack goes.
      for (const f of ['broken.txt', 'distinct-2023.html', 'distinct-2024.txt', 'distinct-2019.docx']) rmSync(join(other, f));
      invalidateSnapshot();
      const six = indexed(stores);
      await reportsLoader().load(fakeContext('reports', stores, [], []));
      const two = indexed(stores);
      expect(two.size).toBe(2);
      expect(storedAnew(six, two)).toEqual([...two.keys()].sort());
      const left = [...two.values()].map((r) => r.stored).sort((a, b) => a.offset - b.offset);
      expect(left[0]!.pack).not.toBe(moved);
      expect(existsSync(resolve(ROOT, moved))).toBe(false);
      expect(packsIn(storeDir)).toEqual([basename(left[0]!.pack)]);
      expect(statSync(resolve(ROOT, left[0]!.pack)).size).toBe(left.reduce((n, a) => n + packBytes(a), 0));
      for (const [id, r] of two) expect(reportOf(r).id).toBe(id);
    } finally {
      process.env.REPORTS_DIR = join(tmp, 'reports');
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps the raw text only for reports with errors', async () => {
    const index = indexed((await loadAll()).stores.reports);
    const broken = index.get('2021-qiaokou-dashuju-zhongxin')!;
    expect(broken.rawText).toMatch(/^---\nyear: 2021\n---\n/);
    expect(broken.rawText).toContain('本机关不掌握相关政府信息');
    expect(index.get('2023-qiaokou-dashuju-zhongxin')!.rawText).toBeNull();
  });

  it('gives the second file with a taken id its own page id and says why', async () => {
    const index = indexed((await loadAll()).stores.reports);
    const copy = [...index.values()].find((r) => reportOf(r).source.file === '002_copy.txt')!;
    expect(copy.id).toMatch(/^2023-donghu-zhengwu-dashuju-[0-9a-f]{8}$/);
    expect(reportOf(copy).diagnostics.at(-1)!.message).toContain('编号“2023-donghu-zhengwu-dashuju”已被另一份报告使用');
    expect(reportOf(index.get('2023-donghu-zhengwu-dashuju')!).source.file).toBe('002_485bb66b608aa965.txt');
  });

  it('prints the summary and fails under STRICT=1', async () => {
    const { log } = await loadAll();
    expect(log.at(-1)).toBe('info 12 个文件：10 份报告，5 个文件有错误（共 5 个），0 项校验未通过，1 个警告');
    expect(log.filter((l) => l.startsWith('warn notes.txt'))).toEqual(['warn notes.txt: error: 没有可识别的年度报告：既没有找到六个章节的标题，也没有找到表二、表三、表四']);
    expect(log.some((l) => l.startsWith('warn scan.pdf: error: 不支持的文件类型'))).toBe(true);
    process.env.STRICT = '1';
    invalidateSnapshot();
    await expect(archiveLoader().load(fakeContext('archive', new Map(), [], []))).rejects.toThrow('STRICT=1：5 个错误，0 项校验未通过，构建失败');
  });

  it('does not store an unchanged report again, stores a changed one, and drops reports whose file is gone', async () => {
    const stores = new Map<string, Stored>();
    rmSync(join(tmp, 'astro'), { recursive: true, force: true });
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    const first = indexed(stores);
    expect(storedAnew(new Map(), first)).toHaveLength(10);
    invalidateSnapshot();
    await reportsLoader().load(fakeContext('reports', stores, [], []));
    expect(storedAnew(first, indexed(stores))).toEqual([]);

    const file = resolve(ROOT, first.get('2023-qiaokou-dashuju-zhongxin')!.filePath);
    const bytes = readFileSync(file);
    try {
      appendFileSync(file, '\n改动。\n');
      invalidateSnapshot();
      await reportsLoader().load(fakeContext('reports', stores, [], []));
      expect(storedAnew(first, indexed(stores))).toEqual(['2023-qiaokou-dashuju-zhongxin']);
      expect(indexed(stores).get('2023-qiaokou-dashuju-zhongxin')!.digest).not.toBe(first.get('2023-qiaokou-dashuju-zhongxin')!.digest);
      expect(reportOf(indexed(stores).get('2023-qiaokou-dashuju-zhongxin')!).source.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    } finally {
      writeFileSync(file, bytes);
    }

    const other = mkdtempSync(join(tmpdir(), 'xxgk-loader-small-'));
    await writeMixedArchive(other, ['001_68f00f12ba36a829.txt']);
    process.env.REPORTS_DIR = other;
    invalidateSnapshot();
    try {
      await reportsLoader().load(fakeContext('reports', stores, [], []));
      expect(indexed(stores).has('2023-qiaokou-qiye-fuwu')).toBe(false);
      expect(indexed(stores).has('2023-zhanhe-zhengwu-dashuju')).toBe(true);
      expect((stores.get(REPORT_INDEX_ENTRY)!.data as ReportIndexRef).reports).toBe(indexed(stores).size);
    } finally {
      process.env.REPORTS_DIR = join(tmp, 'reports');
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('archiveFilesLoader and archiveLoader', () => {
  it('keep every file that is not a report: a page and raw text when it could be decoded', async () => {
    const { stores } = await loadAll();
    const files = [...stores.archiveFiles.values()].map((e) => e.data as { file: string; pageId: string | null; format: string | null; error: { message: string } });
    expect(files.map((f) => f.file).sort()).toEqual(['notes.txt', 'scan.pdf']);
    const notes = [...stores.archiveFiles.values()].find((e) => e.data.file === 'notes.txt')!;
    expect(notes.data.pageId).toBe(notes.id);
    expect(notes.id).toMatch(/^file-notes-[0-9a-f]{8}$/);
    expect(notes.body).toContain('<script>alert(1)</script>');
    const scan = [...stores.archiveFiles.values()].find((e) => e.data.file === 'scan.pdf')!;
    expect(scan.data.pageId).toBeNull();
    expect(scan.body).toBeUndefined();
    expect((scan.data.error as { message: string }).message).toContain('.pdf');
  });

  it('sum the archive up and carry the problems across reports with their pages', async () => {
    const { stores } = await loadAll();
    const overview = stores.archive.get('archive')!.data as { files: number; reports: number; problemFiles: number; problems: { kind: string; pageId: string; otherPageId: string | null; cells: string[] }[] };
    expect(overview).toMatchObject({ files: 12, reports: 10, problemFiles: 2, errorFiles: 5, errors: 5, failingChecks: 0, warnings: 1 });
    const kinds = overview.problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['carry-over', 'duplicate-id', 'duplicate-id']);
    const carry = overview.problems.find((p) => p.kind === 'carry-over')!;
    expect([carry.pageId, carry.otherPageId]).toEqual(['2024-jiangxiaqushujuceshiju', '2023-jiangxiaqushujuceshiju']);
    expect(carry.cells).toContain('requests.carriedOver.total');
  });
});

describe('takeSnapshotPart', () => {
  it('reads the folder once for the three collections, then forgets it', async () => {
    const reports = await takeSnapshotPart('reports');
    const again = await takeSnapshotPart('reports');
    // A part taken twice means a new sync (astro dev): the folder is read anew.
    expect(again.value).not.toBe(reports.value);
    expect(again.value.map((r) => r.pageId)).toEqual(reports.value.map((r) => r.pageId));
    const files = await takeSnapshotPart('problemFiles');
    const overview = await takeSnapshotPart('overview');
    expect(overview.value.problemFiles).toBe(files.value.length);
    expect(overview.value.summary.reports).toBe(again.value.length);
    // All three taken from the same read: the next request starts a new one.
    const next = await takeSnapshotPart('overview');
    expect(next.value).not.toBe(overview.value);
  });
});

describe('the snapshot handed over by npm run build', () => {
  const handed = () => join(tmp, 'handoff.v8');
  afterAll(() => {
    delete process.env.XXGK_SNAPSHOT;
  });

  async function handOver() {
    // As scripts/build.ts reads it: each report with its failing checks only.
    writeHandoff(handed(), { snapshot: handoffOf(await readSnapshot(process.env, { checks: 'failing' })) });
    process.env.XXGK_SNAPSHOT = handed();
  }

  it('fills the three collections exactly as reading the folder here does', async () => {
    delete process.env.XXGK_SNAPSHOT;
    const here = await loadAll();
    const hereIndex = indexed(here.stores.reports);
    invalidateSnapshot();
    rmSync(join(tmp, 'astro'), { recursive: true, force: true });
    await handOver();
    const handedOver = await loadAll();
    const handedIndex = indexed(handedOver.stores.reports);
    expect(handedIndex.size).toBeGreaterThan(3);
    // Each load stores into a pack of its own: the same places in packs of different names.
    const packless = (m: Map<string, ReportIndexEntry>) => [...m].map(([id, r]) => [id, { ...r, stored: { ...r.stored, pack: 'pack' } }]);
    expect(packless(handedIndex)).toEqual(packless(hereIndex));
    for (const name of ['archiveFiles', 'archive'] as const) expect(handedOver.stores[name]).toEqual(here.stores[name]);
    expect(new Set([...handedIndex.values()].map((r) => r.stored.pack)).size).toBe(1);
    expect(handedOver.log).toEqual(here.log);
    // The whole Report stored for a page is the one read here.
    const [id, entry] = [...handedIndex][0]!;
    expect(reportOf(entry).id).toBe(id);
  });

  it('reads no report whose entry is unchanged, and leaves the pages to render to the build start', async () => {
    delete process.env.XXGK_SNAPSHOT;
    const { stores } = await loadAll();
    invalidateSnapshot();
    setRenderOnly(new Set(['set-before']));
    await handOver();
    // Every file changes after the hand-over: reading any report now would fail (its bytes no
    // longer match), so a load that passes read none.
    const reports = join(tmp, 'reports');
    const files = readdirSync(reports).filter((f) => f.endsWith('.txt'));
    const before = files.map((f) => readFileSync(join(reports, f)));
    try {
      for (const f of files) appendFileSync(join(reports, f), '\n改动。\n');
      const before = indexed(stores.reports);
      await reportsLoader().load(fakeContext('reports', stores.reports, [], []));
      expect(storedAnew(before, indexed(stores.reports))).toEqual([]);
      // Handed over apart from the snapshot (awaitRenderSet, in astro.config.mjs): the loader does not touch it.
      expect(renderOnly()).toEqual(new Set(['set-before']));
    } finally {
      setRenderOnly(null);
      files.forEach((f, i) => writeFileSync(join(reports, f), before[i]!));
    }
  });

  it('refuses a report whose file changed after the build parsed it, naming the file', async () => {
    const reports = join(tmp, 'reports');
    const file = readdirSync(reports).filter((f) => f.endsWith('.txt')).sort()[0]!;
    await handOver();
    const before = readFileSync(join(reports, file));
    try {
      appendFileSync(join(reports, file), '\n改动。\n');
      // No index kept: every report is read for storing.
      rmSync(join(tmp, 'astro'), { recursive: true, force: true });
      const stores = new Map<string, Stored>();
      await expect(reportsLoader().load(fakeContext('reports', stores, [], []))).rejects.toThrow(`${file}: 构建过程中文件被改动，请重新构建`);
    } finally {
      writeFileSync(join(reports, file), before);
    }
  });
});
