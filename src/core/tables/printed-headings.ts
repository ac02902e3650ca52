/**
 * The words the official tables print besides their row labels and column headings (those are in
 * definitions.ts): the 第二十条 items that group 表二's rows, the header cells of 表三 and 表四.
 * Renderers read them here, so each is written once.
 */
import { CHAPTER_TITLES } from '../document/chapters.ts';

export interface ProactiveBlock {
  /** As printed above the block, e.g. 第二十条第（一）项 */
  heading: string;
  /** Row paths of the block, in order (see PROACTIVE_2021 / PROACTIVE_2019). */
  rows: readonly string[];
}

/** 表二 of the 2021 template, block by block. */
export const PROACTIVE_BLOCKS_2021: readonly ProactiveBlock[] = [
  { heading: '第二十条第（一）项', rows: ['proactive.regulations', 'proactive.normativeDocuments'] },
  { heading: '第二十条第（五）项', rows: ['proactive.licensing'] },
  { heading: '第二十条第（六）项', rows: ['proactive.punishment', 'proactive.enforcement'] },
  { heading: '第二十条第（八）项', rows: ['proactive.fees'] },
];

/** 表二 of the 2019 template, block by block. */
export const PROACTIVE_BLOCKS_2019: readonly ProactiveBlock[] = [
  { heading: '第二十条第（一）项', rows: ['proactive.template2019.regulations', 'proactive.template2019.normativeDocuments'] },
  { heading: '第二十条第（五）项', rows: ['proactive.template2019.licensing', 'proactive.template2019.otherServices'] },
  { heading: '第二十条第（六）项', rows: ['proactive.template2019.punishment', 'proactive.template2019.enforcement'] },
  { heading: '第二十条第（八）项', rows: ['proactive.template2019.fees'] },
  { heading: '第二十条第（九）项', rows: ['proactive.template2019.procurement'] },
];

/** The first column heading of every 表二 block. */
export const PROACTIVE_CONTENT_HEADING = '信息内容';

/** 表三's corner cell. */
export const REQUESTS_BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const REQUESTS_APPLICANTS_HEADING = '申请人情况';
/** Groups the five organisation columns (商业企业 … 其他). */
export const REQUESTS_ORGANISATIONS_HEADING = '法人或其他组织';
/** Groups the outcome rows （一）…（七）. */
export const REQUESTS_OUTCOMES_HEADING = '三、本年度办理结果';

/** The three tables by their chapter (二、三、四) title. */
export const TABLE_TITLES = {
  proactive: CHAPTER_TITLES[1],
  requests: CHAPTER_TITLES[2],
  appeals: CHAPTER_TITLES[3],
} as const;

/** Units as the tables state them. */
export const TABLE_UNITS = {
  proactive: '单位：件；收费金额单位：万元',
  proactive2019: '数量单位：件；采购总金额按原表所填',
  requests: '单位：件',
  appeals: '单位：件',
} as const;
