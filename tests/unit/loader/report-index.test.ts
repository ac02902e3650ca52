/**
 * The report index's files (src/loader/report-index.ts): written whole with a stamp, then only the
 * entries changed since beside it, until they pass their bound; read back as the entries written,
 * whatever was written last; changes that do not name the whole file as it is are not read.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesFile, inIdOrder, indexIdentity, readIndexFiles, readReportIndex, writeReportIndex, type ReportIndexEntry } from '../../../src/loader/report-index.ts';

let tmp: string;
let file: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'report-index-'));
  file = join(tmp, 'index.v8');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (id: string, digest = 'd1'): ReportIndexEntry => ({
  id,
  agencySlug: id.slice(5),
  year: Number(id.slice(0, 4)),
  digest,
  stored: { pack: `store/${digest}.pack`, offset: 0, csvBytes: 10, jsonBytes: 20, listingBytes: 5 },
  filePath: `content/reports/${id}.txt`,
  rawText: null,
});
const archive = (n: number) => Array.from({ length: n }, (_, i) => entry(`2023-body-${String(i).padStart(3, '0')}`));
const inode = (path: string) => statSync(path).ino;
/** What the files hold, in id order (the readers' order). */
const held = () => inIdOrder(readIndexFiles(file).reports);
/** The whole file as written: V8's form of its columns. */
const wholeFile = () => deserialize(readFileSync(file)) as Record<string, unknown>;

