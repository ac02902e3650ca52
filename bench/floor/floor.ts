/**
 * The floor: what the same machine, the same Astro and Node and the same Pagefind need for the
 * same prose without any of our work. A bare Astro project (a plain `glob` collection of N
 * Markdown files, each holding one generated report's chapter text as plain paragraphs, and one
 * `[id].astro` page) is built, then bare Pagefind indexes its output. The project lives in
 * bench/work/floor-N inside this repository so it resolves this repository's astro and pagefind.
 *
 *   node bench/floor/floor.ts --corpus DIR [--json]     (DIR written by gen:corpus)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setAside } from '../lib/aside.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateReports, type Manifest } from '../generate/corpus.ts';
import type { ReportDocument } from '../generate/document.ts';
import { fmtGiB, fmtS, run, type Measured } from '../lib/measure.ts';
import { folderSize, type FolderSize } from '../lib/sizes.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(REPO, 'node_modules', '.bin');

export interface FloorFigures {
  count: number;
  proseBytes: number;
  astro: Omit<Measured, 'stdout' | 'stderr'>;
  pagefind: Omit<Measured, 'stdout' | 'stderr'>;
  /** Astro build + Pagefind, one after the other. */
  totalMs: number;
  /** The higher of the two peaks (they run one after the other). */
  peakRssBytes: number;
  dist: FolderSize;
  pagefindIndex: FolderSize;
  /**
   * The same tools building a site of one page: what any change costs with them at the least
   * (neither rebuilds part of a site). The yardstick of "one changed report ≈ an unchanged
   * rebuild plus that report".
   */
  /** cpuMs: CPU time of Astro and Pagefind (not in results from before 2026-11-27 13:45). */
  onePage?: { astroMs: number; pagefindMs: number; totalMs: number; cpuMs?: number; runs?: number[] };
  /** With `npm run bench -- --repeat N`: each build's total (Astro + Pagefind); the figures above are of the median one. */
  runs?: number[];
}

/** A report's chapters as Markdown: headings and paragraphs, no tables. */
export function chapterMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  for (const p of doc.preamble) out.push(p);
  for (const ch of doc.chapters) {
    out.push(`## ${ch.heading}`);
    for (const b of ch.blocks) if (b.kind !== 'table') out.push(b.text);
  }
  return out.join('\n\n');
}

const CONFIG = `export default {};\n`;
const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  reports: defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/data/reports' }), schema: z.object({ title: z.string() }) }),
};
`;
const PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const reports = await getCollection('reports');
  return reports.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`;

