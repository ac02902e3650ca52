/**
 * The normalized report: the public data contract (docs: ../shared/design/report-model.md).
 * This schema is the single source of truth: TypeScript types are inferred from it, every parse
 * result is validated against it, and `/data/schema.json` is generated from it.
 * Field names are public; renaming one is a breaking change.
 */
import * as z from 'zod/mini';
import { AppealOutcomes, Applicants, Cell, DocumentCounts } from './cells.ts';
import { described } from './described.ts';

export const SCHEMA_VERSION = 1 as const;

/** 2019 template 表二 columns for 规章 / 规范性文件: 本年新制作数量 / 本年新公开数量 / 对外公开总数量 */
const Documents2019 = z.object({
  made: described(Cell, '本年新制作数量'),
  published: described(Cell, '本年新公开数量'),
  totalPublished: described(Cell, '对外公开总数量'),
});

/** 2019 template 表二 columns for 行政许可 and the like: 上一年项目数量 / 本年增/减 / 处理决定数量 */
const Items2019 = z.object({
  previousItems: described(Cell, '上一年项目数量'),
  change: described(Cell, '本年增/减'),
  decisions: described(Cell, '处理决定数量'),
});

/** The older (国办公开办函〔2019〕60号) 表二, kept whole beside the common fields. */
export const Proactive2019 = z.object({
  regulations: described(Documents2019, '规章'),
  normativeDocuments: described(Documents2019, '规范性文件'),
  licensing: described(Items2019, '行政许可'),
  otherServices: described(Items2019, '其他对外管理服务事项'),
  punishment: described(Items2019, '行政处罚'),
  enforcement: described(Items2019, '行政强制'),
  fees: described(
    z.object({
      previousItems: described(Cell, '上一年项目数量'),
      change: described(Cell, '本年增/减'),
    }),
    '行政事业性收费',
  ),
  procurement: described(
    z.object({
      items: described(Cell, '采购项目数量'),
      amount: described(Cell, '采购总金额'),
    }),
    '政府集中采购',
  ),
});

/** 表二 · 第二十条 */
export const Proactive = z.object({
  regulations: described(DocumentCounts, '规章'),
  normativeDocuments: described(DocumentCounts, '行政规范性文件'),
  licensing: described(Cell, '行政许可 · 本年处理决定数量'),
  punishment: described(Cell, '行政处罚 · 本年处理决定数量'),
  enforcement: described(Cell, '行政强制 · 本年处理决定数量'),
  fees: described(Cell, '行政事业性收费 · 本年收费金额（单位：万元）; may be a decimal'),
  template2019: z.optional(
    described(Proactive2019, 'Only for template "2019": that template\'s own 表二, every figure kept'),
  ),
});

