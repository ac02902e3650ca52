/**
 * The official rows of 表二 and 表三: their labels as printed, how to recognise them in a report
 * (by meaning, after numbering and spaces are removed), and where their cells go in the Report.
 * Parsers, checks, renderers and exports all read these lists, so a label is written once.
 */

export interface RowSpec {
  /** Dotted path of the row in the Report, e.g. "requests.denied.stateSecret". */
  path: string;
  /** The label as the official table prints it. */
  label: string;
  /** Official group label for sub-rows, e.g. "（三）不予公开". */
  group?: string;
  /** Matches the bare label key (half-width, no spaces, numbering removed). */
  match: RegExp;
  /** Column keys of the values, in order. */
  columns: readonly string[];
  /** Column headings as printed. */
  headings: readonly string[];
  /** True when decimals are legitimate (amounts of money). */
  decimals?: boolean;
  /** Columns that may be negative (本年增/减). */
  signed?: boolean;
}

const DOC_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
const DOC_HEADINGS = ['本年制发件数', '本年废止件数', '现行有效件数'] as const;

/** 表二 of the 2021 template. Scalar rows use the column key "value". */
export const PROACTIVE_2021: readonly RowSpec[] = [
  { path: 'proactive.regulations', label: '规章', match: /^规章$/, columns: DOC_COLUMNS, headings: DOC_HEADINGS },
  { path: 'proactive.normativeDocuments', label: '行政规范性文件', match: /^(?:行政)?规范性文件$/, columns: DOC_COLUMNS, headings: DOC_HEADINGS },
  { path: 'proactive.licensing', label: '行政许可', match: /^行政许可$/, columns: ['value'], headings: ['本年处理决定数量'] },
  { path: 'proactive.punishment', label: '行政处罚', match: /^行政处罚$/, columns: ['value'], headings: ['本年处理决定数量'] },
  { path: 'proactive.enforcement', label: '行政强制', match: /^行政强制$/, columns: ['value'], headings: ['本年处理决定数量'] },
  { path: 'proactive.fees', label: '行政事业性收费', match: /^行政事业性收费$/, columns: ['value'], headings: ['本年收费金额（单位：万元）'], decimals: true },
];

const DOC19_COLUMNS = ['made', 'published', 'totalPublished'] as const;
const DOC19_HEADINGS = ['本年新制作数量', '本年新公开数量', '对外公开总数量'] as const;
const ITEM19_COLUMNS = ['previousItems', 'change', 'decisions'] as const;
const ITEM19_HEADINGS = ['上一年项目数量', '本年增/减', '处理决定数量'] as const;

/** 表二 of the 2019 template, stored under proactive.template2019. */
export const PROACTIVE_2019: readonly RowSpec[] = [
  { path: 'proactive.template2019.regulations', label: '规章', match: /^规章$/, columns: DOC19_COLUMNS, headings: DOC19_HEADINGS },
  { path: 'proactive.template2019.normativeDocuments', label: '规范性文件', match: /^(?:行政)?规范性文件$/, columns: DOC19_COLUMNS, headings: DOC19_HEADINGS },
  { path: 'proactive.template2019.licensing', label: '行政许可', match: /^行政许可$/, columns: ITEM19_COLUMNS, headings: ITEM19_HEADINGS, signed: true },
  { path: 'proactive.template2019.otherServices', label: '其他对外管理服务事项', match: /^其他对外管理服务事项$/, columns: ITEM19_COLUMNS, headings: ITEM19_HEADINGS, signed: true },
  { path: 'proactive.template2019.punishment', label: '行政处罚', match: /^行政处罚$/, columns: ITEM19_COLUMNS, headings: ITEM19_HEADINGS, signed: true },
  { path: 'proactive.template2019.enforcement', label: '行政强制', match: /^行政强制$/, columns: ITEM19_COLUMNS, headings: ITEM19_HEADINGS, signed: true },
  { path: 'proactive.template2019.fees', label: '行政事业性收费', match: /^行政事业性收费$/, columns: ['previousItems', 'change'], headings: ['上一年项目数量', '本年增/减'], signed: true },
  { path: 'proactive.template2019.procurement', label: '政府集中采购', match: /^政府集中采购$/, columns: ['items', 'amount'], headings: ['采购项目数量', '采购总金额'], decimals: true },
];

export const APPLICANT_HEADINGS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legal', 'otherOrg', 'total'] as const;

function requestRow(path: string, label: string, match: RegExp, group?: string): RowSpec {
  return { path: `requests.${path}`, label, match, columns: APPLICANTS, headings: APPLICANT_HEADINGS, ...(group ? { group } : {}) };
}

