/**
 * One report's text -> the Report of the data contract: find the document's parts (title,
 * chapters, signature), read the three tables by their labels, assemble, validate with the zod
 * schema, then evaluate the identities. Pure: no file system, no Node APIs, no Astro.
 */
import { runChecks } from './checks/index.ts';
import { findChapters, CHAPTER_TITLES, type ChapterHeading } from './document/chapters.ts';
import { agencyAndYearFromTitle, districtFromAgency, findSignature, findTitle, yearFromStatisticsPeriod } from './document/metadata.ts';
import { isSlug, slugify } from './id/slug.ts';
import { splitLine, splitLines, type Cell, type Line } from './layout/lines.ts';
import { splitFrontMatter, type Meta, type MetaLines } from './meta/front-matter.ts';
import { lookupAgency, type AgencyRegistry } from './model/registry.ts';
import { Report, SCHEMA_VERSION, type DiagnosticEntry, type Report as ReportData, type SectionEntry } from './model/report.ts';
import { readAppealsTable } from './tables/appeals-table.ts';
import { assembleAppeals, assembleProactive, assembleRequests } from './tables/assemble.ts';
import { PROACTIVE_2019, PROACTIVE_2021, PROACTIVE_HEADER_WORDS, REQUESTS_2019, REQUESTS_2021, REQUESTS_HEADER_WORDS, TEMPLATE_2019_MARKERS } from './tables/definitions.ts';
import { readRowTable, type TableRead } from './tables/table-result.ts';
import { proseToMarkdown, type ProseLine } from './text/markdown.ts';
import { furnitureLines } from './text/page-furniture.ts';

export type ReportFormat = 'txt' | 'md' | 'html' | 'docx';

export interface ReportInput {
  /** The decoded text (front matter included; it is skipped here). */
  text: string;
  /** File name as received, relative to the archive folder. */
  file: string;
  sha256: string;
  encoding: string;
  format: ReportFormat;
  /** Layout name forced by the reader of a structured format (html-table, docx-table). */
  layout?: string;
  /** Source line of each text line, when the text was converted from another format (HTML). */
  lineMap?: readonly number[];
  /** Metadata from front matter or a sidecar file, read at the edge. */
  meta?: Meta;
  /** Where the metadata came from, for conflict messages (e.g. "front matter", "x.meta.yaml"). */
  metaSource?: string;
  /** Where each field came from, with its line ("a.meta.yaml 第 2 行"); overrides metaSource. */
  metaSources?: Partial<Record<keyof Meta, string>>;
  /** Line of each field inside this file (front matter), for diagnostics. */
  metaLines?: MetaLines;
  registry?: AgencyRegistry;
  /** Problems the reader already met (metadata, conversion), kept with the report's own. */
  notes?: readonly DiagnosticEntry[];
}

/** A cell stream over a range of lines, with each cell's line index. */
interface Stream {
  cells: Cell[];
  lineIndex: number[];
}

function streamOf(lines: Line[], from: number, to: number, skip: Set<number>): Stream {
  const cells: Cell[] = [];
  const lineIndex: number[] = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    for (const c of lines[i]!.cells) {
      cells.push(c);
      lineIndex.push(i);
    }
  }
  return { cells, lineIndex };
}

interface TablePlacement {
  read: TableRead;
  /** Line indexes [first, last] the table occupies, header included. */
  span: [number, number] | null;
}

/** Reads a table in its chapter first, then anywhere (chapters may be missing or misplaced). */
function placeTable(
  lines: Line[],
  region: [number, number],
  skip: Set<number>,
  read: (cells: Cell[]) => TableRead,
  header: RegExp | null,
): TablePlacement {
  const attempt = (from: number, to: number): TablePlacement => {
    const s = streamOf(lines, from, to, skip);
    const r = read(s.cells);
    if (!r.cellRange) return { read: r, span: null };
    let first = s.lineIndex[r.cellRange[0]]!;
    const last = s.lineIndex[r.cellRange[1]]!;
    if (header) {
      // The header (caption, column headings) sits between the prose and the first row label.
      for (let i = from; i < first; i++) {
        if (!skip.has(i) && lines[i]!.cells.some((c) => c.key !== null && header.test(c.key))) {
          first = i;
          break;
        }
      }
    }
    return { read: r, span: [first, last] };
  };
  const inChapter = attempt(region[0], region[1]);
  if (inChapter.read.rowsFound > 0 || (region[0] === 0 && region[1] === lines.length)) return inChapter;
  const anywhere = attempt(0, lines.length);
  return anywhere.read.rowsFound > inChapter.read.rowsFound ? anywhere : inChapter;
}

