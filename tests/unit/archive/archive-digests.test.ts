/**
 * `npm run build` digests the archive folder once (src/node/archive-digests.ts) and the archive
 * read takes each file's cache key from those digests instead of reading the file again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveDigests, digestFile, packMemo, unpackMemo, type DigestMemo } from '../../../src/node/archive-digests.ts';
import { perArchiveFile } from '../../../src/node/archive-paths.ts';
import { buildInputs } from '../../../src/node/build-inputs.ts';
import { ParseCache } from '../../../src/node/parse-cache.ts';
import { listArchiveFiles, readArchive } from '../../../src/node/read-archive.ts';

const sample = readFileSync(new URL('../../fixtures/samples/001_68f00f12ba36a829.txt', import.meta.url), 'utf8');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let tmp: string;
let reports: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-digests-'));
  reports = join(tmp, 'reports');
  mkdirSync(join(reports, '2023'), { recursive: true });
  writeFileSync(join(reports, '2023', 'a.txt'), sample);
  writeFileSync(join(reports, '2023', 'a.meta.yaml'), 'id: sample-a\n');
  writeFileSync(join(reports, 'b.txt'), sample.replace('本机关', '本单位'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('archiveDigests', () => {
  it('digests every file under the folder, sidecars included, by its path inside it', () => {
    const digests = archiveDigests(reports).files;
    expect([...digests.keys()]).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'b.txt']);
    expect(digests.get('2023/a.txt')).toEqual({ sha256: sha(sample), size: Buffer.byteLength(sample) });
    expect(digests.get('2023/a.meta.yaml')!.sha256).toBe(sha('id: sample-a\n'));
  });

  it('digests a pipe by its kind, without reading it (the read names it a problem file)', () => {
    execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
    const first = archiveDigests(reports);
    expect([...first.files.keys()]).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'b.txt', 'pipe.txt']);
    expect(first.files.get('pipe.txt')!.size).toBe(-1);
    // The same kind, the same digest; nothing kept for the memo: it is told again every time.
    expect(archiveDigests(reports, first.memo).files.get('pipe.txt')).toEqual(first.files.get('pipe.txt'));
    expect(first.memo.files['pipe.txt']).toBeUndefined();
    // A file by that name instead: another digest.
    rmSync(join(reports, 'pipe.txt'));
    writeFileSync(join(reports, 'pipe.txt'), '');
    expect(archiveDigests(reports).files.get('pipe.txt')!.sha256).not.toBe(first.files.get('pipe.txt')!.sha256);
  });

  it('digests a report reached through a symbolic link as the file it points to, which the archive read lists too', () => {
    const elsewhere = join(tmp, 'elsewhere.txt');
    writeFileSync(elsewhere, sample);
    symlinkSync(elsewhere, join(reports, 'linked.txt'));
    symlinkSync(join(tmp, 'gone.txt'), join(reports, 'dangling.txt'));
    mkdirSync(join(tmp, 'folder'));
    symlinkSync(join(tmp, 'folder'), join(reports, 'to-folder'));
    const first = archiveDigests(reports);
    // The archive read lists the link as a report (listArchiveFiles): the build's digests must cover it.
    expect(listArchiveFiles(reports).map((p) => p.slice(reports.length + 1))).toContain('linked.txt');
    expect([...first.files.keys()]).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'b.txt', 'dangling.txt', 'linked.txt', 'to-folder']);
    expect(first.files.get('linked.txt')).toEqual({ sha256: sha(sample), size: Buffer.byteLength(sample) });
    // A link to nothing or to a folder (a problem file of the read) counts by where it points.
    expect(first.files.get('dangling.txt')).toEqual({ sha256: sha(`link\u0000${join(tmp, 'gone.txt')}`), size: -1 });
    rmSync(join(reports, 'to-folder'));
    symlinkSync(join(tmp, 'gone.txt'), join(reports, 'to-folder'));
    expect(archiveDigests(reports).files.get('to-folder')!.sha256).toBe(first.files.get('dangling.txt')!.sha256);
    expect(first.files.get('to-folder')!.sha256).not.toBe(first.files.get('dangling.txt')!.sha256);
    // An edit of the file it points to is seen, also through the memo of the last digests.
    writeFileSync(elsewhere, `${sample}\n补充。`);
    expect(archiveDigests(reports, first.memo).files.get('linked.txt')!.sha256).toBe(sha(`${sample}\n补充。`));
  });

  it('leaves out a file deleted after the folder was listed, instead of failing on it', () => {
    const gone = join(reports, 'gone.txt');
    // As the build's listing saw it a moment before: named, but no longer there.
    expect(digestFile(gone, 'gone.txt', null)).toBeNull();
    const first = archiveDigests(reports);
    writeFileSync(gone, sample);
    const memo = archiveDigests(reports, first.memo).memo;
    rmSync(gone);
    expect(digestFile(gone, 'gone.txt', memo)).toBeNull();
    // A file still there is digested as archiveDigests does it.
    expect(digestFile(join(reports, 'b.txt'), 'b.txt', null)).toEqual({
      digest: first.files.get('b.txt'),
      known: expect.arrayContaining([first.files.get('b.txt')!.size, first.files.get('b.txt')!.sha256]),
      read: true,
    });
    expect(digestFile(join(reports, 'b.txt'), 'b.txt', { ...memo, takenAt: memo.takenAt + 5000 })).toMatchObject({ digest: first.files.get('b.txt'), read: false });
  });

  it('is what buildInputs hands on, and a changed byte changes the archive digest', () => {
    const env = { REPORTS_DIR: reports, AGENCIES_FILE: join(tmp, 'none.yaml') };
    const before = buildInputs(tmp, env);
    expect(before.files).toEqual(archiveDigests(reports).files);
    writeFileSync(join(reports, 'b.txt'), sample);
    const after = buildInputs(tmp, env);
    expect(after.archive).not.toBe(before.archive);
    expect(after.code).toBe(before.code);
    expect(after.files.get('b.txt')!.sha256).toBe(sha(sample));
  });
});

describe('archiveDigests with the last build\'s digests', () => {
  // As if the last build had taken them a few seconds after the files were written.
  const later = (memo: DigestMemo): DigestMemo => ({ ...memo, takenAt: memo.takenAt + 5000 });

  it('reads no file whose status is as it was, and gives the same digests', () => {
    const first = archiveDigests(reports);
    expect(first.read).toBe(3);
    const again = archiveDigests(reports, later(first.memo));
    expect(again.read).toBe(0);
    expect(again.files).toEqual(first.files);
  });

  it('reads a file again that was rewritten with the same size and modification time', () => {
    const b = join(reports, 'b.txt');
    // A whole second, which utimes sets exactly.
    utimesSync(b, 1_700_000_000, 1_700_000_000);
    const first = archiveDigests(reports);
    const { size } = statSync(b);
    // Same length, one character different, the old modification time put back (as `cp -p` or an unpacker would).
    const edited = sample.replace('本机关', '本单位').replace('年', '月');
    expect(Buffer.byteLength(edited)).toBe(size);
    writeFileSync(b, edited);
    utimesSync(b, 1_700_000_000, 1_700_000_000);
    expect(statSync(b).mtimeMs).toBe(first.memo.files['b.txt']![2]);
    const again = archiveDigests(reports, later(first.memo));
    expect(again.read).toBe(1);
    expect(again.files.get('b.txt')).toEqual({ sha256: sha(edited), size });
    expect(again.files.get('2023/a.txt')).toEqual(first.files.get('2023/a.txt'));
  });

  it('reads again what changed within a second of the digests being taken', () => {
    const first = archiveDigests(reports);
    expect(archiveDigests(reports, first.memo).read).toBe(3);
  });

  it('drops removed files and reads new ones', () => {
    const first = archiveDigests(reports);
    rmSync(join(reports, 'b.txt'));
    writeFileSync(join(reports, 'c.txt'), sample);
    const again = archiveDigests(reports, later(first.memo));
    expect([...again.files.keys()]).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'c.txt']);
    expect(Object.keys(again.memo.files)).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'c.txt']);
    expect(again.read).toBe(1);
  });

  it('is kept by buildInputs in the folder it is given, for the next build', () => {
    const env = { REPORTS_DIR: reports, AGENCIES_FILE: join(tmp, 'none.yaml') };
    const memoDir = join(tmp, 'memo');
    const plain = buildInputs(tmp, env);
    // The JSON memo earlier versions kept goes when the memo is written.
    const earlierJson = perArchiveFile(memoDir, reports, 'json');
    mkdirSync(memoDir);
    writeFileSync(earlierJson, '{}');
    const kept = buildInputs(tmp, env, memoDir);
    expect(kept).toEqual(plain);
    expect(existsSync(earlierJson)).toBe(false);
    const [file] = readdirSync(memoDir);
    const memo = unpackMemo(deserialize(readFileSync(join(memoDir, file!))))!;
    expect(Object.keys(memo.files)).toEqual(['2023/a.meta.yaml', '2023/a.txt', 'b.txt']);
    expect(memo.files['b.txt']![4]).toBe(plain.files.get('b.txt')!.sha256);
    writeFileSync(join(reports, 'b.txt'), sample);
    expect(buildInputs(tmp, env, memoDir).files.get('b.txt')!.sha256).toBe(sha(sample));
    // Handed to keepLater, the memo is written only when the write runs, and the same.
    const kept2 = join(tmp, 'memo-later');
    const writes: (() => void)[] = [];
    expect(buildInputs(tmp, env, kept2, (write) => writes.push(write))).toEqual(buildInputs(tmp, env));
    expect(writes).toHaveLength(1);
    expect(existsSync(kept2)).toBe(false);
    writes[0]!();
    const [later2] = readdirSync(kept2);
    expect(readFileSync(join(kept2, later2!), 'utf8').length).toBeGreaterThan(0);
    expect(unpackMemo(deserialize(readFileSync(join(kept2, later2!))))!.files).toEqual(unpackMemo(deserialize(readFileSync(join(memoDir, file!))))!.files);
    // A memo it cannot read is no memo: bytes that are none, V8's form of something else, the JSON
    // memo of earlier versions, columns that do not add up.
    // Each is made of a memo that names another digest for every file (one second later, so that
    // its entries count): a memo read as one would show it.
    const wrong = 'f'.repeat(64);
    const poisoned = packMemo({ takenAt: memo.takenAt + 5000, files: Object.fromEntries(Object.entries(memo.files).map(([f, k]) => [f, [k[0], k[1], k[2], k[3], wrong]])) });
    writeFileSync(join(memoDir, file!), serialize(poisoned));
    expect(buildInputs(tmp, env, memoDir).files.get('2023/a.txt')!.sha256).toBe(wrong);
    const asJson = { takenAt: poisoned.takenAt, files: Object.fromEntries(poisoned.files.map((f, i) => [f, [...poisoned.status.subarray(i * 4, i * 4 + 4), wrong]])) };
    for (const bytes of ['{', serialize({}), serialize(null), serialize({ takenAt: 1 }), JSON.stringify(asJson), serialize(asJson), serialize({ ...poisoned, form: 2 }), serialize({ ...poisoned, sha256: poisoned.sha256.slice(1) }), serialize({ ...poisoned, status: [...poisoned.status] })]) {
      writeFileSync(join(memoDir, file!), bytes);
      expect(buildInputs(tmp, env, memoDir).files).toEqual(buildInputs(tmp, env).files);
    }
  });
});

describe('readArchive with the folder digests', () => {
  it('gives what a read without them gives', async () => {
    const cache = new ParseCache<never>(join(tmp, 'cache'));
    const plain = await readArchive(reports, { cache: null });
    expect(plain.map((e) => e.report?.id)).toEqual(['sample-a', expect.any(String)]);
    await readArchive(reports, { cache });
    expect(await readArchive(reports, { cache, digests: archiveDigests(reports).files })).toEqual(plain);
  });

  it('takes the cache key from the digests, not from reading the file again', async () => {
    const cache = new ParseCache<never>(join(tmp, 'cache'));
    const digests = archiveDigests(reports).files;
    const first = await readArchive(reports, { cache, digests });
    // The file changes after the digests were taken: the read keeps to the digested bytes (their
    // cached entry), as the build's input digest does, and the next build sees the change.
    writeFileSync(join(reports, 'b.txt'), sample.replace('本机关', '本部门'));
    const hits = cache.hits;
    const again = await readArchive(reports, { cache, digests });
    expect(again).toEqual(first);
    expect(cache.hits - hits).toBe(2);
    // Without the digests the file is read: its new bytes, a new entry.
    const fresh = await readArchive(reports, { cache });
    expect(fresh.find((e) => e.file === 'b.txt')!.sha256).not.toBe(first.find((e) => e.file === 'b.txt')!.sha256);
  });

  it('reads the files the digests list: one added after them waits for the next build, one not cached is read and digested', async () => {
    const cache = new ParseCache<never>(join(tmp, 'cache'));
    const before = archiveDigests(reports).files;
    writeFileSync(join(reports, 'c.txt'), sample.replace('本机关', '本部门'));
    // Not in this build's input digest either: the next build sees the folder changed and reads it.
    expect((await readArchive(reports, { cache, digests: before })).map((e) => e.file)).toEqual(['2023/a.txt', 'b.txt']);
    const digests = archiveDigests(reports).files;
    const entries = await readArchive(reports, { cache, digests });
    const c = entries.find((e) => e.file === 'c.txt')!;
    expect(c.sha256).toBe(sha(sample.replace('本机关', '本部门')));
    expect(c.report).not.toBeNull();
    expect(entries).toEqual(await readArchive(reports, { cache: null }));
  });

  it('a sidecar named in the digests is part of the key: a changed sidecar digest is a miss', async () => {
    const cache = new ParseCache<never>(join(tmp, 'cache'));
    const digests = archiveDigests(reports).files;
    await readArchive(reports, { cache, digests });
    const misses = cache.misses;
    writeFileSync(join(reports, '2023', 'a.meta.yaml'), 'id: sample-renamed\n');
    const entries = await readArchive(reports, { cache, digests: archiveDigests(reports).files });
    expect(cache.misses - misses).toBe(1);
    expect(entries.find((e) => e.file === '2023/a.txt')!.report!.id).toBe('sample-renamed');
  });
});
