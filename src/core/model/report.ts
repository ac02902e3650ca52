/**
 * The normalized report: the public data contract (docs: ../shared/design/report-model.md).
 * This schema is the single source of truth: TypeScript types are inferred from it, every parse
 * result is validated against it, and `/data/schema.json` is generated from it.
 * Field names are public; renaming one is a breaking change.
 */
import * as z from 'zod/mini';
import { AppealOutcomes, Applicants, Cell, DocumentCounts } from './cells.ts';

export const SCHEMA_VERSION = 1 as const;

const describe = z.describe;

/** 2019 template 表二 columns for 规章 / 规范性文件: 本年新制作数量 / 本年新公开数量 / 对外公开总数量 */
const Documents2019 = z.object({
  made: Cell.check(describe('本年新制作数量')),
  published: Cell.check(describe('本年新公开数量')),
  totalPublished: Cell.check(describe('对外公开总数量')),
});

/** 2019 template 表二 columns for 行政许可 and the like: 上一年项目数量 / 本年增/减 / 处理决定数量 */
const Items2019 = z.object({
  previousItems: Cell.check(describe('上一年项目数量')),
  change: Cell.check(describe('本年增/减')),
  decisions: Cell.check(describe('处理决定数量')),
});

/** The older (国办公开办函〔2019〕60号) 表二, kept whole beside the common fields. */
export const Proactive2019 = z.object({
  regulations: Documents2019.check(describe('规章')),
  normativeDocuments: Documents2019.check(describe('规范性文件')),
  licensing: Items2019.check(describe('行政许可')),
  otherServices: Items2019.check(describe('其他对外管理服务事项')),
  punishment: Items2019.check(describe('行政处罚')),
  enforcement: Items2019.check(describe('行政强制')),
  fees: z
    .object({
      previousItems: Cell.check(describe('上一年项目数量')),
      change: Cell.check(describe('本年增/减')),
    })
    .check(describe('行政事业性收费')),
  procurement: z
    .object({
      items: Cell.check(describe('采购项目数量')),
      amount: Cell.check(describe('采购总金额')),
    })
    .check(describe('政府集中采购')),
});

/** 表二 · 第二十条 */
export const Proactive = z.object({
  regulations: DocumentCounts.check(describe('规章')),
  normativeDocuments: DocumentCounts.check(describe('行政规范性文件')),
  licensing: Cell.check(describe('行政许可 · 本年处理决定数量')),
  punishment: Cell.check(describe('行政处罚 · 本年处理决定数量')),
  enforcement: Cell.check(describe('行政强制 · 本年处理决定数量')),
  fees: Cell.check(describe('行政事业性收费 · 本年收费金额（单位：万元）; may be a decimal')),
  template2019: z.optional(
    Proactive2019.check(describe('Only for template "2019": that template\'s own 表二, every figure kept')),
  ),
});

/** 表三 · 收到和处理政府信息公开申请情况; every row is an Applicants object. */
export const Requests = z.object({
  newReceived: Applicants.check(describe('一、本年新收政府信息公开申请数量')),
  carriedOver: Applicants.check(describe('二、上年结转政府信息公开申请数量')),
  granted: Applicants.check(describe('三（一）予以公开')),
  partlyGranted: Applicants.check(describe('三（二）部分公开')),
  denied: z
    .object({
      stateSecret: Applicants.check(describe('1. 属于国家秘密')),
      lawForbidden: Applicants.check(describe('2. 其他法律行政法规禁止公开')),
      safetyStability: Applicants.check(describe('3. 危及“三安全一稳定”')),
      thirdPartyRights: Applicants.check(describe('4. 保护第三方合法权益')),
      internalAffairs: Applicants.check(describe('5. 属于三类内部事务信息')),
      processInformation: Applicants.check(describe('6. 属于四类过程性信息')),
      enforcementFiles: Applicants.check(describe('7. 属于行政执法案卷')),
      queryMatters: Applicants.check(describe('8. 属于行政查询事项')),
    })
    .check(describe('三（三）不予公开')),
  unableToProvide: z
    .object({
      notHeld: Applicants.check(describe('1. 本机关不掌握相关政府信息')),
      needsCreation: Applicants.check(describe('2. 没有现成信息需要另行制作')),
      stillUnclear: Applicants.check(describe('3. 补正后申请内容仍不明确')),
    })
    .check(describe('三（四）无法提供')),
  notProcessed: z
    .object({
      complaint: Applicants.check(describe('1. 信访举报投诉类申请')),
      duplicate: Applicants.check(describe('2. 重复申请')),
      publication: Applicants.check(describe('3. 要求提供公开出版物')),
      excessive: Applicants.check(describe('4. 无正当理由大量反复申请')),
      confirmation: Applicants.check(describe('5. 要求行政机关确认或重新出具已获取信息')),
    })
    .check(describe('三（五）不予处理')),
  otherHandling: z
    .object({
      overdueCorrection: Applicants.check(describe('1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')),
      overdueFee: Applicants.check(describe('2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')),
      other: Applicants.check(describe('3. 其他')),
    })
    .check(describe('三（六）其他处理; on template "2019" these sub-rows are null (see template2019)')),
  totalHandled: Applicants.check(describe('三（七）总计')),
  carriedForward: Applicants.check(describe('四、结转下年度继续办理')),
  template2019: z.optional(
    z
      .object({ otherHandling: Applicants.check(describe('（六）其他处理, a single row without sub-rows')) })
      .check(describe('Only for template "2019": rows whose meaning differs from the 2021 template')),
  ),
});