function regionOf(chapters: ChapterHeading[], no: number, total: number): [number, number] {
  const own = chapters.find((c) => c.no === no);
  if (!own) return [0, total];
  const next = chapters.find((c) => c.no > no);
  return [own.index + 1, next ? next.index : total];
}

function layoutName(lines: Line[], spans: [number, number][]): string {
  const kinds = new Set<string>();
  for (const [a, b] of spans) {
    let rule = false;
    let pipe = false;
    let singles = 0;
    let filled = 0;
    for (let i = a; i <= b; i++) {
      const l = lines[i]!;
      if (l.kind === 'tab') kinds.add('tab-rows');
      else if (l.kind === 'spaces') kinds.add('space-columns');
      else if (l.kind === 'rule') rule = true;
      else if (l.kind === 'pipe') pipe = true;
      else if (l.kind === 'single' && l.cells.length === 1 && l.cells[0]!.reading.kind === 'number') singles++;
      if (l.kind !== 'blank') filled++;
    }
    if (pipe) kinds.add(rule ? 'markdown-table' : 'pipe-rows');
    // One cell per line: many lines holding a single number inside the table.
    if (singles > filled / 3) kinds.add('cell-per-line');
  }
  return kinds.size ? [...kinds].sort().join('+') : 'none';
}

function sectionText(lines: Line[], from: number, to: number, skip: Set<number>, alsoSkip?: Set<number>): { prose: ProseLine[]; numbered: { text: string; line: number }[] } {
  const prose: ProseLine[] = [];
  const numbered: { text: string; line: number }[] = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i) || alsoSkip?.has(i)) continue;
    const l = lines[i]!;
    const text = l.kind === 'blank' ? '' : l.cells.length > 1 ? l.cells.map((c) => c.text).filter(Boolean).join(' ') : l.text.trim();
    prose.push({ text, blank: text === '' });
    if (text) numbered.push({ text, line: l.no });
  }
  return { prose, numbered };
}

/** Fallback id for a file whose agency or year cannot be read: stable for the same bytes. */
function fileId(file: string, sha256: string): string {
  const base = slugify(file.replace(/\.[^.]+$/, '').split('/').pop() ?? '') || 'report';
  return `file-${base}-${sha256.slice(0, 8)}`.slice(0, 80).replace(/-+$/, '');
}

