/**
 * How one table cell shows: a number as the source wrote it, right-aligned; an empty or
 * not-applicable cell (null) as a dash that screen readers announce as 空白, never as 0.
 */

export interface CellDisplay {
  /** What is printed in the cell. */
  text: string;
  /** What a screen reader says instead, when the printed text would mislead (null: the text). */
  srText: string | null;
  empty: boolean;
}

export const EMPTY_MARK = '—';
export const EMPTY_SPOKEN = '空白';
/** The legend under each table. */
export const EMPTY_LEGEND = `“${EMPTY_MARK}”表示原表该格为空白或填写“/”等不适用标记，不同于 0。`;

/** 112341 -> "112341"; 81.5 -> "81.5"; -3 -> "−3" (a real minus sign, read as "minus"). */
export function formatNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

export function cellDisplay(value: number | null | undefined): CellDisplay {
  if (value === null || value === undefined) return { text: EMPTY_MARK, srText: EMPTY_SPOKEN, empty: true };
  return { text: formatNumber(value), srText: null, empty: false };
}