/** 表四 · 政府信息公开行政复议、行政诉讼情况 */
export const Appeals = z.object({
  review: AppealOutcomes.check(describe('行政复议')),
  litigationDirect: AppealOutcomes.check(describe('行政诉讼 · 未经复议直接起诉')),
  litigationAfterReview: AppealOutcomes.check(describe('行政诉讼 · 复议后起诉')),
});

export const Section = z.object({
  no: z.number().check(z.int(), z.minimum(1), z.maximum(6), describe('Chapter number 1..6')),
  title: z.string().check(describe('The chapter heading without its numbering, e.g. 总体情况')),
  markdown: z.string().check(describe('The chapter text as Markdown, paragraphs and numbering kept, tables left out')),
});

export const Check = z.object({
  id: z.string().check(describe('Identity id, e.g. requests.balance.total or appeals.review.total')),
  ok: z.boolean(),
  message: z.string().check(describe('The identity with its figures, in words')),
  cells: z.array(z.string()).check(describe('Dotted paths of the cells involved, e.g. requests.newReceived.total')),
  line: z.nullable(z.number()).check(describe('Source line of the first cell involved, when known')),
});

export const Diagnostic = z.object({
  level: z.enum(['error', 'warning']),
  message: z.string(),
  line: z.nullable(z.number().check(z.int(), z.minimum(1))).check(describe('1-based line in the source file, or null when the problem has no single line')),
});

export const Source = z.object({
  file: z.string().check(describe('File name as received, relative to the archive folder')),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/), describe('SHA-256 of the original bytes')),
  encoding: z.string().check(describe('Detected encoding: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030')),
  layout: z.string().check(describe('How the tables were laid out: tab-rows, cell-per-line, pipe-rows, markdown-table, space-columns, html-table, docx-table, or several joined by +')),
  format: z.enum(['txt', 'md', 'html', 'docx']).check(describe('The file format')),
});

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), describe('Stable URL slug, unique in the archive')),
  title: z.string().check(describe("The report's own title, line breaks and stray spaces removed")),
  agency: z.string().check(describe('Issuing body as named in the title')),
  canonicalAgency: z.string().check(describe('The body under its registry name (content/agencies.yaml); equals agency when the registry does not know it')),
  agencySlug: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), describe('URL slug of the canonical agency')),
  district: z.nullable(z.string()).check(describe('e.g. 硚口区; null when neither the text, front matter nor registry tells')),
  year: z.nullable(z.number().check(z.int())).check(describe('Reporting year (the statistics period)')),
  publishedOn: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))).check(describe('ISO date from the signature block')),
  template: z.enum(['2021', '2019']).check(describe('"2021": 国办公开办函〔2021〕30号 tables; "2019": the older tables')),
  sourceUrl: z.nullable(z.string()).check(describe('Where the report was published, when front matter tells')),
  source: Source,
  preamble: z.string().check(describe('Markdown of the text between the title and the first chapter')),
  sections: z.array(Section).check(describe('The six chapters, in order, text kept whole')),
  proactive: Proactive,
  requests: Requests,
  appeals: Appeals,
  checks: z.array(Check).check(describe('One entry per arithmetic identity evaluated, passing or failing')),
  diagnostics: z.array(Diagnostic).check(describe('Problems met while reading the file')),
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
