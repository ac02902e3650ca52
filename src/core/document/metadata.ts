/**
 * Metadata the text itself states: the title (possibly broken over lines), the issuing body and
 * its district, the reporting year, and the publication date of the signature block.
 */
import type { Line } from '../layout/lines.ts';
import { halfWidthAlnum, toHalfWidth } from '../text/normalize.ts';

export interface TitleFound {
  title: string;
  /** Indexes of the lines the title occupies. */
  indexes: number[];
}

const TITLE_END = /(?:年度?报告|年报)[)）]?$/;
const SENTENCE = /[。；！？]/;

function compact(text: string): string {
  return halfWidthAlnum(text).replace(/[\s\u3000]+/g, '');
}

/**
 * The title: the first short line that ends like a report title, joined with the short lines
 * right above it (titles are often broken: "…2022年度政府" / "信息公开工作年度报告").
 */
export function findTitle(lines: Line[], limit: number): TitleFound | null {
  const clean = (line: Line) => compact(line.text.replace(/^#+\s*/, '').replace(/\*\*/g, ''));
  const candidates: TitleFound[] = [];
  let seen = 0;
  for (let i = 0; i < lines.length && i < limit; i++) {
    const line = lines[i]!;
    if (line.kind === 'blank') continue;
    if (++seen > 12) break;
    const text = clean(line);
    if (text.length > 80 || SENTENCE.test(text) || !TITLE_END.test(text)) continue;
    const indexes = [i];
    // Lines right above belong to the title when they are short Han text (not "发布时间：…").
    for (let j = i - 1; j >= 0 && indexes.length < 3; j--) {
      const prev = lines[j]!;
      const t = clean(prev);
      if (prev.kind === 'blank' || t.length === 0 || t.length > 40 || SENTENCE.test(t) || /[:：>|/]|报告$/.test(t)) break;
      indexes.unshift(j);
    }
    candidates.push({ title: indexes.map((k) => clean(lines[k]!)).join(''), indexes });
  }
  // Portal chrome may say "政府信息公开年度报告" too; the report's own title names its year.
  return candidates.find((c) => /\d{4}\s*年/.test(c.title)) ?? candidates[0] ?? null;
}

const TITLE_SUFFIX = /(?:关于)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度)?(?:报告|年报)$/;

/** The issuing body as the title names it, and the year in the title. */
export function agencyAndYearFromTitle(fullTitle: string): { agency: string | null; year: number | null } {
  const title = fullTitle.replace(/^关于/, '');
  const m = /^(.*?)[(（]?(\d{4})\s*年(?:度)?[)）]?(.*)$/.exec(title);
  if (!m) {
    const agency = title.replace(TITLE_SUFFIX, '').replace(/的$/, '');
    return { agency: agency || null, year: null };
  }
  const year = Number(m[2]);
  // "硚口区教育局政府信息公开工作2023年度报告": the words before the year are not the body's name.
  const before = m[1]!.replace(/关于$/, '').replace(/[（(]$/, '').replace(/的?(?:政府信息公开|政务公开|信息公开)(?:工作)?$/, '');
  const after = m[3]!.replace(TITLE_SUFFIX, '').replace(/的$/, '');
  return { agency: before || after || null, year: year >= 1990 && year <= 2100 ? year : null };
}

/** A 区/县/旗 at the start, after an optional city; one-character counties (叶县, 郏县, 宾县) too. */
const DISTRICT = /^(?:[\u4e00-\u9fff]{2,7}?[省市州盟])?([\u4e00-\u9fff]{2,12}?(?:新区|开发区|自治县|自治旗|区|县|旗)|[\u4e00-\u9fff]县)/;
/**
 * Areas that are not districts. Real districts end in 城区, 矿区, 湾区, 园区 and 林区 too (东城区,
 * 老城区, 井陉矿区, 荔湾区, 绿园区, 碑林区, 万柏林区), so those count as generic only in the
 * generic phrases (主城区, 大湾区) or after a long name (光谷生物城园区).
 */
const NOT_DISTRICT = /(?:社区|景区|片区|小区|校区|厂区|库区|营区|辖区|保税区|示范区|试验区|实验区|集聚区|功能区|大湾区|^主城区|^中心城区|^[\u4e00-\u9fff]{3,}(?:园区|林区))$/;

/** The district an agency name starts with ("硚口区大数据中心" -> 硚口区), else null. */
export function districtFromAgency(agency: string): string | null {
  const m = DISTRICT.exec(agency);
  if (!m) return null;
  const district = m[1]!;
  if (NOT_DISTRICT.test(district) || district.length >= agency.length) return null;
  return district;
}

/** The reporting year from the statistics-period sentence (统计…2023年1月1日至2023年12月31日). */
export function yearFromStatisticsPeriod(text: string): number | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /(?:统计|时间范围|统计期限|统计期间)[^。]{0,30}?(\d{4})年1月1日(?:起)?(?:至|到|-|—)(\d{4})年12月31日/.exec(t)
    ?? /(\d{4})年1月1日(?:起)?(?:至|到|-|—)(\d{4})年12月31日/.exec(t);
  if (!m) return null;
  return Number(m[2]);
}

const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 二〇二四 -> 2024; 十七 -> 17; 7 -> 7. */
function numeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[〇零一二三四五六七八九]{4}$/.test(text)) return Number([...text].map((c) => CN_NUM[c]).join(''));
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_NUM[m[1]]! : 1) * 10 + (m[2] ? CN_NUM[m[2]]! : 0);
  if (/^[一二三四五六七八九]$/.test(text)) return CN_NUM[text]!;
  return null;
}

const DATE_LINE = /^([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/;

/** An ISO date when the line holds only a date (a signature block), else null. */
export function dateOfLine(text: string): string | null {
  const m = DATE_LINE.exec(toHalfWidth(text).replace(/[\s\u3000]+/g, ''));
  if (!m) return null;
  const [y, mo, d] = [numeral(m[1]!), numeral(m[2]!), numeral(m[3]!)];
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface Signature {
  publishedOn: string;
  /** Indexes of the lines of the signature block (name lines and the date). */
  indexes: number[];
}

/**
 * The signature block at the end: a date line, with the issuing body's name lines above it.
 * Lines in `skip` (page footers of PDF text) are passed over.
 */
export function findSignature(lines: Line[], from: number, skip: ReadonlySet<number> = new Set()): Signature | null {
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i]!;
    if (line.kind === 'blank' || skip.has(i)) continue;
    const date = dateOfLine(line.text);
    if (!date) return null; // the last text line is not a date: no signature block
    const indexes = [i];
    for (let j = i - 1, taken = 0; j >= from && taken < 3; j--) {
      const prev = lines[j]!;
      if (prev.kind === 'blank' || skip.has(j)) continue;
      const t = prev.text.trim();
      if (t.length > 40 || SENTENCE.test(t) || /[，,：:]/.test(t)) break;
      indexes.unshift(j);
      taken++;
    }
    return { publishedOn: date, indexes };
  }
  return null;
}