const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const REQUESTS_HEAD: readonly RowSpec[] = [
  requestRow('newReceived', '一、本年新收政府信息公开申请数量', /本年新收/),
  requestRow('carriedOver', '二、上年结转政府信息公开申请数量', /上年结转/),
  requestRow('granted', '（一）予以公开', /^(?:本年度?办理结果)?予以公开$/),
  requestRow('partlyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', /^(?:本年度?办理结果)?部分公开(?:\(.*\))?$/),
  requestRow('denied.stateSecret', '1. 属于国家秘密', /国家秘密$/, DENIED),
  requestRow('denied.lawForbidden', '2. 其他法律行政法规禁止公开', /法规禁止公开$/, DENIED),
  requestRow('denied.safetyStability', '3. 危及“三安全一稳定”', /三安全一稳定/, DENIED),
  requestRow('denied.thirdPartyRights', '4. 保护第三方合法权益', /第三方合法权益$/, DENIED),
  requestRow('denied.internalAffairs', '5. 属于三类内部事务信息', /内部事务信息$/, DENIED),
  requestRow('denied.processInformation', '6. 属于四类过程性信息', /过程性信息$/, DENIED),
  requestRow('denied.enforcementFiles', '7. 属于行政执法案卷', /行政执法案卷$/, DENIED),
  requestRow('denied.queryMatters', '8. 属于行政查询事项', /行政查询事项$/, DENIED),
  requestRow('unableToProvide.notHeld', '1. 本机关不掌握相关政府信息', /不掌握相关政府信息$/, UNABLE),
  requestRow('unableToProvide.needsCreation', '2. 没有现成信息需要另行制作', /另行制作$/, UNABLE),
  requestRow('unableToProvide.stillUnclear', '3. 补正后申请内容仍不明确', /仍不明确$/, UNABLE),
  requestRow('notProcessed.complaint', '1. 信访举报投诉类申请', /信访举报投诉类?申请$/, NOT_PROCESSED),
  requestRow('notProcessed.duplicate', '2. 重复申请', /(?:^|\d[.、]|处理)重复申请$/, NOT_PROCESSED),
  requestRow('notProcessed.publication', '3. 要求提供公开出版物', /公开出版物$/, NOT_PROCESSED),
  requestRow('notProcessed.excessive', '4. 无正当理由大量反复申请', /大量反复申请$/, NOT_PROCESSED),
  requestRow('notProcessed.confirmation', '5. 要求行政机关确认或重新出具已获取信息', /确认或重新出具已获取信息$/, NOT_PROCESSED),
];

const REQUESTS_TAIL: readonly RowSpec[] = [
  requestRow('totalHandled', '（七）总计', /^(?:本年度?办理结果)?总计$/),
  requestRow('carriedForward', '四、结转下年度继续办理', /结转下一?年度?继续办理$/),
];

/** 表三 of the 2021 template, in the official order. */
export const REQUESTS_2021: readonly RowSpec[] = [
  ...REQUESTS_HEAD,
  requestRow('otherHandling.overdueCorrection', '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', /逾期不补正/, OTHER),
  requestRow('otherHandling.overdueFee', '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', /逾期未按收费通知|缴纳费用/, OTHER),
  requestRow('otherHandling.other', '3. 其他', /(?:^|[\d.、)]|处理)其他$/, OTHER),
  ...REQUESTS_TAIL,
];

/** 表三 of the 2019 template: （六）其他处理 is a single row. */
export const REQUESTS_2019: readonly RowSpec[] = [
  ...REQUESTS_HEAD,
  requestRow('template2019.otherHandling', '（六）其他处理', /^其他处理$/),
  ...REQUESTS_TAIL,
];

export const APPEAL_GROUPS = [
  { path: 'appeals.review', label: '行政复议' },
  { path: 'appeals.litigationDirect', label: '行政诉讼 · 未经复议直接起诉' },
  { path: 'appeals.litigationAfterReview', label: '行政诉讼 · 复议后起诉' },
] as const;
export const APPEAL_HEADINGS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const APPEAL_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Header words of 表四, skipped while its 15 values are collected. */
export const APPEAL_HEADER_WORDS = /^(?:行政复议|行政诉讼|结果|维持|纠正|其他|结果维持|结果纠正|其他结果|尚未|审结|尚未审结|总计|未经复议直接起诉|复议后起诉|未经复议|直接起诉|复议后|起诉|[表四:：]+|政府信息公开行政复议、?行政诉讼情况)$/;

/** Cells that belong to the header of 表三; they start its region in the text. */
export const REQUESTS_HEADER_WORDS = /(?:勾稽关系|申请人情况|^自然人$|法人或其他组织|^商业企业$|^科研机构$|^社会公益组织$|^法律服务机构$)/;

/** Cells that belong to the header of 表二. */
export const PROACTIVE_HEADER_WORDS = /(?:^第二十条|^信息内容$|本年制发件数|本年新制作数量|本年处理决定数量|本年收费金额|上一年项目数量|采购项目数量)/;

/** Header cells only the 2019 template has: their presence decides the template. */
export const TEMPLATE_2019_MARKERS = /(?:本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|其他对外管理服务事项|政府集中采购|采购项目数量)/;
