/**
 * Lays out a report's tables the ways real exports do (tab rows, a cell per line, pipe rows,
 * Markdown tables, space-separated columns) around minimal chapter text. Used to write the layout
 * fixtures and to build report variants in tests.
 */
import { APPEAL_GROUPS, APPEAL_HEADINGS, APPEAL_KEYS, PROACTIVE_2021, REQUESTS_2021 } from '../../src/core/tables/definitions.ts';
import { cellPath } from '../../src/core/tables/table-result.ts';

/** Cell text by dotted path (e.g. "requests.granted.total"). */
export type CellText = (path: string) => string;

export type Row = string[];
export interface Tables {
  proactive: Row[];
  requests: Row[];
  appeals: Row[];
}

/** The official tables as rows of cell texts (header rows included). */
export function tables(cell: CellText): Tables {
  const proactive: Row[] = [];
  const section = (title: string, heading: string[]) => {
    proactive.push([title, '', '', '']);
    proactive.push(['信息内容', ...heading]);
  };
  section('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']);
  PROACTIVE_2021.slice(0, 2).forEach((s) => proactive.push([s.label, ...s.columns.map((c) => cell(cellPath(s, c)))]));
  section('第二十条第（五）项', ['本年处理决定数量', '', '']);
  proactive.push(['行政许可', cell('proactive.licensing'), '', '']);
  section('第二十条第（六）项', ['本年处理决定数量', '', '']);
  proactive.push(['行政处罚', cell('proactive.punishment'), '', '']);
  proactive.push(['行政强制', cell('proactive.enforcement'), '', '']);
  section('第二十条第（八）项', ['本年收费金额（单位：万元）', '', '']);
  proactive.push(['行政事业性收费', cell('proactive.fees'), '', '']);

  const requests: Row[] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  REQUESTS_2021.forEach((s) => {
    const values = s.columns.map((c) => cell(cellPath(s, c)));
    const group = s.group ?? (['requests.granted', 'requests.partlyGranted'].includes(s.path) ? '三、本年度办理结果' : '');
    requests.push([group, s.label, ...values]);
  });

  const appeals: Row[] = [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    [...APPEAL_HEADINGS, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ['', '', '', '', '', ...APPEAL_HEADINGS, ...APPEAL_HEADINGS],
    APPEAL_GROUPS.flatMap((g) => APPEAL_KEYS.map((k) => cell(`${g.path}.${k}`))),
  ];
  return { proactive, requests, appeals };
}

export interface DocumentText {
  /** The sentence of chapter one that states the requests received. */
  statement?: string;
}

/** A whole report around the rendered tables. */
export function document(t: Tables, render: (rows: Row[]) => string, text: DocumentText = {}): string {
  return [
    '硚口区测试局2023年度政府信息公开工作年度报告',
    '',
    '所列统计数据时间范围为2023年1月1日至2023年12月31日。',
    '',
    '一、总体情况',
    '',
    `（一）政府信息依申请公开情况`,
    '',
    text.statement ?? '本年度共收到政府信息公开申请171件。',
    '',
    '二、主动公开政府信息情况',
    '',
    render(t.proactive),
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    render(t.requests),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    render(t.appeals),
    '',
    '五、存在的主要问题及改进情况',
    '',
    '信息公开的及时性有待提高。',
    '',
    '六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
    '武汉市硚口区测试局',
    '2024年1月20日',
    '',
  ].join('\n');
}

export const trimEmptyEnd = (row: Row) => {
  const r = row.slice();
  while (r.length > 1 && r[r.length - 1] === '') r.pop();
  return r;
};

/** Table renderers by layout name. */
export const RENDERERS: Record<string, (rows: Row[]) => string> = {
  'tab-rows': (rows) => rows.map((r) => r.join('\t')).join('\n'),
  'cell-per-line': (rows) => rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n'),
  'pipe-rows': (rows) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n'),
  'markdown-table': (rows) => {
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: Row) => [...r, ...Array(width - r.length).fill('')];
    const [head, ...rest] = rows;
    return [`| ${pad(head!).join(' | ')} |`, `|${Array(width).fill(' --- ').join('|')}|`, ...rest.map((r) => `| ${pad(r).join(' | ')} |`)].join('\n');
  },
  'space-columns': (rows) => rows.map((r) => trimEmptyEnd(r).map((c) => c || '  ').join('    ').trimEnd()).join('\n'),
  'single-space-rows': (rows) =>
    rows
      .map((r) => trimEmptyEnd(r).filter((c) => c !== ''))
      .map((r) => r.join(' '))
      .join('\n'),
};

/** A report in one layout, each cell's text given by `cell`. */
export function renderReport(cell: CellText, layout: string, text: DocumentText = {}): string {
  return document(tables(cell), RENDERERS[layout]!, text);
}
