/**
 * The data downloads joined as bytes from the report store give exactly the bytes the text joins
 * gave before (stored text decoded, joined, encoded again) and the bytes made straight from the
 * Reports, for the samples and 300 generated reports (2019 and 2021 templates, Word files,
 * deliberate mistakes, Chinese text throughout).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../../bench/generate/corpus.ts';
import type { Report } from '../../../src/core/model/report.ts';
import { reportListing, type StoredAt } from '../../../src/loader/report-listing.ts';
import { readStoredListings, readStoredReport, ReportStoreWriter, storedCsvRange, storedJsonRange } from '../../../src/loader/report-store.ts';
import { readByteRange } from '../../../src/node/byte-range.ts';
import { JoinsAlongside } from '../../../src/node/build/write-joins.ts';
import { keepJoins, readKeptJoins } from '../../../src/node/build/kept-joins.ts';
import { REPORTS_JSON } from '../../../src/site/data/archive-downloads.ts';
import { parseJoins, recordJoin, type JoinRecipe } from '../../../src/site/data/join-recipe.ts';
import { recordArchiveDownloads } from '../../../src/site/data/record-downloads.ts';
import { readIndexFiles, writeReportIndex } from '../../../src/loader/report-index.ts';
import { reportFromBytes } from '../../../src/node/read-report.ts';
import { csvDocument, csvHead, csvRecord, reportsCsv } from '../../../src/site/data/csv.ts';
import { joinedBytes, joinedStream } from '../../../src/site/data/joined-bytes.ts';
import { SAMPLE_DIR } from '../../helpers/site-archive.ts';
import { inodeOf } from '../../helpers/tree.ts';

const root = mkdtempSync(join(tmpdir(), 'xxgk-joined-'));
const store = join(root, 'store');
let reports: Report[];
let files: StoredAt[];

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
const JSON_JOINT = { head: '[', separator: ',', tail: ']' };
const csvJoint = () => ({ head: csvHead(), separator: '', tail: '' });
/** reports.json as written with 4 KiB slots: each report's JSON, spaces, a newline, to the next multiple of 4096 bytes above it. */
const slotted = (rs: readonly Report[]) =>
  `[${rs
    .map((r) => {
      const json = JSON.stringify(r);
      const bytes = Buffer.byteLength(json);
      const slot = (Math.floor(bytes / 4096) + 1) * 4096;
      return `${json}${' '.repeat(slot - bytes - 1)}\n`;
    })
    .join(',')}]`;
let recipeFiles = 0;
/** The joins of a recipes file written on their thread and put in place in `out`, as `npm run build` does after Astro. */
async function joinInto(recipes: string, out: string): Promise<JoinsAlongside> {
  const joins = new JoinsAlongside(recipes, join(root, `scratch-${recipeFiles++}`));
  await joins.written();
  joins.placeInto(out);
  return joins;
}
/** Joins written as `npm run build` writes them: recorded, written on their thread, put in place. */
async function writeJoins(out: string, recipes: readonly JoinRecipe[]): Promise<void> {
  const file = join(root, `recipes-${recipeFiles++}.jsonl`);
  for (const recipe of recipes) recordJoin(file, recipe);
  await joinInto(file, out);
}

beforeAll(async () => {
  reports = [];
  for (const f of readdirSync(SAMPLE_DIR).sort()) reports.push(await reportFromBytes(join(SAMPLE_DIR, f), readFileSync(join(SAMPLE_DIR, f)), { root: SAMPLE_DIR }));
  for await (const g of generateReports(300, 'joined-bytes')) reports.push(await reportFromBytes(`/corpus/${g.entry.file}`, g.bytes, { root: '/corpus' }));
  const pack = new ReportStoreWriter(store, root);
  files = reports.map((r) => pack.add(r, reportListing(r)));
  pack.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the report store', () => {
  it("gives back each report's listing and whole Report, in the order asked for, across packs", () => {
    const second = new ReportStoreWriter(store, root);
    const more = reports.slice(0, 3).map((r) => second.add(r, reportListing(r)));
    second.close();
    expect(more[0]!.pack).not.toBe(files[0]!.pack);
    const asked = [files[7]!, more[1]!, files[0]!, files[304]!, more[0]!];
    const expected = [reports[7]!, reports[1]!, reports[0]!, reports[304]!, reports[0]!];
    expect(readStoredListings(root, asked)).toEqual(expected.map((r) => JSON.parse(JSON.stringify(reportListing(r)))));
    expect(asked.map((at) => readStoredReport(root, at).id)).toEqual(expected.map((r) => r.id));
  });
});