/** 表三 · 收到和处理政府信息公开申请情况; every row is an Applicants object. */
export const Requests = z.object({
  newReceived: described(Applicants, '一、本年新收政府信息公开申请数量'),
  carriedOver: described(Applicants, '二、上年结转政府信息公开申请数量'),
  granted: described(Applicants, '三（一）予以公开'),
  partlyGranted: described(Applicants, '三（二）部分公开'),
  denied: described(
    z.object({
      stateSecret: described(Applicants, '1. 属于国家秘密'),
      lawForbidden: described(Applicants, '2. 其他法律行政法规禁止公开'),
      safetyStability: described(Applicants, '3. 危及“三安全一稳定”'),
      thirdPartyRights: described(Applicants, '4. 保护第三方合法权益'),
      internalAffairs: described(Applicants, '5. 属于三类内部事务信息'),
      processInformation: described(Applicants, '6. 属于四类过程性信息'),
      enforcementFiles: described(Applicants, '7. 属于行政执法案卷'),
      queryMatters: described(Applicants, '8. 属于行政查询事项'),
    }),
    '三（三）不予公开',
  ),
  unableToProvide: described(
    z.object({
      notHeld: described(Applicants, '1. 本机关不掌握相关政府信息'),
      needsCreation: described(Applicants, '2. 没有现成信息需要另行制作'),
      stillUnclear: described(Applicants, '3. 补正后申请内容仍不明确'),
    }),
    '三（四）无法提供',
  ),
  notProcessed: described(
    z.object({
      complaint: described(Applicants, '1. 信访举报投诉类申请'),
      duplicate: described(Applicants, '2. 重复申请'),
      publication: described(Applicants, '3. 要求提供公开出版物'),
      excessive: described(Applicants, '4. 无正当理由大量反复申请'),
      confirmation: described(Applicants, '5. 要求行政机关确认或重新出具已获取信息'),
    }),
    '三（五）不予处理',
  ),
  otherHandling: described(
    z.object({
      overdueCorrection: described(Applicants, '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      overdueFee: described(Applicants, '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
      other: described(Applicants, '3. 其他'),
    }),
    '三（六）其他处理; on template "2019" these sub-rows are null (see template2019)',
  ),
  totalHandled: described(Applicants, '三（七）总计'),
  carriedForward: described(Applicants, '四、结转下年度继续办理'),
  template2019: z.optional(
    described(
      z.object({ otherHandling: described(Applicants, '（六）其他处理, a single row without sub-rows') }),
      'Only for template "2019": rows whose meaning differs from the 2021 template',
    ),
  ),
});

/** 表四 · 政府信息公开行政复议、行政诉讼情况 */
export const Appeals = z.object({
  review: described(AppealOutcomes, '行政复议'),
  litigationDirect: described(AppealOutcomes, '行政诉讼 · 未经复议直接起诉'),
  litigationAfterReview: described(AppealOutcomes, '行政诉讼 · 复议后起诉'),
});

export const Section = z.object({
  no: described(z.number().check(z.int(), z.minimum(1), z.maximum(6)), 'Chapter number 1..6'),
  title: described(z.string(), 'The chapter heading without its numbering, e.g. 总体情况'),
  markdown: described(z.string(), 'The chapter text as Markdown, paragraphs and numbering kept, tables left out'),
});

export const Check = z.object({
  id: described(z.string(), 'Identity id, e.g. requests.balance.total or appeals.review.total'),
  ok: z.boolean(),
  message: described(z.string(), 'The identity with its figures, in words'),
  cells: described(z.array(z.string()), 'Dotted paths of the cells involved, e.g. requests.newReceived.total'),
  line: described(z.nullable(z.number()), 'Source line of the first cell involved, when known'),
});

export const Diagnostic = z.object({
  level: z.enum(['error', 'warning']),
  message: z.string(),
  line: described(z.nullable(z.number().check(z.int(), z.minimum(1))), '1-based line in the source file, or null when the problem has no single line'),
});

export const Source = z.object({
  file: described(z.string(), 'File name as received, relative to the archive folder'),
  sha256: described(z.string().check(z.regex(/^[0-9a-f]{64}$/)), 'SHA-256 of the original bytes'),
  encoding: described(z.string(), 'Detected encoding: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030'),
  layout: described(z.string(), 'How the tables were laid out: tab-rows, cell-per-line, pipe-rows, markdown-table, space-columns, html-table, docx-table, or several joined by +'),
  format: described(z.enum(['txt', 'md', 'html', 'docx']), 'The file format'),
});

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: described(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)), 'Stable URL slug, unique in the archive'),
  title: described(z.string(), "The report's own title, line breaks and stray spaces removed"),
  agency: described(z.string(), 'Issuing body as named in the title'),
  canonicalAgency: described(z.string(), 'The body under its registry name (content/agencies.yaml); equals agency when the registry does not know it'),
  agencySlug: described(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)), 'URL slug of the canonical agency'),
  district: described(z.nullable(z.string()), 'e.g. 硚口区; null when neither the text, front matter nor registry tells'),
  year: described(z.nullable(z.number().check(z.int())), 'Reporting year (the statistics period)'),
  publishedOn: described(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), 'ISO date from the signature block'),
  template: described(z.enum(['2021', '2019']), '"2021": 国办公开办函〔2021〕30号 tables; "2019": the older tables'),
  sourceUrl: described(z.nullable(z.string()), 'Where the report was published, when front matter tells'),
  source: Source,
  preamble: described(z.string(), 'Markdown of the text between the title and the first chapter'),
  sections: described(z.array(Section), 'The six chapters, in order, text kept whole'),
  proactive: Proactive,
  requests: Requests,
  appeals: Appeals,
  checks: described(z.array(Check), 'One entry per arithmetic identity evaluated, passing or failing'),
  diagnostics: described(z.array(Diagnostic), 'Problems met while reading the file'),
});

export type Report = z.infer<typeof Report>;
export type ProactiveTable = z.infer<typeof Proactive>;
export type Proactive2019Table = z.infer<typeof Proactive2019>;
export type RequestsTable = z.infer<typeof Requests>;
export type AppealsTable = z.infer<typeof Appeals>;
export type SectionEntry = z.infer<typeof Section>;
export type CheckResult = z.infer<typeof Check>;
export type DiagnosticEntry = z.infer<typeof Diagnostic>;
export type SourceInfo = z.infer<typeof Source>;
