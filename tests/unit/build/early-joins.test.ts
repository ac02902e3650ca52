/**
 * Early joins (src/node/build/early-joins.ts, src/node/build/write-joins.ts): a partial build's
 * downloads begun from the last build's files and the changed reports' stored bytes give exactly
 * the bytes Astro's recipes give, for the samples and 160 generated reports after a report changed,
 * one was removed and one added; an early join that cannot be checked, does not match or fails is
 * never put in place, and the recipe is joined instead.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../../bench/generate/corpus.ts';
import type { Report } from '../../../src/core/model/report.ts';
import { reportIndexText, writeReportIndex } from '../../../src/loader/report-index.ts';
import { reportListing, type StoredAt } from '../../../src/loader/report-listing.ts';
import { ReportStoreWriter } from '../../../src/loader/report-store.ts';
import { storedBytes, storedReport } from '../../../src/loader/stored-report.ts';
import { earlyJoins, joinLayoutsFile, keepJoinLayouts, readJoinLayouts, RUN_BYTES, sameJoin, type EarlyJoin, type FreshBytes } from '../../../src/node/build/early-joins.ts';
import { MAX_FRESH, partialBuildJoins } from '../../../src/node/build/partial-build-joins.ts';
import { JoinsAlongside } from '../../../src/node/build/write-joins.ts';
import { reportFromBytes } from '../../../src/node/read-report.ts';
import { reportsCsv } from '../../../src/site/data/csv.ts';
import { parseJoins, type JoinRecipe } from '../../../src/site/data/join-recipe.ts';
import { recordArchiveDownloads } from '../../../src/site/data/record-downloads.ts';
import { SAMPLE_DIR } from '../../helpers/site-archive.ts';

const root = mkdtempSync(join(tmpdir(), 'xxgk-early-'));
const store = join(root, 'store');
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An archive as the loader leaves it: each report stored, the index written, the recipes recorded. */
interface Built {
  reports: Report[];
  stored: Map<string, StoredAt>;
  recipesText: string;
  recipes: JoinRecipe[];
}

let step = 0;
/** Stores the reports not in `kept` into a new pack and records the recipes of all of them. */
function build(reports: Report[], kept: Map<string, StoredAt> = new Map()): Built {
  const pack = new ReportStoreWriter(store, root);
  const stored = new Map<string, StoredAt>();
  for (const r of reports) stored.set(r.id, kept.get(r.id) ?? pack.add(r, reportListing(r)));
  pack.close();
  const indexFile = join(root, `index-${step}.json`);
  writeReportIndex(indexFile, reportIndexText(reports.map((r, i) => ({ id: r.id, agencySlug: r.agencySlug, year: r.year, digest: String(i), stored: stored.get(r.id)!, filePath: `x/${i}.txt`, rawText: null }))));
  const recipesFile = join(root, `recipes-${step++}.jsonl`);
  recordArchiveDownloads(recipesFile, root, indexFile);
  const recipesText = readFileSync(recipesFile, 'utf8');
  return { reports, stored, recipesText, recipes: parseJoins(recipesText) };
}

/** Writes the recipes (as Astro records them) through JoinsAlongside into `out`, with the given early joins begun first. */
async function joinWith(recipesText: string, out: string, early: EarlyJoin[] = []): Promise<JoinsAlongside> {
  const n = step++;
  const recipes = join(root, `along-${n}.jsonl`);
  const joins = new JoinsAlongside(recipes, join(root, `scratch-${n}`));
  for (const one of early) joins.startEarly(one);
  writeFileSync(recipes, recipesText);
  joins.poll();
  await joins.written();
  joins.placeInto(out);
  return joins;
}

const freshOf = (reports: Report[]): FreshBytes => {
  const json = new Map<string, Uint8Array>();
  const csv = new Map<string, Uint8Array>();
  for (const r of reports) {
    const bytes = storedBytes(r);
    json.set(r.id, bytes.json);
    csv.set(r.id, bytes.csv);
  }
  return new Map([
    ['data/reports.json', json],
    ['data/reports.csv', csv],
  ]);
};

