/**
 * A build keeps the snapshot it handed to Astro (src/node/build/carried-snapshot.ts); the next
 * build puts the reports changed since into it when nothing archive-wide can have changed. What
 * it gives must be what a whole read gives, to the byte: the hand-off, every page's digest and the
 * kept page digests. Anything it cannot vouch for gives null.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryReader, fileDigest, readSnapshot } from '../../../src/loader/archive-snapshot.ts';
import { digestPages, type KeptPages } from '../../../src/loader/page-digests.ts';
import { handoffOf } from '../../../src/loader/snapshot-handoff.ts';
import { agencyPageKey, ARCHIVE_PAGES_KEY, yearPageKey } from '../../../src/site/render-only.ts';
import { archiveDigests } from '../../../src/node/archive-digests.ts';
import { carriedAdditionsFile, carriedOf, keepCarried, keepCarriedChanges, patchCarried, readCarried, type CarriedPatch, type CarriedSnapshot } from '../../../src/node/build/carried-snapshot.ts';
import { parserVersion } from '../../../src/node/parse-cache.ts';
import { sidecarDigestOf } from '../../../src/node/read-archive.ts';
import { ROOT } from '../../helpers/paths.ts';
import { SAMPLE_DIR } from '../../helpers/site-archive.ts';

let tmp: string;
let dir: string;
let env: NodeJS.ProcessEnv;
let savedCache: string | undefined;
const registry = join(ROOT, 'content', 'agencies.yaml');
const A = '001_68f00f12ba36a829.txt';
const B = '003_c7abf9ce6f9dda34.txt';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-carried-'));
  dir = join(tmp, 'reports');
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  // A sidecar and a file that is not a report, so both kinds are in the kept snapshot.
  writeFileSync(join(dir, B.replace(/\.txt$/, '.meta.yaml')), 'district: 湛河区\n');
  writeFileSync(join(dir, 'notes.txt'), '随手记，不是年度报告\n');
  env = { ...process.env, REPORTS_DIR: dir, AGENCIES_FILE: registry, XXGK_CACHE_DIR: join(tmp, 'cache') };
  // The parse cache reads its folder from the environment.
  savedCache = process.env.XXGK_CACHE_DIR;
  process.env.XXGK_CACHE_DIR = env.XXGK_CACHE_DIR;
});
afterEach(() => {
  if (savedCache === undefined) delete process.env.XXGK_CACHE_DIR;
  else process.env.XXGK_CACHE_DIR = savedCache;
  rmSync(tmp, { recursive: true, force: true });
});

/** What a build that reads the archive whole makes of it (scripts/build.ts, takeWhole), given the kept page digests. */
async function readWhole(kept: KeptPages = new Map()) {
  const digests = archiveDigests(dir).files;
  const snapshot = await readSnapshot(env, { keepBriefs: true, digests, checks: 'failing' });
  const digested = digestPages(snapshot, kept);
  const handoff = handoffOf(snapshot);
  const pages = Object.fromEntries(digested.digests);
  return { digests, digested, handoff, pages, slugOf: (file: string) => snapshot.reports.find((r) => r.entry.file === file)!.brief.agencySlug, carried: carriedOf('code', parserVersion(), snapshot, digested.digests, digests) };
}

function patch(carried: CarriedSnapshot, kept: KeptPages, limit?: number) {
  const digests = archiveDigests(dir).files;
  const read = entryReader(dir, env, 'failing');
  return patchCarried(carried, {
    dir,
    digests,
    registryDigest: fileDigest(registry),
    parserVersion: parserVersion(),
    kept,
    read: (ref) => read(ref.path),
    sidecarDigest: (path) => sidecarDigestOf(path, dir, digests),
    limit,
  });
}

const edit = (file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
};
/** A sentence added to chapter six: the report's bytes change, its brief does not. */
const addSentence = (k: number) => (text: string) => text.replace(/(六、其他需要报告的事项[^\n]*\n)/, `$1本报告如有更正将另行公告（第 ${k} 次修订）。\n`);