describe('writeReportIndex and readIndexFiles', () => {
  it('writes the first index whole, with the stamp of its reports, and nothing beside it', () => {
    const reports = archive(3);
    const written = writeReportIndex(file, reports, readIndexFiles(file));
    expect(written.stamp).toMatch(/^[0-9a-f]{32}$/);
    expect(written.changes).toBe('');
    const whole = wholeFile();
    expect(whole).toMatchObject({ version: 3, stamp: written.stamp, id: reports.map((r) => r.id), digest: ['d1', 'd1', 'd1'], filePath: reports.map((r) => r.filePath) });
    expect([...(whole.stored as Float64Array)]).toEqual(reports.flatMap((r) => [r.stored.offset, r.stored.csvBytes, r.stored.jsonBytes, r.stored.listingBytes]));
    expect(existsSync(changesFile(file))).toBe(false);
    expect(held()).toEqual(reports);
  });

  it('writes nothing for the same reports, whichever objects hold them, and names the index as before', () => {
    const reports = archive(3);
    const first = writeReportIndex(file, reports, readIndexFiles(file));
    const ino = inode(file);
    const again = writeReportIndex(file, structuredClone(reports).reverse(), readIndexFiles(file));
    expect(indexIdentity(again)).toBe(indexIdentity(first));
    expect(inode(file)).toBe(ino);
    expect(existsSync(changesFile(file))).toBe(false);
  });

  it('writes one changed, one added and one removed report beside the whole index, which stays as it was', () => {
    const reports = archive(100);
    const first = writeReportIndex(file, reports, readIndexFiles(file));
    const ino = inode(file);
    const next = [...reports.slice(1, 50), entry('2023-body-050', 'd2'), ...reports.slice(51), entry('2024-body-new')];
    const written = writeReportIndex(file, next, readIndexFiles(file));
    expect(inode(file)).toBe(ino);
    expect(written.stamp).toBe(first.stamp);
    const changes = JSON.parse(readFileSync(changesFile(file), 'utf8'));
    expect(changes).toEqual({ version: 3, base: first.stamp, reports: [entry('2023-body-050', 'd2'), entry('2024-body-new')], removed: ['2023-body-000'] });
    expect(indexIdentity(written)).not.toBe(indexIdentity(first));
    expect(held()).toEqual(inIdOrder(next));
    // The changes are what is read next: the same reports write nothing again.
    const ino2 = inode(changesFile(file));
    expect(indexIdentity(writeReportIndex(file, next, readIndexFiles(file)))).toBe(indexIdentity(written));
    expect(inode(changesFile(file))).toBe(ino2);
  });

  it('counts the changes from the whole index, not from the last changes, and drops them when the reports are back', () => {
    const reports = archive(100);
    const first = writeReportIndex(file, reports, readIndexFiles(file));
    writeReportIndex(file, [entry('2023-body-000', 'd2'), ...reports.slice(1)], readIndexFiles(file));
    writeReportIndex(file, [entry('2023-body-000', 'd2'), entry('2023-body-001', 'd2'), ...reports.slice(2)], readIndexFiles(file));
    expect(JSON.parse(readFileSync(changesFile(file), 'utf8')).reports.map((r: ReportIndexEntry) => r.id)).toEqual(['2023-body-000', '2023-body-001']);
    const back = writeReportIndex(file, reports, readIndexFiles(file));
    expect(existsSync(changesFile(file))).toBe(false);
    expect(indexIdentity(back)).toBe(indexIdentity(first));
    expect(held()).toEqual(reports);
  });

  it('writes the index whole again, with another stamp, once the changes pass their bound', () => {
    const reports = archive(10);
    const first = writeReportIndex(file, reports, readIndexFiles(file), 2);
    const ino = inode(file);
    const changed = reports.map((r, i) => (i < 3 ? entry(r.id, 'd2') : r));
    const written = writeReportIndex(file, changed, readIndexFiles(file), 2);
    expect(written.stamp).not.toBe(first.stamp);
    expect(inode(file)).not.toBe(ino);
    expect(existsSync(changesFile(file))).toBe(false);
    expect(held()).toEqual(changed);
  });

  it('does not read changes that name another whole index (one written since by another build)', () => {
    const reports = archive(100);
    writeReportIndex(file, reports, readIndexFiles(file));
    writeReportIndex(file, [entry('2023-body-000', 'd2'), ...reports.slice(1)], readIndexFiles(file));
    const changes = readFileSync(changesFile(file), 'utf8');
    // The whole index written again (more than the bound changed), and the old changes put back beside it.
    const other = reports.map((r) => entry(r.id, 'd3'));
    writeReportIndex(file, other, readIndexFiles(file));
    writeFileSync(changesFile(file), changes);
    expect(held()).toEqual(other);
    expect(readIndexFiles(file).changes).toBe('');
  });

  it('reads back every field, the raw text of a report with errors and a report without a year included', () => {
    const reports = [{ ...entry('2023-body-000'), rawText: '原文\n第二行', year: null }, { ...entry('2023-body-001', 'd9'), stored: { pack: 'store/other.pack', offset: 4096, csvBytes: 1, jsonBytes: 2 ** 31, listingBytes: 7 } }];
    writeReportIndex(file, reports, readIndexFiles(file));
    expect(held()).toEqual(reports);
  });

  it('reads an index of another version or form (the JSON index of earlier versions), or columns that do not add up, as none, and writes it whole the next time', () => {
    const reports = archive(5);
    const { stamp } = writeReportIndex(file, reports, readIndexFiles(file));
    const columns = wholeFile();
    for (const bytes of [JSON.stringify({ version: 2, stamp, reports }), JSON.stringify({ version: 3, stamp, reports }), '{"version":2,"reports":[', serialize({ ...columns, version: 2 }), serialize({ ...columns, id: (columns.id as string[]).slice(1) }), serialize({ ...columns, stored: [...(columns.stored as Float64Array)] }), serialize({ ...columns, stamp: undefined })]) {
      writeFileSync(file, bytes);
      expect(readIndexFiles(file).reports).toEqual([]);
    }
    const written = writeReportIndex(file, reports, readIndexFiles(file));
    expect(written.stamp).toBe(stamp);
    expect(held()).toEqual(reports);
    expect(readReportIndex(join(tmp, 'none.v8'))).toBeNull();
  });
});