let first: Built;
let second: Built;
let changedReport: Report;
let addedReport: Report;
const lastOut = join(root, 'last-out');

beforeAll(async () => {
  const all: Report[] = [];
  for (const f of readdirSync(SAMPLE_DIR).sort()) all.push(storedReport(await reportFromBytes(join(SAMPLE_DIR, f), readFileSync(join(SAMPLE_DIR, f)), { root: SAMPLE_DIR }), f));
  for await (const g of generateReports(161, 'early-joins')) all.push(storedReport(await reportFromBytes(`/corpus/${g.entry.file}`, g.bytes, { root: '/corpus' }), g.entry.file));
  addedReport = all.pop()!;
  first = build(all);
  await joinWith(first.recipesText, lastOut);
  // The next build: one report's text changed, one removed (the second in id order), one added.
  const sorted = [...all].sort(byId);
  const removed = sorted[1]!.id;
  const target = sorted[40]!;
  changedReport = storedReport({ ...target, sections: target.sections.map((s, i) => (i === 0 ? { ...s, markdown: `${s.markdown}\n\n本报告经本机关审核后发布，如有更正将另行公告。` } : s)) }, 'changed.txt');
  const next = all.filter((r) => r.id !== removed).map((r) => (r.id === target.id ? changedReport : r));
  next.push(addedReport);
  const kept = new Map([...first.stored].filter(([id]) => id !== target.id && id !== removed));
  second = build(next, kept);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('early joins', () => {
  it('keeps the layouts tied to the output they describe', () => {
    const file = joinLayoutsFile(join(root, 'stamps', 'abc.json'));
    expect(file).toBe(join(root, 'stamps', 'abc.joins.jsonl'));
    expect(readJoinLayouts(file, 'out-1')).toBeNull();
    keepJoinLayouts(file, 'out-1', first.recipesText);
    expect(readJoinLayouts(file, 'out-1')).toEqual(first.recipes);
    expect(first.recipes[0]!.ids).toHaveLength(first.reports.length);
    // Another output (altered since, or another build's): not these layouts.
    expect(readJoinLayouts(file, 'out-2')).toBeNull();
    writeFileSync(file, 'not json\n');
    expect(readJoinLayouts(file, 'out-1')).toBeNull();
  });

  it("gives the bytes of Astro's recipes, from runs of the last files and the changed reports", async () => {
    const ids = second.reports.map((r) => r.id).sort();
    const freshFile = join(root, 'fresh.bin');
    const early = earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport, addedReport]), freshFile)!;
    expect(early.map((e) => e.recipe.out)).toEqual(['data/reports.json', 'data/reports.csv']);
    for (const [i, one] of early.entries()) {
      expect(sameJoin(one, second.recipes[i]!)).toBe(true);
      // Unchanged neighbours are read as runs (fewer parts than reports), none longer than the join's buffer.
      expect(one.recipe.parts.length).toBeLessThan(ids.length / 4);
      expect(one.recipe.parts.length).toBeGreaterThan(3);
      for (const part of one.recipe.parts) expect(part.length).toBeLessThanOrEqual(RUN_BYTES);
      expect(one.recipe.parts.filter((p) => p.file === freshFile)).toHaveLength(2);
    }
    const out = join(root, 'out-early');
    const joins = await joinWith(second.recipesText, out, early);
    expect(joins.earlyCount).toEqual({ kept: 2, dropped: 0 });
    const expected = [...second.reports].sort(byId);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(JSON.stringify(expected)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(expected)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.json'), 'utf8')).toContain('如有更正将另行公告');
  });

  it('is not made when the last files or layouts cannot say where a report is', () => {
    const ids = second.reports.map((r) => r.id).sort();
    const fresh = freshOf([changedReport, addedReport]);
    const freshFile = join(root, 'fresh-none.bin');
    // A report neither in the last files nor among the fresh ones.
    expect(earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport]), freshFile)).toBeNull();
    // Layouts without ids (recorded by an older build).
    expect(earlyJoins(first.recipes.map(({ ids: _ids, ...r }) => r), lastOut, ids, fresh, freshFile)).toBeNull();
    // A download the fresh bytes do not cover.
    expect(earlyJoins([{ ...first.recipes[0]!, out: 'data/other.json' }], lastOut, ids, fresh, freshFile)).toBeNull();
    // The last file is not the size its layout says (altered), or is gone.
    const altered = join(root, 'altered-out');
    mkdirSync(join(altered, 'data'), { recursive: true });
    writeFileSync(join(altered, 'data/reports.json'), Buffer.concat([readFileSync(join(lastOut, 'data/reports.json')), Buffer.from(' ')]));
    writeFileSync(join(altered, 'data/reports.csv'), readFileSync(join(lastOut, 'data/reports.csv')));
    expect(earlyJoins(first.recipes, altered, ids, fresh, freshFile)).toBeNull();
    rmSync(join(altered, 'data/reports.json'));
    expect(earlyJoins(first.recipes, altered, ids, fresh, freshFile)).toBeNull();
    expect(earlyJoins(first.recipes.slice(1), altered, ids, fresh, freshFile)).not.toBeNull();
  });

  it("is found different from a recipe that names other stored bytes, other reports or other fresh bytes", () => {
    const ids = second.reports.map((r) => r.id).sort();
    const early = earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport, addedReport]), join(root, 'fresh-diff.bin'))!;
    const recipe = second.recipes[0]!;
    const keptAt = ids.indexOf(first.reports[0]!.id);
    const changedAt = ids.indexOf(changedReport.id);
    expect(keptAt).toBeGreaterThanOrEqual(0);
    const withPart = (i: number, part: JoinRecipe['parts'][number]) => ({ ...recipe, parts: recipe.parts.map((p, k) => (k === i ? part : p)) });
    // A kept report stored again elsewhere (same bytes, another place): not checked, so not kept.
    expect(sameJoin(early[0]!, withPart(keptAt, { ...recipe.parts[keptAt]!, offset: recipe.parts[keptAt]!.offset + 1 }))).toBe(false);
    // A changed report whose stored bytes differ from the guess (same length).
    const other = recipe.parts[changedAt === 0 ? 1 : 0]!;
    expect(sameJoin(early[0]!, withPart(changedAt, { ...other, length: recipe.parts[changedAt]!.length }))).toBe(false);
    // Other reports, another order, no ids, another download.
    expect(sameJoin(early[0]!, { ...recipe, ids: [...recipe.ids!].reverse() })).toBe(false);
    expect(sameJoin(early[0]!, { ...recipe, ids: undefined })).toBe(false);
    expect(sameJoin(early[0]!, { ...recipe, ids: recipe.ids!.slice(1), parts: recipe.parts.slice(1) })).toBe(false);
    expect(sameJoin(early[0]!, second.recipes[1]!)).toBe(false);
    expect(sameJoin(early[0]!, { ...recipe, head: '[\n' })).toBe(false);
    expect(sameJoin(early[0]!, recipe)).toBe(true);
  });

  it("joins the recipe instead when the early join does not match it, and puts no early file in place", async () => {
    // Every report stored anew (as when a pack is mostly dead): the ranges differ, the bytes do not.
    const restored = build(second.reports);
    const ids = second.reports.map((r) => r.id).sort();
    const early = earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport, addedReport]), join(root, 'fresh-drop.bin'))!;
    const out = join(root, 'out-dropped');
    const joins = await joinWith(restored.recipesText, out, early);
    expect(joins.earlyCount).toEqual({ kept: 0, dropped: 2 });
    expect(joins.placed).toEqual(['data/reports.json', 'data/reports.csv']);
    const expected = [...second.reports].sort(byId);
    expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(JSON.stringify(expected)))).toBe(true);
    expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(expected)))).toBe(true);
  });

  it('joins the recipe when an early join fails, whether its recipe came before or after the failure', async () => {
    const ids = second.reports.map((r) => r.id).sort();
    const expected = [...second.reports].sort(byId);
    for (const recipeFirst of [true, false]) {
      const freshFile = join(root, `fresh-fail-${recipeFirst}.bin`);
      const early = earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport, addedReport]), freshFile)!;
      // Its fresh bytes are gone before the thread reads them: the join fails, though it matches the recipe.
      rmSync(freshFile);
      expect(sameJoin(early[0]!, second.recipes[0]!)).toBe(true);
      const n = step++;
      const recipes = join(root, `fail-${n}.jsonl`);
      const joins = new JoinsAlongside(recipes, join(root, `scratch-fail-${n}`));
      if (recipeFirst) writeFileSync(recipes, second.recipesText);
      for (const one of early) joins.startEarly(one);
      if (recipeFirst) joins.poll();
      else {
        await new Promise((resolve) => setTimeout(resolve, 300));
        writeFileSync(recipes, second.recipesText);
      }
      await joins.written();
      const out = join(root, `out-fail-${n}`);
      joins.placeInto(out);
      expect(joins.earlyCount, String(recipeFirst)).toEqual({ kept: 0, dropped: 2 });
      expect(readFileSync(join(out, 'data/reports.json')).equals(Buffer.from(JSON.stringify(expected))), String(recipeFirst)).toBe(true);
      expect(readFileSync(join(out, 'data/reports.csv')).equals(Buffer.from(reportsCsv(expected))), String(recipeFirst)).toBe(true);
    }
  });

  it('fails, putting nothing in place, when Astro recorded no recipe for an early join', async () => {
    const ids = second.reports.map((r) => r.id).sort();
    const early = earlyJoins(first.recipes, lastOut, ids, freshOf([changedReport, addedReport]), join(root, 'fresh-orphan.bin'))!;
    const recipes = join(root, 'orphan.jsonl');
    const scratch = join(root, 'scratch-orphan');
    const joins = new JoinsAlongside(recipes, scratch);
    joins.startEarly(early[0]!);
    // Only the CSV's recipe is recorded.
    appendFileSync(recipes, `${second.recipesText.split('\n')[1]}\n`);
    await expect(joins.written()).rejects.toThrow('数据下载 data/reports.json 已提前生成，但 Astro 没有记下它的配方，无法核对');
    expect(existsSync(scratch)).toBe(false);
  });

  it('begins none for a partial build without layouts or with more changed reports than it reads again', async () => {
    const pages = second.reports.map((r) => ({ pageId: r.id, entry: { file: `${r.id}.txt`, path: `/x/${r.id}.txt`, sha256: '0' } })) as unknown as Parameters<typeof partialBuildJoins>[0]['reports'];
    const read = async () => {
      throw new Error('not read');
    };
    const layoutsFile = join(root, 'partial.joins.jsonl');
    const o = { layoutsFile, output: 'out-p', outDir: lastOut, reports: pages, read, freshFile: join(root, 'fresh-p.bin') };
    expect(await partialBuildJoins({ ...o, changed: () => false })).toBeNull();
    keepJoinLayouts(layoutsFile, 'out-p', first.recipesText);
    const many = new Set(second.reports.slice(0, MAX_FRESH + 1).map((r) => r.id));
    expect(await partialBuildJoins({ ...o, changed: (id) => many.has(id) })).toBeNull();
    // Within the limit the changed and the new reports are read (here: the reader's error comes through).
    await expect(partialBuildJoins({ ...o, changed: (id) => id === changedReport.id })).rejects.toThrow('not read');
  });
});
