/**
 * Building blocks of the three official tables. A cell is `number | null`: `null` means the
 * source left it empty or wrote a not-applicable mark (`/`, `—`, `-`, `无`); `0` means it wrote 0.
 *
 * zod/mini keeps the schema small enough to ship to the browser (the validator page runs it).
 */
import * as z from 'zod/mini';
import { described } from './described.ts';

/** One table cell as the source wrote it: a number, or null for empty / not-applicable. */
export const Cell = described(z.nullable(z.number()), 'A table cell: the number the source wrote, or null when it left the cell empty or wrote a not-applicable mark (/, —, -, 无).');

/** The applicant columns of 表三, in the official order. */
export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legal',
  'otherOrg',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/** 自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他 / 总计 */
export const Applicants = z.object({
  naturalPerson: described(Cell, '自然人'),
  commercial: described(Cell, '法人或其他组织 · 商业企业'),
  research: described(Cell, '法人或其他组织 · 科研机构'),
  publicInterest: described(Cell, '法人或其他组织 · 社会公益组织'),
  legal: described(Cell, '法人或其他组织 · 法律服务机构'),
  otherOrg: described(Cell, '法人或其他组织 · 其他'),
  total: described(Cell, '总计'),
});

/** The result columns of 表四, in the official order. */
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];

/** 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 */
export const AppealOutcomes = z.object({
  upheld: described(Cell, '结果维持'),
  corrected: described(Cell, '结果纠正'),
  other: described(Cell, '其他结果'),
  pending: described(Cell, '尚未审结'),
  total: described(Cell, '总计'),
});

/** 规章 / 行政规范性文件 rows of 表二: 本年制发件数 / 本年废止件数 / 现行有效件数 */
export const DocumentCounts = z.object({
  issued: described(Cell, '本年制发件数'),
  repealed: described(Cell, '本年废止件数'),
  inForce: described(Cell, '现行有效件数'),
});

export type CellValue = z.infer<typeof Cell>;
export type ApplicantsRow = z.infer<typeof Applicants>;
export type AppealRow = z.infer<typeof AppealOutcomes>;
export type DocumentCountsRow = z.infer<typeof DocumentCounts>;
