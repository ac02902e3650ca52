/**
 * The six chapter headings of the 2021 format, found by their words (numbering, Markdown marks
 * and spacing vary), in order.
 */
import type { Line } from '../layout/lines.ts';

export const CHAPTER_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

const CHAPTER_PATTERNS: readonly RegExp[] = [
  /^总体情况$|^总体情况(?:概述|综述)$|^概述$/,
  /^主动公开政府信息(?:的)?情况$|^主动公开政府信息$/,
  /^收到和处理政府信息公开申请(?:的)?情况$|^收到和处理政府信息公开申请$/,
  /^政府信息公开(?:行政复议[、,和及与]*行政诉讼|行政复议和行政诉讼)(?:的)?情况$/,
  /^存在的?主要问题(?:及|和|与)(?:其)?改进(?:情况|措施|举措)$/,
  /^其他需要报告的事项$|^其他需要报告事项$/,
];

const CN_DIGITS = '一二三四五六';

export interface ChapterHeading {
  no: number;
  /** Index into the lines array. */
  index: number;
  line: number;
  title: string;
}

/** Heading text without Markdown marks, numbering, trailing colon; null when it is no heading. */
function headingKey(key: string): { key: string; numbered: number | null } | null {
  let t = key.replace(/^#+/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/[:：。]$/, '');
  if (t.length === 0 || t.length > 40) return null;
  if (/^表[一二三四]/.test(t)) return null; // a table caption, not the chapter
  let numbered: number | null = null;
  const m = /^(?:第([一二三四五六])(?:部分|章)|([一二三四五六])[、.:]|\(([一二三四五六])\)|([1-6])[.、](?!\d)|([1-6])(?=[\u4e00-\u9fff]))/.exec(t);
  if (m) {
    const digit = m[1] ?? m[2] ?? m[3];
    numbered = digit ? CN_DIGITS.indexOf(digit) + 1 : Number(m[4] ?? m[5]);
    t = t.slice(m[0].length);
  }
  return { key: t.replace(/\*\*/g, ''), numbered };
}

/** Words at least one chapter heading holds: other lines need no closer look. */
const HEADING_WORDS = /总体情况|概述|主动公开|收到和处理|行政复议|存在的?主要问题|其他需要报告/;

export function findChapters(lines: Line[]): ChapterHeading[] {
  const found: ChapterHeading[] = [];
  let from = 0;
  for (let no = 1; no <= 6; no++) {
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind === 'blank') continue;
      // A heading is one cell, though an export may leave empty cells around it.
      const filled = line.cells.filter((c) => c.text !== '');
      if (filled.length !== 1 || filled[0]!.key === null || !HEADING_WORDS.test(filled[0]!.key)) continue;
      const h = headingKey(filled[0]!.key);
      if (!h || !CHAPTER_PATTERNS[no - 1]!.test(h.key)) continue;
      if (h.numbered !== null && h.numbered !== no) continue;
      found.push({ no, index: i, line: line.no, title: CHAPTER_TITLES[no - 1]! });
      from = i + 1;
      break;
    }
  }
  return found;
}
