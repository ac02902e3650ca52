/**
 * One report as a format-neutral document: title lines, preamble, the six chapters (paragraphs,
 * sub-headings, the three tables as rows of cell texts) and the signature. Writers (writers/*.ts)
 * turn it into a file of one format; table layouts (layouts/*.ts) lay out its tables.
 */
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS, PROACTIVE_2019, PROACTIVE_2021, type RowSpec } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';
import type { Agency } from './agencies.ts';
import { requestRows, type Cells, type Template } from './figures.ts';
import * as bank from './prose-bank.ts';
import type { Random } from './random.ts';

export type TableName = 'proactive' | 'requests' | 'appeals';

/**
 * A table row: cell texts, not padded (layouts that print a grid pad rows to the table's width);
 * `header` rows hold headings (a layout may break them over lines).
 */
export interface Row {
  cells: string[];
  header?: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; name: TableName; rows: Row[] };

export interface Chapter {
  no: number;
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  titleLines: string[];
  preamble: string[];
  chapters: Chapter[];
  signature: string[];
}

/** How a value cell is printed: the text, and the value a reader must get back from it. */
export type CellPrinter = (path: string, value: number | null) => string;

const CN_DIGIT = '〇一二三四五六七八九';
function chineseYear(y: number): string {
  return String(y).split('').map((d) => CN_DIGIT[Number(d)]).join('');
}
function chineseSmall(n: number): string {
  if (n < 10) return CN_DIGIT[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN_DIGIT[tens] : ''}十${n % 10 ? CN_DIGIT[n % 10] : ''}`;
}

export interface DocumentOptions {
  agency: Agency;
  year: number;
  template: Template;
  cells: Cells;
  /** The number of requests the prose states (before or after a deliberate break). */
  statement: number;
  /** The statement counts 上年结转 in ("共受理…N件（含上年结转M件）"). */
  statementIncludesCarriedOver: boolean;
  carriedOverTotal: number;
  publishedOn: string | null;
  print: CellPrinter;
}

export interface Composed {
  doc: ReportDocument;
  /** The title as the parser reports it (line breaks and spaces removed). */
  title: string;
}

function fill(rng: Random, sentence: string, o: DocumentOptions): string {
  const a = o.agency;
  return sentence
    .replace(/\{agency\}/g, a.name)
    .replace(/\{self\}/g, a.self)
    .replace(/\{short\}/g, a.short)
    .replace(/\{district\}/g, a.district)
    .replace(/\{year\}/g, String(o.year))
    .replace(/\{prev\}/g, String(o.year - 1))
    .replace(/\{topic\}/g, () => rng.pick(bank.TOPICS[a.body.domain]))
    .replace(/\{n\}/g, () => String(rng.int(10, 600)))
    .replace(/\{m\}/g, () => String(rng.int(1, 12)))
    .replace(/\{p\}/g, () => String(rng.int(85, 100)));
}

const VERBS = ['加强', '规范', '深化', '做好', '推进', '落实', '完善', '强化', '优化', '拓展'];
const OBJECTS = ['信息公开', '政策解读', '回应关切', '公开内容审查', '信息发布', '专题专栏建设', '数据开放', '公开目录编制', '办事指南更新'];
const PURPOSES = [
  '切实保障人民群众的知情权、参与权、表达权和监督权',
  '不断提升政府工作透明度',
  '增强政务公开实效',
  '更好服务企业和群众',
  '营造公开透明的营商环境',
  '推动政务公开工作提质增效',
  '让政策更好落地见效',
  '提升群众获得感和满意度',
];

/** A sentence built from parts, for variety beyond the bank. */
function composed(rng: Random, o: DocumentOptions): string {
  const topic = rng.pick(bank.TOPICS[o.agency.body.domain]);
  switch (rng.int(0, 3)) {
    case 0:
      return `${o.agency.self}${rng.pick(VERBS)}${topic}领域${rng.pick(OBJECTS)}，${rng.pick(PURPOSES)}。`;
    case 1:
      return `全年共发布${topic}相关信息${rng.int(5, 400)}条，其中政策文件${rng.int(1, 30)}件、解读材料${rng.int(1, 20)}篇。`;
    case 2:
      return `围绕${topic}，${rng.pick(VERBS)}${rng.pick(OBJECTS)}，${rng.pick(PURPOSES)}。`;
    default:
      return `${o.year}年，${o.agency.short}${rng.pick(VERBS)}${rng.pick(OBJECTS)}工作，${rng.pick(VERBS)}${topic}信息公开，${rng.pick(PURPOSES)}。`;
  }
}

/** `count` sentences: distinct ones from the bank first, then composed ones. */
function sentences(rng: Random, list: readonly string[], count: number, o: DocumentOptions): string[] {
  const chosen = rng.sample(list, Math.min(count, list.length)).map((s) => fill(rng, s, o));
  while (chosen.length < count) chosen.push(composed(rng, o));
  return chosen;
}

/** Sentences grouped into paragraphs of 1–3. */
function paragraphs(rng: Random, list: string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < list.length; ) {
    const n = rng.int(1, 3);
    out.push({ kind: 'paragraph', text: list.slice(i, i + n).join('') });
    i += n;
  }
  return out;
}

/** The sentence stating the requests received: the one the text check reads. */
function statementSentence(rng: Random, o: DocumentOptions): string {
  const n = o.statement;
  const y = o.year;
  if (o.statementIncludesCarriedOver) return `${y}年，${o.agency.self}共受理政府信息公开申请${n}件（含上年结转${o.carriedOverTotal}件），均在法定期限内予以答复。`;
  if (n === 0 && rng.chance(0.6)) {
    return rng.pick([`本年度${o.agency.self}未收到政府信息公开申请。`, `${y}年，${o.agency.self}未收到依申请公开申请。`, '本年度内本单位未收到依申请公开信息。']);
  }
  return rng.pick([
    `本年度${o.agency.self}共收到政府信息公开申请${n}件。`,
    `${y}年共收到${n}条依申请公开申请，全部按时、高效完成答复。`,
    `本年度${o.agency.self}收到依申请公开申请 ${n} 件。`,
    `${y}年，${o.agency.self}新收到依申请公开政府信息${n}件，均已按时办结。`,
    `全年共收到政府信息公开申请${n}件，其中自然人申请占多数。`,
  ]);
}

function subheadings(rng: Random): string[] {
  const style = rng.int(0, 2);
  const names = ['政府信息主动公开情况', '政府信息依申请公开情况', '政府信息管理情况', '政府信息公开平台建设情况', '监督保障情况'];
  const short = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];
  return names.map((name, i) => {
    if (style === 0) return `（${'一二三四五'[i]}）${name}`;
    if (style === 1) return `(${'一二三四五'[i]}) ${short[i]}:`;
    return `（${i + 1}） ${name}`;
  });
}

function chapterOne(rng: Random, o: DocumentOptions, verbosity: number): Block[] {
  const heads = subheadings(rng);
  const n = (base: number) => Math.max(1, Math.round(base * verbosity));
  const blocks: Block[] = [];
  if (rng.chance(0.4)) blocks.push({ kind: 'paragraph', text: `${o.year}年，在区委、区政府的正确领导下，${o.agency.self}认真贯彻落实《中华人民共和国政府信息公开条例》和省、市、区工作部署要求，扎实推进政务公开各项工作。` });
  blocks.push({ kind: 'subheading', text: heads[0]! }, ...paragraphs(rng, sentences(rng, bank.ACTIVE_DISCLOSURE, n(5), o)));
  blocks.push({ kind: 'subheading', text: heads[1]! });
  // The statement opens the paragraph or follows a sentence (then PDF text may wrap it over two lines).
  const [handling] = sentences(rng, bank.REQUEST_HANDLING, 1, o);
  blocks.push({ kind: 'paragraph', text: rng.chance(0.5) ? `${statementSentence(rng, o)}${handling}` : `${handling}${statementSentence(rng, o)}` });
  blocks.push(...paragraphs(rng, sentences(rng, bank.REQUEST_HANDLING, n(1), o)));
  blocks.push({ kind: 'subheading', text: heads[2]! }, ...paragraphs(rng, sentences(rng, bank.INFO_MANAGEMENT, n(3), o)));
  blocks.push({ kind: 'subheading', text: heads[3]! }, ...paragraphs(rng, sentences(rng, bank.PLATFORM, n(3), o)));
  blocks.push({ kind: 'subheading', text: heads[4]! }, ...paragraphs(rng, sentences(rng, bank.OVERSIGHT, n(3), o)));
  return blocks;
}

function value(o: DocumentOptions, path: string): string {
  return o.print(path, o.cells.get(path) ?? null);
}

function proactiveRows(o: DocumentOptions): Row[] {
  const rows: Row[] = [];
  const section = (item: string, headings: string[]) => {
    rows.push({ cells: [`第二十条第（${item}）项`], header: true });
    rows.push({ cells: ['信息内容', ...headings], header: true });
  };
  const row = (spec: RowSpec) => rows.push({ cells: [spec.label, ...spec.columns.map((c) => value(o, cellPath(spec, c)))] });
  if (o.template === '2021') {
    const [reg, norm, lic, pun, enf, fee] = PROACTIVE_2021;
    section('一', ['本年制发件数', '本年废止件数', '现行有效件数']);
    row(reg!);
    row(norm!);
    section('五', ['本年处理决定数量']);
    row(lic!);
    section('六', ['本年处理决定数量']);
    row(pun!);
    row(enf!);
    section('八', ['本年收费金额（单位：万元）']);
    row(fee!);
  } else {
    const [reg, norm, lic, other, pun, enf, fee, proc] = PROACTIVE_2019;
    section('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量']);
    row(reg!);
    row(norm!);
    section('五', ['上一年项目数量', '本年增/减', '处理决定数量']);
    row(lic!);
    row(other!);
    section('六', ['上一年项目数量', '本年增/减', '处理决定数量']);
    row(pun!);
    row(enf!);
    section('八', ['上一年项目数量', '本年增/减']);
    row(fee!);
    section('九', ['采购项目数量', '采购总金额']);
    row(proc!);
  }
  return rows;
}

const GROUP_OF: Record<string, string> = {
  'requests.granted': '三、本年度办理结果',
  'requests.denied.stateSecret': '（三）不予公开',
  'requests.unableToProvide.notHeld': '（四）无法提供',
  'requests.notProcessed.complaint': '（五）不予处理',
  'requests.otherHandling.overdueCorrection': '（六）其他处理',
};

function requestsRows(o: DocumentOptions): Row[] {
  const rows: Row[] = [
    { cells: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', '', '', '', '', '', ''], header: true },
    { cells: ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'], header: true },
    { cells: ['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''], header: true },
  ];
  for (const spec of requestRows(o.template)) {
    const vals = spec.columns.map((c) => value(o, cellPath(spec, c)));
    const sub = spec.group !== undefined;
    const label = spec.label;
    // Sub-rows sit under their group label, printed once before the first of them.
    const group = GROUP_OF[spec.path] ?? '';
    if (sub || spec.path === 'requests.granted' || spec.path === 'requests.partlyGranted') rows.push({ cells: [group, label, ...vals] });
    else rows.push({ cells: [label, '', ...vals] });
  }
  return rows;
}

function appealsRows(o: DocumentOptions): Row[] {
  return [
    { cells: ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''], header: true },
    { cells: [...APPEAL_HEADINGS, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''], header: true },
    { cells: ['', '', '', '', '', ...APPEAL_HEADINGS, ...APPEAL_HEADINGS], header: true },
    { cells: APPEAL_GROUPS.flatMap((g) => APPEAL_KEYS.map((k) => value(o, `${g.path}.${k}`))) },
  ];
}

function titleLines(rng: Random, o: DocumentOptions): string[] {
  const a = o.agency.name;
  const y = o.year;
  return rng.weighted<string[]>([
    [[`${a}${y}年度政府信息公开工作年度报告`], 5],
    [[`${a} ${y} 年度 政府信息公开工作年度报告`], 1],
    [[`${a}${y}年政府信息公开工作年度报告`], 3],
    [[`${a}${y}年度政府`, '信息公开工作年度报告'], 1],
    [[a, `${y}年政府信息公开工作年度报告`], 1],
    [[`关于${a}${y}年度政府信息公开工作的年度报告`], 1],
    [[`${a}政府信息公开工作${y}年度报告`], 1],
  ]);
}

function dateText(rng: Random, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return rng.weighted([
    [`${y}年${m}月${d}日`, 5],
    [`${y} 年 ${m} 月 ${d} 日`, 1],
    [`${chineseYear(y)}年${chineseSmall(m)}月${chineseSmall(d)}日`, 1],
  ]);
}

/** Composes the whole report. `verbosity` (1–2) scales how much prose each part gets. */
export function composeDocument(rng: Random, o: DocumentOptions): Composed {
  const verbosity = 1 + rng.next();
  const y = o.year;
  const t = titleLines(rng, o);
  const period = rng.pick([`所列统计数据时间范围为${y}年1月1日至${y}年12月31日。`, `本年报中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`, `所列统计数据时间范围为 ${y} 年 1 月 1 日至 ${y} 年 12 月 31 日。`]);
  const preamble = [
    `依据《中华人民共和国政府信息公开条例》（以下简称《政府信息公开条例》）第五十条和《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（${o.template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}）规定，编制本报告。本年度报告全文包括：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。${period}如本报告有疑问，请联系：${o.agency.name}办公室，电话：0${rng.int(10, 999)}-${rng.int(20000000, 89999999)}。`,
  ];

  const appealsTotal = APPEAL_GROUPS.reduce((s, g) => s + (o.cells.get(`${g.path}.total`) ?? 0), 0);
  const appealsText = appealsTotal === 0
    ? fill(rng, rng.pick(bank.APPEALS_NONE), o)
    : `${y}年，${o.agency.self}发生政府信息公开行政复议${o.cells.get('appeals.review.total') ?? 0}件、行政诉讼${(o.cells.get('appeals.litigationDirect.total') ?? 0) + (o.cells.get('appeals.litigationAfterReview.total') ?? 0)}件，具体情况如下表。`;

  const n = (base: number) => Math.max(1, Math.round(base * verbosity));
  const chapters: Chapter[] = [
    { no: 1, heading: '一、总体情况', blocks: chapterOne(rng, o, verbosity) },
    { no: 2, heading: '二、主动公开政府信息情况', blocks: [{ kind: 'paragraph', text: fill(rng, rng.pick(bank.PROACTIVE_CHAPTER), o) }, { kind: 'table', name: 'proactive', rows: proactiveRows(o) }] },
    { no: 3, heading: '三、收到和处理政府信息公开申请情况', blocks: [{ kind: 'table', name: 'requests', rows: requestsRows(o) }] },
    { no: 4, heading: '四、政府信息公开行政复议、行政诉讼情况', blocks: [{ kind: 'paragraph', text: appealsText }, { kind: 'table', name: 'appeals', rows: appealsRows(o) }] },
    {
      no: 5,
      heading: '五、存在的主要问题及改进情况',
      blocks: [
        { kind: 'subheading', text: '（一）上年度存在的问题及改进情况' },
        ...paragraphs(rng, [...sentences(rng, bank.PREVIOUS_PROBLEMS, 1, o), ...sentences(rng, bank.PREVIOUS_FIXES, n(2), o)]),
        { kind: 'subheading', text: '（二）本年度存在的问题及下年度改进举措' },
        ...paragraphs(rng, sentences(rng, bank.CURRENT_PROBLEMS, n(1), o)),
        ...bank.IMPROVEMENTS.slice(0, n(3)).map((s): Block => ({ kind: 'paragraph', text: fill(rng, s, o) })),
      ],
    },
    { no: 6, heading: '六、其他需要报告的事项', blocks: paragraphs(rng, sentences(rng, bank.OTHER_MATTERS, n(2), o)) },
  ];
  const signature = o.publishedOn ? [o.agency.name, dateText(rng, o.publishedOn)] : [];
  return { doc: { titleLines: t, preamble, chapters, signature }, title: t.join('').replace(/\s+/g, '') };
}