/** Writes the bare project for the first `count` reports of the corpus's seed. */
export async function writeFloorProject(dir: string, count: number, seed: string): Promise<number> {
  // Set aside, not deleted, until the bench has measured everything (../lib/aside.ts).
  setAside(dir);
  const data = join(dir, 'src', 'data', 'reports');
  mkdirSync(data, { recursive: true });
  mkdirSync(join(dir, 'src', 'pages', 'reports'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(dir, 'src', 'pages', 'reports', '[id].astro'), PAGE);
  let prose = 0;
  let i = 0;
  for await (const { entry, doc } of generateReports(count, seed)) {
    const body = chapterMarkdown(doc);
    prose += Buffer.byteLength(body);
    writeFileSync(join(data, `r${String(i++).padStart(6, '0')}.md`), `---\ntitle: ${JSON.stringify(entry.title)}\n---\n\n${body}\n`);
  }
  return prose;
}

const strip = (m: Measured) => {
  const { stdout: _o, stderr: _e, ...rest } = m;
  return rest;
};

function check(step: string, m: Measured): void {
  if (m.exitCode !== 0) throw new Error(`${step} failed (exit ${m.exitCode}):\n${(m.stderr || m.stdout).split('\n').slice(-30).join('\n')}`);
}

/** Builds the bare project in `dir` and indexes it, measuring both steps. */
async function buildFloor(dir: string): Promise<{ astro: Measured; pagefind: Measured }> {
  // Astro would delete the last build's output as it starts: set aside instead (../lib/aside.ts).
  setAside(join(dir, 'dist'));
  const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = await run(join(BIN, 'node'), [join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', dir], { cwd: dir, env });
  check('floor: astro build', astro);
  const pagefind = await run(join(BIN, 'pagefind'), ['--site', join(dir, 'dist')], { cwd: dir, env });
  check('floor: pagefind', pagefind);
  return { astro, pagefind };
}

/** Builds the floor project of the corpus in `corpusDir` again (written by measureFloor) and measures both steps. */
export async function remeasureFloor(corpusDir: string, workDir = join(REPO, 'bench', 'work')): Promise<Pick<FloorFigures, 'astro' | 'pagefind' | 'totalMs'>> {
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as Manifest;
  const { astro, pagefind } = await buildFloor(join(workDir, `floor-${manifest.count}-${manifest.seed}`));
  return { astro: strip(astro), pagefind: strip(pagefind), totalMs: astro.wallMs + pagefind.wallMs };
}

/**
 * Builds the floor for the corpus in `corpusDir` and measures both steps, then the same for one
 * page, `onePageRuns` times (the median one is reported: a few seconds' build spreads by a second
 * on this machine).
 */
export async function measureFloor(corpusDir: string, workDir = join(REPO, 'bench', 'work'), onePageRuns = 1): Promise<FloorFigures> {
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as Manifest;
  const dir = join(workDir, `floor-${manifest.count}-${manifest.seed}`);
  const proseBytes = await writeFloorProject(dir, manifest.count, manifest.seed);
  const { astro, pagefind } = await buildFloor(dir);
  const oneDir = join(workDir, `floor-1-${manifest.seed}`);
  await writeFloorProject(oneDir, 1, manifest.seed);
  const ones: { astro: Measured; pagefind: Measured; wallMs: number }[] = [];
  for (let i = 0; i < Math.max(1, onePageRuns); i++) {
    const built = await buildFloor(oneDir);
    ones.push({ ...built, wallMs: built.astro.wallMs + built.pagefind.wallMs });
  }
  const one = [...ones].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(ones.length / 2)]!;
  return {
    count: manifest.count,
    proseBytes,
    astro: strip(astro),
    pagefind: strip(pagefind),
    totalMs: astro.wallMs + pagefind.wallMs,
    peakRssBytes: Math.max(astro.peakRssBytes, pagefind.peakRssBytes),
    dist: folderSize(join(dir, 'dist')),
    pagefindIndex: folderSize(join(dir, 'dist', 'pagefind')),
    onePage: { astroMs: one.astro.wallMs, pagefindMs: one.pagefind.wallMs, totalMs: one.wallMs, cpuMs: one.astro.cpuMs + one.pagefind.cpuMs, ...(ones.length > 1 ? { runs: ones.map((o) => o.wallMs) } : {}) },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.corpus) {
    console.error('usage: node bench/floor/floor.ts --corpus DIR [--json]');
    process.exit(2);
  }
  const f = await measureFloor(values.corpus);
  if (values.json) console.log(JSON.stringify(f, null, 2));
  else {
    console.log(`floor for ${f.count} pages (${(f.proseBytes / f.count / 1024).toFixed(1)} KiB of prose each):`);
    console.log(`  astro build  ${fmtS(f.astro.wallMs)}  peak ${fmtGiB(f.astro.peakRssBytes)}`);
    console.log(`  pagefind     ${fmtS(f.pagefind.wallMs)}  peak ${fmtGiB(f.pagefind.peakRssBytes)}`);
    if (f.onePage) console.log(`  one page     ${fmtS(f.onePage.totalMs)} (Astro ${fmtS(f.onePage.astroMs)} + Pagefind ${fmtS(f.onePage.pagefindMs)})`);
    console.log(`  total        ${fmtS(f.totalMs)}  peak ${fmtGiB(f.peakRssBytes)}; dist ${(f.dist.bytes / 1048576).toFixed(1)} MiB, index ${(f.pagefindIndex.bytes / 1048576).toFixed(1)} MiB in ${f.pagefindIndex.files} files`);
  }
}