describe('data downloads joined from stored bytes', () => {
  it('covers Chinese text, both templates and a Word file', () => {
    expect(reports).toHaveLength(305);
    expect(new Set(reports.map((r) => r.template))).toEqual(new Set(['2019', '2021']));
    expect(reports.some((r) => r.source.format === 'docx')).toBe(true);
    expect(reports.every((r) => /[\u4e00-\u9fff]/.test(r.agency ?? ''))).toBe(true);
  });

  it('gives /data/reports.json byte for byte as the text join did, and as JSON.stringify of the reports', async () => {
    const encoder = new TextEncoder();
    // What the endpoint did before: each stored report decoded, joined as text, encoded back.
    const previous = Buffer.concat([...files.map((f, i) => encoder.encode(`${i === 0 ? '[' : ','}${Buffer.from(readByteRange(storedJsonRange(root, f))).toString('utf8')}`)), encoder.encode(']')]);
    const joined = await bytesOf(joinedStream(files.map((f) => () => readByteRange(storedJsonRange(root, f))), JSON_JOINT));
    expect(joined.length).toBeGreaterThan(300 * 10_000);
    expect(joined.equals(previous)).toBe(true);
    expect(joined.equals(Buffer.from(JSON.stringify(reports)))).toBe(true);
  });

  it('gives /data/reports.csv byte for byte as the text join did, and as the table written from the reports', async () => {
    const previous = Buffer.from(csvDocument(files.map((f) => Buffer.from(readByteRange(storedCsvRange(root, f))).toString('utf8'))));
    const joined = await bytesOf(joinedStream(files.map((f) => () => readByteRange(storedCsvRange(root, f))), csvJoint()));
    expect(joined.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(joined.equals(previous)).toBe(true);
    expect(joined.equals(Buffer.from(reportsCsv(reports)))).toBe(true);
  });

  it('gives each report\'s own JSON and CSV file as before', () => {
    for (const [i, f] of files.entries()) {
      const json = joinedBytes([readByteRange(storedJsonRange(root, f))], { head: '', separator: '', tail: '\n' });
      expect(Buffer.from(json).equals(Buffer.from(`${JSON.stringify(reports[i])}\n`)), String(i)).toBe(true);
      const csv = joinedBytes([readByteRange(storedCsvRange(root, f))], csvJoint());
      expect(Buffer.from(csv).equals(Buffer.from(csvDocument([csvRecord(reports[i]!)]))), String(i)).toBe(true);
    }
  });

  it('writes the same bytes from recipes after Astro as the streams give (npm run build)', async () => {
    const out = join(root, 'out');
    mkdirSync(join(out, 'data'), { recursive: true });
    // Astro wrote empty placeholders; the recipes name where each part's bytes are.
    for (const f of ['data/reports.json', 'data/reports.csv', 'data/empty.json']) writeFileSync(join(out, f), '');
    const recipes = join(root, 'joins.jsonl');
    recordJoin(recipes, { out: 'data/reports.json', ...JSON_JOINT, parts: files.map((f) => storedJsonRange(root, f)) });
    recordJoin(recipes, { out: 'data/reports.csv', ...csvJoint(), parts: files.map((f) => storedCsvRange(root, f)) });
    recordJoin(recipes, { out: 'data/empty.json', ...JSON_JOINT, parts: [] });
    expect(parseJoins(readFileSync(recipes, 'utf8')).map((r) => [r.out, r.parts.length])).toEqual([['data/reports.json', 305], ['data/reports.csv', 305], ['data/empty.json', 0]]);
    // A recipe reads back as it was recorded: each part's file, offset and length, in order, across files.
    const mixed: JoinRecipe = { out: 'x.json', head: '[', separator: ',', tail: ']', parts: [{ file: '/a/p1.pack', offset: 0, length: 5 }, { file: '/b/p2.pack', offset: 7, length: 2 }, { file: '/a/p1.pack', offset: 9, length: 0 }] };
    const mixedFile = join(root, 'mixed.jsonl');
    recordJoin(mixedFile, mixed);
    expect(parseJoins(readFileSync(mixedFile, 'utf8'))).toEqual([mixed]);
    const placed = await joinInto(recipes, out);
    expect(placed.placed).toEqual(['data/reports.json', 'data/reports.csv', 'data/empty.json']);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(JSON.stringify(reports)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(reports)))).toBe(true);
    expect(readFileSync(join(out, 'data/empty.json'), 'utf8')).toBe('[]');
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['empty.json', 'reports.csv', 'reports.json']);
    // Parts larger than the join's write buffer (1 MiB), around small ones, come out whole and in order.
    const large = Buffer.from(Array.from({ length: 3 << 20 }, (_, i) => (i * 7919) % 251));
    writeFileSync(join(root, 'large.bin'), large);
    const at = (offset: number, length: number) => ({ file: join(root, 'large.bin'), offset, length });
    await writeJoins(out, [{ out: 'data/empty.json', head: '<', separator: '|', tail: '>', parts: [at(5, 10), at(100, 1_500_000), at(7, 3), at(1_600_000, (3 << 20) - 1_600_000)] }]);
    expect(readFileSync(join(out, 'data/empty.json')).equals(Buffer.concat([Buffer.from('<'), large.subarray(5, 15), Buffer.from('|'), large.subarray(100, 1_500_100), Buffer.from('|'), large.subarray(7, 10), Buffer.from('|'), large.subarray(1_600_000), Buffer.from('>')]))).toBe(true);
    writeFileSync(join(out, 'data/empty.json'), '[]');
    // A part beyond the end of its file (a store changed under the build) fails, naming the file, and leaves the placeholder.
    const short = { ...storedJsonRange(root, files[0]!), offset: 1e9 };
    await expect(writeJoins(out, [{ out: 'data/empty.json', ...JSON_JOINT, parts: [short] }])).rejects.toThrow(short.file);
    expect(readFileSync(join(out, 'data/empty.json'), 'utf8')).toBe('[]');
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['empty.json', 'reports.csv', 'reports.json']);
    // No recipes file (no endpoint recorded one): nothing is written.
    expect(existsSync(join(root, 'no-such.jsonl'))).toBe(false);
    expect((await joinInto(join(root, 'no-such.jsonl'), out)).placed).toEqual([]);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['empty.json', 'reports.csv', 'reports.json']);
  });

  it('records, before Astro renders, the recipes of both downloads from the report index, in id order, and they join the same bytes', async () => {
    const indexFile = join(root, 'store-index.json');
    // The index lists the reports in the archive's order, not by id.
    const entries = reports.map((r, i) => ({ id: r.id, agencySlug: r.agencySlug, year: r.year, digest: String(i), stored: files[i]!, filePath: `x/${i}.txt`, rawText: null }));
    writeReportIndex(indexFile, [...entries].reverse(), readIndexFiles(indexFile));
    const recipes = join(root, 'early-recipes.jsonl');
    recordArchiveDownloads(recipes, root, indexFile);
    const recorded = parseJoins(readFileSync(recipes, 'utf8'));
    expect(recorded.map((r) => [r.out, r.parts.length])).toEqual([['data/reports.json', reports.length], ['data/reports.csv', reports.length]]);
    const out = join(root, 'out-early');
    await joinInto(recipes, out);
    const byId = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(byId.map((r) => r.id)).not.toEqual(reports.map((r) => r.id).reverse());
    // Each report's JSON padded with spaces and a newline to the next multiple of 4 KiB above it.
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(slotted(byId)))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'data/reports.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(byId)));
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(byId)))).toBe(true);
    // No index (the loader did not store the reports): no recipe with no reports, but an error naming the file.
    const none = join(root, 'no-index.json');
    expect(() => recordArchiveDownloads(join(root, 'none-recipes.jsonl'), root, none)).toThrow(none);
    expect(existsSync(join(root, 'none-recipes.jsonl'))).toBe(false);
  });

  it('writes each join on its thread while Astro renders, as soon as its recipe line is whole, and puts it in place only when asked', async () => {
    const out = join(root, 'out-along');
    const scratch = join(root, 'scratch-along');
    mkdirSync(join(out, 'data'), { recursive: true });
    const recipes = join(root, 'joins-along.jsonl');
    const along = new JoinsAlongside(recipes, scratch);
    expect(await along.taken()).toEqual([]); // no recipes file yet
    // The line an endpoint appends, taken from a scratch file.
    const lineFile = join(root, 'joins-line.jsonl');
    recordJoin(lineFile, { out: 'data/reports.json', ...JSON_JOINT, parts: files.map((f) => storedJsonRange(root, f)) });
    const jsonLine = readFileSync(lineFile, 'utf8');
    expect(jsonLine.indexOf('\n')).toBe(jsonLine.length - 1);
    // Half a line (an endpoint still appending): nothing is taken yet.
    writeFileSync(recipes, jsonLine.slice(0, jsonLine.length >> 1));
    expect(await along.taken()).toEqual([]);
    expect(existsSync(scratch)).toBe(false);
    writeFileSync(recipes, jsonLine);
    // The thread takes it on its own, without being asked.
    await expect.poll(() => along.outs, { timeout: 5000 }).toEqual(['data/reports.json']);
    expect(await along.taken()).toEqual(['data/reports.json']);
    // Astro writes the endpoint's placeholder after the endpoint returned, after the join began.
    writeFileSync(join(out, 'data/reports.json'), '');
    recordJoin(recipes, { out: 'data/reports.csv', ...csvJoint(), parts: files.map((f) => storedCsvRange(root, f)) });
    writeFileSync(join(out, 'data/reports.csv'), '');
    await along.written();
    // Written beside, in the scratch folder: the output still has the placeholders.
    expect(readdirSync(scratch).sort()).toEqual(['0-reports.json', '1-reports.csv']);
    expect(readFileSync(join(out, 'data/reports.json'), 'utf8')).toBe('');
    // Put in place over the last build's files, which go into the trash whole (the same file).
    writeFileSync(join(out, 'data/reports.json'), 'the last build');
    const last = inodeOf(join(out, 'data/reports.json'));
    const trash = join(root, 'trash-along');
    along.placeInto(out, trash);
    expect(along.placed).toEqual(['data/reports.json', 'data/reports.csv']);
    expect(along.outs).toEqual(['data/reports.json', 'data/reports.csv']);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(JSON.stringify(reports)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(reports)))).toBe(true);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['reports.csv', 'reports.json']);
    expect(readdirSync(trash).sort()).toEqual(['join-0-reports.json', 'join-1-reports.csv']);
    expect(readFileSync(join(trash, 'join-0-reports.json'), 'utf8')).toBe('the last build');
    expect(inodeOf(join(trash, 'join-0-reports.json'))).toBe(last);
    expect(existsSync(scratch)).toBe(false);
    expect(along.ms).toBeGreaterThan(0);
    // Astro failed: the joins being written go, the placeholders stay as they were.
    const failed = join(root, 'out-failed');
    const failedScratch = join(root, 'scratch-failed');
    mkdirSync(join(failed, 'data'), { recursive: true });
    writeFileSync(join(failed, 'data/reports.json'), 'placeholder');
    const gone = new JoinsAlongside(recipes, failedScratch);
    expect(await gone.taken()).toEqual(['data/reports.json', 'data/reports.csv']);
    await gone.discard();
    expect(existsSync(failedScratch)).toBe(false);
    expect(readdirSync(join(failed, 'data'))).toEqual(['reports.json']);
    expect(readFileSync(join(failed, 'data/reports.json'), 'utf8')).toBe('placeholder');
    // A join that fails on its thread (a store changed under the build) is not thrown from the
    // timer: `written` throws it, naming the file, and leaves no join; the placeholders stay as they were.
    const broken = join(root, 'out-broken');
    const brokenScratch = join(root, 'scratch-broken');
    mkdirSync(join(broken, 'data'), { recursive: true });
    writeFileSync(join(broken, 'data/reports.json'), 'placeholder');
    const brokenRecipes = join(root, 'joins-broken.jsonl');
    recordJoin(brokenRecipes, { out: 'data/reports.csv', ...csvJoint(), parts: files.map((f) => storedCsvRange(root, f)) });
    const short = { ...storedJsonRange(root, files[0]!), offset: 1e9 };
    recordJoin(brokenRecipes, { out: 'data/reports.json', ...JSON_JOINT, parts: [short] });
    const failing = new JoinsAlongside(brokenRecipes, brokenScratch);
    expect(await failing.taken()).toEqual(['data/reports.csv', 'data/reports.json']);
    await expect(failing.written()).rejects.toThrow(short.file);
    expect(existsSync(brokenScratch)).toBe(false);
    expect(readdirSync(join(broken, 'data'))).toEqual(['reports.json']);
    expect(readFileSync(join(broken, 'data/reports.json'), 'utf8')).toBe('placeholder');
  });

  it('writes a partial build\'s joins against the last build\'s: changed reports in place when they fit, else from the last file and the new parts', async () => {
    const json = (parts: StoredAt[]) => ({ ...REPORTS_JSON.joint, parts: parts.map((f) => storedJsonRange(root, f)) });
    const csv = (parts: StoredAt[]) => ({ out: 'data/reports.csv', ...csvJoint(), parts: parts.map((f) => storedCsvRange(root, f)) });
    // The last build: both joined whole, its recipes kept and named by the stamp's digest.
    const out = join(root, 'out-against');
    mkdirSync(join(out, 'data'), { recursive: true });
    const lastRecipes = join(root, 'against-last.jsonl');
    recordJoin(lastRecipes, json(files));
    recordJoin(lastRecipes, csv(files));
    await joinInto(lastRecipes, out);
    const kept = join(root, 'kept', 'against.jsonl');
    const digest = keepJoins(lastRecipes, kept)!;
    expect(existsSync(lastRecipes)).toBe(false);
    expect(readKeptJoins({ file: kept, digest })!.get('data/reports.json')!.parts).toHaveLength(files.length);
    // Report 7 stored again (the same bytes, in a pack of its own): its range changed, its length did not.
    const again = new ReportStoreWriter(store, root);
    const moved = [...files];
    moved[7] = again.add(reports[7]!, reportListing(reports[7]!));
    again.close();
    const against = { kept: { file: kept, digest }, outDir: out };
    const run = async (parts: StoredAt[], compared: typeof against | null) => {
      const recipes = join(root, `against-${recipeFiles++}.jsonl`);
      recordJoin(recipes, json(parts));
      recordJoin(recipes, csv(parts));
      const joins = new JoinsAlongside(recipes, join(root, `scratch-${recipeFiles++}`));
      joins.compareWith(compared);
      await joins.written();
      return joins;
    };
    const inode = inodeOf(join(out, 'data/reports.json'));
    const patched = await run(moved, against);
    expect(patched.hows).toEqual([
      { out: 'data/reports.json', how: 'patch', fresh: 1 },
      { out: 'data/reports.csv', how: 'patch', fresh: 1 },
    ]);
    patched.placeInto(out);
    // Written in place: the same file, and the bytes a whole join gives.
    expect(inodeOf(join(out, 'data/reports.json'))).toBe(inode);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(slotted(reports)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(reports)))).toBe(true);
    expect(patched.placed).toEqual(['data/reports.json', 'data/reports.csv']);
    // Report 2 gone: no longer in place; the last file's runs and nothing new.
    const fewer = await run(files.filter((_, i) => i !== 2), against);
    expect(fewer.hows).toEqual([
      { out: 'data/reports.json', how: 'pieces', fresh: 0 },
      { out: 'data/reports.csv', how: 'pieces', fresh: 0 },
    ]);
    fewer.placeInto(out);
    const rest = reports.filter((_, i) => i !== 2);
    expect(inodeOf(join(out, 'data/reports.json'))).not.toBe(inode);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(slotted(rest)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(rest)))).toBe(true);
    // Recipes the stamp does not name (another digest), or none to compare with: joined whole.
    for (const compared of [{ ...against, kept: { file: kept, digest: 'another' } }, null]) {
      const wholly = await run(files, compared);
      expect(wholly.hows.map((h) => [h.how, h.fresh])).toEqual([
        ['whole', files.length],
        ['whole', files.length],
      ]);
      wholly.placeInto(out);
      expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(slotted(reports)))).toBe(true);
    }
    // The last file not as its recipe says (another size): joined whole.
    writeFileSync(join(out, 'data/reports.csv'), 'not the last build');
    const resized = await run(moved, against);
    expect(resized.hows.map((h) => h.how)).toEqual(['patch', 'whole']);
    // A file to write in place that is not there (taken away meanwhile): the failure names it.
    const nowhere = join(root, 'out-nowhere');
    expect(() => resized.placeInto(nowhere)).toThrow(`无法改写 ${join(nowhere, 'data/reports.json')}`);
  });

  it('gives an empty array and a header-only table for an empty archive', async () => {
    expect((await bytesOf(joinedStream([], JSON_JOINT))).toString()).toBe('[]');
    expect((await bytesOf(joinedStream([], csvJoint()))).toString()).toBe(csvHead());
    expect(Buffer.from(joinedBytes([], JSON_JOINT)).toString()).toBe('[]');
  });

  it('reads each part only when the stream is pulled, and says when it has ended', async () => {
    const read: number[] = [];
    let ended = 0;
    const parts = [0, 1, 2].map((i) => () => {
      read.push(i);
      return new TextEncoder().encode(`"${i}"`);
    });
    const reader = joinedStream(parts, JSON_JOINT, () => ended++).getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(decoder.decode(r.value));
      // Never more than one part ahead of what has been read (the stream's queue holds one chunk).
      expect(read.length).toBeLessThanOrEqual(chunks.filter((c) => c.startsWith('"')).length + 1);
    }
    expect(chunks.join('')).toBe('["0","1","2"]');
    expect(read).toEqual([0, 1, 2]);
    expect(ended).toBe(1);
  });

  it('pads each part to its slot in the stream and at once as the build writes it (astro dev and astro build alone)', async () => {
    const parts = files.slice(0, 20).map((f) => readByteRange(storedJsonRange(root, f)));
    const want = Buffer.from(slotted(reports.slice(0, 20)));
    expect((await bytesOf(joinedStream(parts.map((p) => () => p), REPORTS_JSON.joint))).equals(want)).toBe(true);
    expect(Buffer.from(joinedBytes(parts, REPORTS_JSON.joint)).equals(want)).toBe(true);
    expect((await bytesOf(joinedStream([], REPORTS_JSON.joint))).toString()).toBe('[]');
  });
});