/** 本年新收's first figure one more: the key figures (the summary) change, and two checks fail (the listing). */
const oneMoreReceived = (text: string) => text.replace(/(本年新收政府信息公开申请数量\D*)(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 1}`);

type Whole = Awaited<ReturnType<typeof readWhole>>;

/** The patch gives what the whole read gives: the hand-off and every page's digest. */
function expectAsWhole(patched: CarriedPatch | null, whole: Whole): void {
  expect(patched).not.toBeNull();
  expect(patched!.handoff).toEqual(whole.handoff);
  expect(patched!.digested.digests).toEqual(whole.digested.digests);
}

/** The keys of the pages whose digest differs from one read to the next, sorted. */
const changedPages = (before: Whole, after: Whole) => [...after.digested.digests].filter(([key, digest]) => before.pages[key] !== digest).map(([key]) => key).sort();

describe('patchCarried', () => {
  it('gives what a whole read gives when reports changed only in their prose, and reads only those', async () => {
    const first = await readWhole();
    const carried = first.carried;
    edit(A, addSentence(1));
    edit(B, addSentence(1));
    const patched = await patch(carried, first.digested.kept());
    const second = await readWhole(first.digested.kept());
    expectAsWhole(patched, second);
    expect(patched!.reread).toBe(2);
    // Only the two reports' own pages changed.
    expect(changedPages(first, second)).toEqual(second.handoff.reports.filter((r) => r.file === A || r.file === B).map((r) => r.pageId).sort());
    expect([...patched!.digested.fresh().keys()].sort()).toEqual(changedPages(first, second));
    expect(patched!.digested.kept()).toEqual(new Map([...first.digested.kept(), ...second.digested.kept()]));
    expect(patched!.reports.size).toBe(2);
    // Patched in place: what a whole read would keep (but for the token naming the whole file).
    expect({ ...carried, token: '' }).toEqual({ ...second.carried, token: '' });
  });

  it('gives what a whole read gives when a figure changed, failing a check, and when it is put back', async () => {
    const first = await readWhole();
    const original = readFileSync(join(dir, A), 'utf8');
    const carried = first.carried;
    edit(A, oneMoreReceived);
    const patched = await patch(carried, first.digested.kept());
    const second = await readWhole(first.digested.kept());
    expectAsWhole(patched, second);
    expect(patched!.reread).toBe(1);
    expect(patched!.digested.kept()).toEqual(second.digested.kept());
    expect({ ...carried, token: '' }).toEqual({ ...second.carried, token: '' });
    // The build summary counts the failing check and names it, under the report's file.
    // (本年新收's row total and the natural persons' column balance.)
    const checkLines = (o: typeof first.handoff.overview) => o.summary.lines.filter((line) => line.startsWith(`${A}:`) && line.includes(': check '));
    expect(checkLines(first.handoff.overview)).toEqual([]);
    expect(checkLines(second.handoff.overview).map((line) => line.split(': ')[1])).toEqual(['check requests.balance.naturalPerson', 'check requests.rowTotal.newReceived']);
    expect(second.handoff.overview.summary.failingChecks).toBe(first.handoff.overview.summary.failingChecks + checkLines(second.handoff.overview).length);
    // The report's page, its body's and year's pages and the archive-wide pages changed; no other.
    const ref = second.handoff.reports.find((r) => r.file === A)!;
    expect(changedPages(first, second)).toEqual([ARCHIVE_PAGES_KEY, agencyPageKey(second.slugOf(A)), ref.pageId, yearPageKey(ref.year!)].sort());

    // Put back: the summary and its counts as they were.
    writeFileSync(join(dir, A), original);
    const again = await patch(carried, patched!.digested.kept());
    const third = await readWhole(second.digested.kept());
    expectAsWhole(again, third);
    expect(again!.handoff.overview).toEqual(first.handoff.overview);
    expect(again!.digested.digests).toEqual(first.digested.digests);
    expect({ ...carried, token: '' }).toEqual({ ...third.carried, token: '' });
  });

  it('gives what a whole read gives when a report with an error is put right: its page showed its text, and does not any more', async () => {
    const original = readFileSync(join(dir, A), 'utf8');
    // 表四's rows taken out: an error (缺少表四), and the page shows the text the parser read.
    edit(A, (t) => t.replace(/^行政复议\t[\s\S]*?(?=^五、)/m, ''));
    const first = await readWhole();
    expect(first.carried.reports.shown[first.carried.reports.file.indexOf(A)]).toBe(true);
    writeFileSync(join(dir, A), original);
    const patched = await patch(first.carried, first.digested.kept());
    const second = await readWhole(first.digested.kept());
    expectAsWhole(patched, second);
    expect(patched!.digested.kept()).toEqual(second.digested.kept());
    expect({ ...first.carried, token: '' }).toEqual({ ...second.carried, token: '' });
  });

  it('gives what a whole read gives for every page of a body with several reports when one of them changed its figures', async () => {
    // Two years of one body: B's report again as the year before (its page shows its body's group).
    const earlier = join(dir, 'earlier.txt');
    writeFileSync(earlier, readFileSync(join(dir, B), 'utf8').replaceAll('2023', '2022'));
    const first = await readWhole();
    const group = first.handoff.reports.filter((r) => first.slugOf(r.file) === first.slugOf(B));
    expect(group.length).toBe(2);
    edit(B, oneMoreReceived);
    const patched = await patch(first.carried, first.digested.kept());
    const second = await readWhole(first.digested.kept());
    expectAsWhole(patched, second);
    expect(patched!.digested.kept()).toEqual(second.digested.kept());
    // Both of the body's report pages changed (the group they show), the other bodies' did not.
    const changed = new Set(changedPages(first, second));
    for (const r of second.handoff.reports) expect(changed.has(r.pageId), r.file).toBe(group.some((g) => g.pageId === r.pageId));
  });

  it('is kept whole after a whole read, and a patch only beside it, and read back with the patch', async () => {
    const file = join(tmp, 'carried', 'snapshot.v8');
    const first = await readWhole();
    await keepCarried(file, first.carried);
    const whole = readFileSync(file);
    edit(A, addSentence(1));
    const read = readCarried(file, 'code')!;
    const patched = await patch(read.carried, first.digested.kept());
    expect(patched!.reread).toBe(1);
    await keepCarriedChanges(file, read, patched!.changes);
    // The whole file as it was; the change beside it.
    expect(readFileSync(file).equals(whole)).toBe(true);
    expect(existsSync(carriedAdditionsFile(file))).toBe(true);
    const second = await readWhole(first.digested.kept());
    const again = readCarried(file, 'code')!;
    expect({ ...again.carried, token: '' }).toEqual({ ...second.carried, token: '' });

    // And the build after it: the same report again, and another.
    edit(A, addSentence(2));
    edit(B, addSentence(2));
    const third = await readWhole(second.digested.kept());
    const next = await patch(again.carried, patched!.digested.kept());
    expect(next!.handoff).toEqual(third.handoff);
    expect(next!.digested.digests).toEqual(third.digested.digests);
    await keepCarriedChanges(file, again, next!.changes);
    expect(readFileSync(file).equals(whole)).toBe(true);
    expect({ ...readCarried(file, 'code')!.carried, token: '' }).toEqual({ ...third.carried, token: '' });

    // Past the bound, the whole file again, and the changes beside it go.
    edit(A, addSentence(3));
    const last = readCarried(file, 'code')!;
    const fourth = await patch(last.carried, next!.digested.kept());
    await keepCarriedChanges(file, last, fourth!.changes, 2);
    expect(existsSync(carriedAdditionsFile(file))).toBe(false);
    expect(readFileSync(file).equals(whole)).toBe(false);
    expect({ ...readCarried(file, 'code')!.carried, token: '' }).toEqual({ ...(await readWhole(third.digested.kept())).carried, token: '' });
  });

  it('takes no changes written beside another whole file, nor unreadable ones', async () => {
    const file = join(tmp, 'carried', 'snapshot.v8');
    const first = await readWhole();
    await keepCarried(file, first.carried);
    edit(A, addSentence(1));
    const read = readCarried(file, 'code')!;
    await keepCarriedChanges(file, read, (await patch(read.carried, first.digested.kept()))!.changes);
    // Another build writes the whole file (with its own token): the changes beside it are not its.
    const additions = readFileSync(carriedAdditionsFile(file));
    await keepCarried(file, first.carried);
    writeFileSync(carriedAdditionsFile(file), additions);
    expect({ ...readCarried(file, 'code')!.carried, token: '' }).toEqual({ ...first.carried, token: '' });
    // Nor changes that cannot be read: the whole file alone.
    writeFileSync(carriedAdditionsFile(file), 'not a serialised value');
    expect({ ...readCarried(file, 'code')!.carried, token: '' }).toEqual({ ...first.carried, token: '' });
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('keeps the snapshot as it is when no file changed', async () => {
    const first = await readWhole();
    const patched = await patch(first.carried, first.digested.kept());
    expect(patched!.reread).toBe(0);
    expect(patched!.handoff).toEqual(first.handoff);
    expect(patched!.digested.digests).toEqual(first.digested.digests);
    expect(patched!.digested.changed).toBe(false);
    expect(patched!.changes).toEqual({ reports: [], pages: [], overview: null });
  });

  it('gives null (a whole read) for a change anything archive-wide may depend on', async () => {
    const cases: [string, () => void][] = [
      ['the body renamed in the title (its id, its group)', () => edit(A, (t) => t.replace('湛河区政务服务和大数据管理局', '湛河区数据局'))],
      // 上年结转 and 结转下年度 one more each: the identities hold, the key figures are the same, the carry-over checks read them.
      ['the carry-over rows changed (the archive checks)', () => edit(A, (t) => t.replace(/^(二、上年结转政府信息公开申请数量|四、结转下年度继续办理)\t\t0\t0\t0\t0\t0\t0\t0/gm, '$1\t\t1\t0\t0\t0\t0\t0\t1'))],
      ['a file added', () => writeFileSync(join(dir, 'new.txt'), readFileSync(join(dir, A)))],
      ['a file removed', () => rmSync(join(dir, A))],
      ['a sidecar changed', () => writeFileSync(join(dir, B.replace(/\.txt$/, '.meta.yaml')), 'district: 新华区\n')],
      ['a file that is not a report changed', () => writeFileSync(join(dir, 'notes.txt'), '另一段随手记\n')],
      ['a report that is no report any more', () => writeFileSync(join(dir, A), '随手记\n')],
    ];
    for (const [label, change] of cases) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(SAMPLE_DIR, dir, { recursive: true });
      writeFileSync(join(dir, B.replace(/\.txt$/, '.meta.yaml')), 'district: 湛河区\n');
      writeFileSync(join(dir, 'notes.txt'), '随手记，不是年度报告\n');
      const first = await readWhole();
      const before = structuredClone(first.carried);
      change();
      expect(await patch(first.carried, first.digested.kept()), label).toBeNull();
      // Left as it was.
      expect(first.carried, label).toEqual(before);
    }
  });

  it('gives null past the limit of changed files, for another registry, and without the kept page digests', async () => {
    const first = await readWhole();
    edit(A, addSentence(1));
    edit(B, addSentence(1));
    expect(await patch(first.carried, first.digested.kept(), 1)).toBeNull();
    expect(await patch({ ...first.carried, registryDigest: 'another' }, first.digested.kept())).toBeNull();
    expect(await patch(first.carried, new Map())).toBeNull();
    expect(await patch(first.carried, first.digested.kept())).not.toBeNull();
  });

  it('is read back for the same code only', async () => {
    const first = await readWhole();
    const file = join(tmp, 'carried.v8');
    await keepCarried(file, first.carried);
    expect({ ...readCarried(file, 'code')!.carried, token: '' }).toEqual({ ...first.carried, token: '' });
    expect(readCarried(file, 'other code')).toBeNull();
    writeFileSync(file, 'not a serialised value');
    expect(readCarried(file, 'code')).toBeNull();
    expect(readCarried(join(tmp, 'none.v8'), 'code')).toBeNull();
  });
});
