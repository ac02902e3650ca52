/**
 * The report index's files (src/loader/report-index.ts): written whole with a stamp, then only the
 * entries changed since beside it, until they pass their bound; read back as the entries written,
 * whatever was written last; changes that do not name the whole file as it is are not read.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesFile, inIdOrder, indexIdentity, readIndexFiles, readReportIndex, writeReportIndex, type ReportIndexEntry } from '../../../src/loader/report-index.ts';

let tmp: string;
let file: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'report-index-'));
  file = join(tmp, 'index.json');
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

describe('writeReportIndex and readIndexFiles', () => {
  it('writes the first index whole, with the stamp of its reports, and nothing beside it', () => {
    const reports = archive(3);
    const written = writeReportIndex(file, reports, readIndexFiles(file));
    expect(written.stamp).toMatch(/^[0-9a-f]{32}$/);
    expect(written.changes).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, stamp: written.stamp, reports });
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
    expect(changes).toEqual({ version: 2, base: first.stamp, reports: [entry('2023-body-050', 'd2'), entry('2024-body-new')], removed: ['2023-body-000'] });
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

  it('reads an index written before there were changes (no stamp) as it is, and writes it whole the next time', () => {
    const reports = archive(5);
    writeFileSync(file, JSON.stringify({ version: 2, reports }));
    expect(held()).toEqual(reports);
    const written = writeReportIndex(file, [entry('2023-body-000', 'd2'), ...reports.slice(1)], readIndexFiles(file));
    expect(written.stamp).not.toBeNull();
    expect(existsSync(changesFile(file))).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).stamp).toBe(written.stamp);
  });

  it('reads an index of another version, or one that is not JSON, as none, and no index file as null', () => {
    writeFileSync(file, JSON.stringify({ version: 1, reports: archive(2) }));
    expect(readIndexFiles(file).reports).toEqual([]);
    writeFileSync(file, '{"version":2,"reports":[');
    expect(readIndexFiles(file).reports).toEqual([]);
    expect(readReportIndex(join(tmp, 'none.json'))).toBeNull();
  });
});