export function parseReport(input: ReportInput): ReportData {
  const diagnostics: DiagnosticEntry[] = [];
  const error = (message: string, line: number | null = null) => diagnostics.push({ level: 'error', message, line });
  const warning = (message: string, line: number | null = null) => diagnostics.push({ level: 'warning', message, line });

  // Front matter belongs to text formats; converted HTML/Word text starting with "---" is text.
  const front = input.format === 'txt' || input.format === 'md' ? splitFrontMatter(input.text) : { lines: 0 };
  const bodyText = front.lines ? input.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).slice(front.lines).join('\n') : input.text.replace(/^\ufeff/, '');
  const lineMap = input.lineMap;
  const lines = lineMap ? bodyText.split(/\r\n|\r|\n/).map((raw, i) => splitLine(raw, lineMap[i] ?? i + 1)) : splitLines(bodyText, front.lines + 1);
  const furniture = furnitureLines(lines);

  const chapters = findChapters(lines);
  const firstChapter = chapters[0]?.index ?? lines.length;
  const title = findTitle(lines, Math.min(firstChapter, 40));

  const template = lines.some((l) => l.cells.some((c) => c.key !== null && TEMPLATE_2019_MARKERS.test(c.key))) ? '2019' : '2021';
  const proactiveSpecs = template === '2019' ? PROACTIVE_2019 : PROACTIVE_2021;
  const requestSpecs = template === '2019' ? REQUESTS_2019 : REQUESTS_2021;

  // Tables, each in its own chapter when the chapters are there; spans are kept out of the prose.
  const taken = new Set(furniture);
  const markTaken = (span: [number, number] | null) => {
    if (span) for (let i = span[0]; i <= span[1]; i++) taken.add(i);
  };
  const requests = placeTable(lines, regionOf(chapters, 3, lines.length), taken, (c) => readRowTable(c, requestSpecs, '表三'), REQUESTS_HEADER_WORDS);
  markTaken(requests.span);
  const proactive = placeTable(lines, regionOf(chapters, 2, lines.length), taken, (c) => readRowTable(c, proactiveSpecs, '表二'), PROACTIVE_HEADER_WORDS);
  markTaken(proactive.span);
  const appeals = placeTable(lines, regionOf(chapters, 4, lines.length), taken, readAppealsTable, null);
  markTaken(appeals.span);

  const tables = [
    { name: '表二（主动公开政府信息情况）', p: proactive, chapter: 2 },
    { name: '表三（收到和处理政府信息公开申请情况）', p: requests, chapter: 3 },
    { name: '表四（政府信息公开行政复议、行政诉讼情况）', p: appeals, chapter: 4 },
  ];
  const anyTable = tables.some((t) => t.p.read.rowsFound > 0);
  for (const t of tables) {
    diagnostics.push(...t.p.read.diagnostics);
    if (t.p.read.rowsFound === 0) {
      const heading = chapters.find((c) => c.no === t.chapter);
      error(`缺少${t.name}：没有找到它的行标签，各单元格留空`, heading?.line ?? null);
    }
  }

  // Signature block (publication date) after the last chapter's text.
  const lastTableLine = Math.max(-1, ...tables.map((t) => t.p.span?.[1] ?? -1));
  const signature = findSignature(lines, Math.max(chapters[chapters.length - 1]?.index ?? 0, lastTableLine + 1), furniture);
  if (signature) for (const i of signature.indexes) taken.add(i);

  // Chapters.
  const sections: SectionEntry[] = [];
  const prose: { text: string; line: number }[] = [];
  chapters.forEach((ch, k) => {
    const end = chapters[k + 1]?.index ?? lines.length;
    const text = sectionText(lines, ch.index + 1, end, taken);
    sections.push({ no: ch.no, title: ch.title, markdown: proseToMarkdown(text.prose) });
    if (ch.no <= 3) prose.push(...text.numbered);
  });
  const missing = CHAPTER_TITLES.map((t, i) => ({ t, no: i + 1 })).filter((c) => !chapters.some((h) => h.no === c.no));
  if (chapters.length > 0 && missing.length) warning(`未找到章节：${missing.map((c) => `${'一二三四五六'[c.no - 1]}、${c.t}`).join('；')}`);
  if (chapters.length === 0 && anyTable) warning('未找到六个章节的标题，正文未分章');

  const titleEnd = title ? title.indexes[title.indexes.length - 1]! + 1 : 0;
  // The title's lines are skipped beside the taken ones (no copy of `taken`: it holds every table line).
  const preamble = proseToMarkdown(sectionText(lines, titleEnd, firstChapter, taken, new Set(title?.indexes ?? [])).prose);
  if (prose.length === 0 && firstChapter > titleEnd) prose.push(...sectionText(lines, titleEnd, firstChapter, taken).numbered);

  // Metadata: the text, then front matter / sidecar, then the registry.
  const meta = input.meta ?? {};
  const sourceOf = (key: keyof Meta) => input.metaSources?.[key] ?? input.metaSource ?? 'front matter';
  if (!title) warning('未找到报告标题（应以“年度报告”结尾）', lines.find((l) => l.kind !== 'blank')?.no ?? null);
  const fromTitle = title ? agencyAndYearFromTitle(title.title) : { agency: null, year: null };
  const titleLine = title ? lines[title.indexes[0]!]!.no : null;
  const titleAt = titleLine ? `${input.file} 第 ${titleLine} 行的标题` : `${input.file} 的标题`;
  // The statistics period is stated before the tables (preamble or chapter one).
  const headEnd = chapters.find((c) => c.no >= 2)?.index ?? Math.min(lines.length, 80);
  const periodYear = yearFromStatisticsPeriod(lines.slice(0, headEnd).map((l) => l.text).join('\n'));
  let year = fromTitle.year ?? periodYear;
  if (fromTitle.year && periodYear && fromTitle.year !== periodYear) {
    warning(`标题中的年份 ${fromTitle.year} 与统计期间的年份 ${periodYear} 不一致`, titleLine);
  }
  let agency = fromTitle.agency;
  if (meta.agency !== undefined) {
    // The same body under another of its registered names is no conflict.
    const same = agency === meta.agency || (agency !== null && lookupAgency(input.registry, meta.agency) !== undefined && lookupAgency(input.registry, meta.agency) === lookupAgency(input.registry, agency));
    if (agency && !same) {
      error(`${sourceOf('agency')}的 agency“${meta.agency}”与${titleAt}“${agency}”不一致`, input.metaLines?.agency ?? titleLine);
    }
    agency = meta.agency;
  }
  if (meta.year !== undefined) {
    if (year !== null && year !== meta.year) {
      const stated = fromTitle.year !== null ? titleAt : `${input.file} 的统计期间`;
      error(`${sourceOf('year')}的 year ${meta.year} 与${stated}中的 ${year} 不一致`, input.metaLines?.year ?? titleLine);
    }
    year = meta.year;
  }
  if (!agency) error('无法确定发布机关：标题中没有机关名称，也没有 front matter 的 agency');
  if (year === null) error('无法确定报告年度：标题和统计期间都没有写明年份');

  const entry = agency ? lookupAgency(input.registry, agency) : undefined;
  const canonicalAgency = entry?.name ?? agency ?? '';
  // The registry is told, a name's prefix is guessed: the registry comes first.
  const district = meta.district ?? entry?.district ?? (agency ? districtFromAgency(agency) : null) ?? (entry ? districtFromAgency(entry.name) : null) ?? null;
  const agencySlug = entry?.slug ?? (slugify(canonicalAgency) || 'unknown');
  let id = meta.id ?? (agency && year !== null ? `${year}-${agencySlug}` : fileId(input.file, input.sha256));
  if (!isSlug(id)) id = fileId(input.file, input.sha256);

  const publishedOn = meta.publishedOn ?? signature?.publishedOn ?? null;

  const spans = tables.map((t) => t.p.span).filter((s): s is [number, number] => s !== null);
  const layout = input.layout ?? layoutName(lines, spans);

  // Each reader keeps its own cells; a path's prefix says which table holds it.
  const tableOf = (path: string) => (path.startsWith('requests.') ? requests.read : path.startsWith('appeals.') ? appeals.read : proactive.read);
  const valueAt = (path: string) => tableOf(path).values.get(path);
  const lineAt = (path: string) => tableOf(path).lines.get(path);

  const report: ReportData = {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: title?.title ?? '',
    agency: agency ?? '',
    canonicalAgency,
    agencySlug,
    district,
    year,
    publishedOn,
    template,
    sourceUrl: meta.sourceUrl ?? null,
    source: { file: input.file, sha256: input.sha256, encoding: input.encoding, layout, format: input.format },
    preamble,
    sections,
    proactive: assembleProactive(proactive.read.values, template),
    requests: assembleRequests(requests.read.values, template),
    appeals: assembleAppeals(appeals.read.values),
    checks: [],
    diagnostics: [],
  };

  // The readers' paths are the published paths for 表三 and 表四, which are all the checks read.
  report.checks = runChecks({
    template,
    cell: valueAt,
    line: lineAt,
    prose,
    requestsFound: requests.read.rowsFound > 0,
  });
  diagnostics.push(...(input.notes ?? []));
  report.diagnostics = diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return Report.parse(report);
}

/** True when the text held something recognisable as a report (a table or a chapter). */
export function isRecognised(report: ReportData): boolean {
  const missingTables = report.diagnostics.filter((d) => d.level === 'error' && d.message.startsWith('缺少表')).length;
  return report.sections.length > 0 || missingTables < 3;
}
