/**
 * Character-level normalization. Prose keeps its own punctuation; labels and cells are compared
 * and read in a half-width, space-free form so that 全角 digits, （） and stray spaces match.
 */

/** Full-width ASCII variants (！..～) and the ideographic space to their half-width forms. */
const WIDE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Only the full-width digits and Latin letters, for titles that keep their CJK punctuation. */
export function halfWidthAlnum(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]/g;
/** Word/WPS export artefacts: [bookmark: _GoBack], [image: …], {PAGE}, form feeds. */
const ARTEFACTS = /\[(?:bookmark|anchor|image|pic|picture)\s*:[^\]\n]*\]|\{\s*(?:PAGE|NUMPAGES)\s*\}|\f/gi;

/** Removes export artefacts and invisible characters; turns no-break spaces into spaces. */
const ANY_ARTEFACT = /[[{\f\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad\u00a0]/;

/** True when the text holds something stripArtefacts would change. */
export function hasArtefacts(text: string): boolean {
  return ANY_ARTEFACT.test(text);
}

export function stripArtefacts(line: string): string {
  if (!hasArtefacts(line)) return line;
  return line.replace(ARTEFACTS, '').replace(INVISIBLE, '').replace(/\u00a0/g, ' ');
}

/** Dashes and quotes collapsed so that label matching does not depend on the font used. */
const MARKS = /[“”„‟"'‘’「」『』‐‑‒–—―−﹣－【〔［】〕］]/;

function unifyMarks(text: string): string {
  if (!MARKS.test(text)) return text;
  return text
    .replace(/[“”„‟"'‘’「」『』]/g, '')
    .replace(/[‐‑‒–—―−﹣－]/g, '-')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']');
}

/** A label reduced to what identifies it: half-width, no spaces, no quotes, unified brackets. */
export function labelKey(text: string): string {
  return unifyMarks(toHalfWidth(text)).replace(/\s+/g, '');
}

const CN_NUMERAL = '[一二三四五六七八九十]+';
/** Leading numbering such as 一、 / (一) / 1. / 1、 / （1） / 第一, possibly several (三、(一)). */
const NUMBERING = new RegExp(
  `^(?:(?:第?${CN_NUMERAL}[、.:：]|\\(${CN_NUMERAL}\\)|${CN_NUMERAL}(?=\\()|\\d{1,2}(?:[.、:](?!\\d))|\\(\\d{1,2}\\)|\\d{1,2}(?=[\\u4e00-\\u9fff])))+`,
);

/** The label key without its leading numbering: "三、(一)予以公开" -> "予以公开". */
export function bareLabel(text: string): string {
  return labelKey(text).replace(NUMBERING, '');
}

/** True when the text starts with a numbering mark (used to tell headings from prose). */
export function hasNumbering(text: string): boolean {
  return NUMBERING.test(labelKey(text));
}

/**
 * The key a table label is recognised by: every numbering mark removed wherever it stands, so
 * "三、本年度办理结果 (一)予以公开" and "（一）予以公开" both read 本年度办理结果予以公开 / 予以公开.
 */
export function matchKey(text: string): string {
  return matchKeyOf(labelKey(text));
}

/** matchKey for a text already reduced by labelKey. */
export function matchKeyOf(key: string): string {
  return key
    .replace(/\((?:[一二三四五六七八九十]+|\d{1,2})\)/g, '')
    .replace(/第?[一二三四五六七八九十]+[、.:：]/g, '')
    .replace(/\d{1,2}[.、:](?!\d)/g, '')
    .replace(/^\d{1,2}(?=[\u4e00-\u9fff])/, '');
}
