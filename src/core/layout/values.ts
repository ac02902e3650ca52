/**
 * Reading one table cell. A cell is empty, a not-applicable mark, a number, something that looks
 * like a number but cannot be read safely (reported, never guessed), or text (a label or prose).
 */
import { toHalfWidth } from '../text/normalize.ts';

export type CellReading =
  | { kind: 'empty' }
  | { kind: 'na' }
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'text' };

const NA_MARKS = new Set(['/', '\\', '-', '--', '—', '——', '–', '无', '空', 'N/A', 'n/a', '×', '—/—']);
const UNIT = '(?:件|条|个|项|次|人次|人|万元|元|份|宗|起|家|户|篇)';
/** Digits with optional sign, separators, decimals and a unit: anything number-like. */
const NUMBERISH = new RegExp(`^[+-]?\\d[\\d\\s,.]*${UNIT}?$`);
const TRAILING_UNIT = new RegExp(`${UNIT}$`);
const DIGITS = /^\d{1,15}$/;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Normalizes a raw cell for reading: half-width, dashes unified, outer spaces trimmed. */
export function cellText(raw: string): string {
  return toHalfWidth(raw).replace(/[‐‑‒–―−﹣]/g, '-').trim();
}

/** Characters a number-like cell can start with (after trimming): digits, signs, marks. */
const NUMERIC_START = /^[\s\u3000]*[\d+\-０-９＋－/／\\—–‐‑‒―−﹣无空Nn×]/;

const EMPTY: CellReading = Object.freeze({ kind: 'empty' });
const TEXT: CellReading = Object.freeze({ kind: 'text' });
const NA: CellReading = Object.freeze({ kind: 'na' });
/** Readings of small whole numbers are shared: most cells of a report are 0 or small counts. */
const SMALL = Array.from({ length: 1000 }, (_, value): CellReading => Object.freeze({ kind: 'number', value, integer: true }));

function whole(value: number): CellReading {
  return value < SMALL.length ? SMALL[value]! : { kind: 'number', value, integer: true };
}

export function readCell(raw: string): CellReading {
  // Most cells of a report are prose or labels: decide those without normalizing the text.
  if (raw !== '' && !NUMERIC_START.test(raw)) return raw.trim() === '' ? EMPTY : TEXT;
  if (DIGITS.test(raw)) return whole(Number(raw));
  const text = cellText(raw);
  if (text === '') return EMPTY;
  if (NA_MARKS.has(text)) return NA;
  if (!NUMBERISH.test(text)) return TEXT;
  const bare = text.replace(TRAILING_UNIT, '').trim();
  if (PLAIN.test(bare) || GROUPED.test(bare)) {
    const value = Number(bare.replace(/,/g, ''));
    const integer = Number.isInteger(value) && !bare.includes('.');
    return integer && value >= 0 ? whole(value) : { kind: 'number', value, integer };
  }
  if (/\s/.test(bare)) return { kind: 'unreadable', reason: `“${text}”里有几个数字连在一起` };
  if (bare.includes(',')) return { kind: 'unreadable', reason: `“${text}”的千位分隔不合规则` };
  return { kind: 'unreadable', reason: `“${text}”不是可读的数字` };
}

/** True for the cells that can stand in a row of values (numbers, marks, blanks, bad numbers). */
export function isValueLike(reading: CellReading): boolean {
  return reading.kind !== 'text';
}

/**
 * The ways to split a run of digits into `parts` numbers without leading zeros ("042" -> 0|42).
 * Used when a row is short because a separator was lost; more than one way means ambiguous.
 */
export function digitSplits(digits: string, parts: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, left: number, acc: number[]) => {
    if (out.length > 1) return; // two ways already: ambiguous, no need to count more
    if (left === 1) {
      const rest = digits.slice(start);
      if (rest !== '' && (rest === '0' || rest[0] !== '0')) out.push([...acc, Number(rest)]);
      return;
    }
    for (let end = start + 1; end <= digits.length - (left - 1); end++) {
      const piece = digits.slice(start, end);
      if (piece.length > 1 && piece[0] === '0') break;
      walk(end, left - 1, [...acc, Number(piece)]);
    }
  };
  if (/^\d+$/.test(digits)) walk(0, parts, []);
  return out;
}
