/**
 * Page headers and footers left in text extracted from PDFs ("第 3 页 共 5 页", "- 3 -", the
 * portal's name repeated on every page). They are blanked so tables and paragraphs run on
 * across page breaks; the line numbers of everything else stay the same.
 */
import type { Line } from '../layout/lines.ts';
import { toHalfWidth } from './normalize.ts';

const PAGE_NUMBER = [
  /^第\d+页(?:[,，/]?共\d+页)?$/,
  /^共\d+页第\d+页$/,
  /^[-—–]\d+[-—–]$/,
  /^\d+\/\d+$/,
  /^page\d+(?:of\d+)?$/i,
];

function isPageNumber(text: string): boolean {
  if (text.length > 30 || !/[页\-—–/／Pp]/.test(text)) return false;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Lines that are page furniture: page numbers, and short lines repeated beside page numbers. */
export function furnitureLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const pageIdx: number[] = [];
  lines.forEach((l, i) => {
    if (l.kind !== 'blank' && isPageNumber(l.text)) {
      out.add(i);
      pageIdx.push(i);
    }
  });
  if (pageIdx.length === 0) return out;
  // Text right beside a page number that recurs at (almost) every break is a running header.
  const neighbours = new Map<string, number[]>();
  const near = (i: number, step: number) => {
    for (let j = i + step, seen = 0; j >= 0 && j < lines.length && seen < 2; j += step) {
      const l = lines[j]!;
      if (l.kind === 'blank') continue;
      seen++;
      const key = l.text.trim();
      if (key.length === 0 || key.length > 40 || l.cells.some((c) => c.reading.kind !== 'text')) continue;
      neighbours.set(key, [...(neighbours.get(key) ?? []), j]);
    }
  };
  for (const i of pageIdx) {
    near(i, -1);
    near(i, 1);
  }
  const needed = Math.max(2, Math.ceil(pageIdx.length * 0.6));
  for (const [, idx] of neighbours) {
    const distinct = [...new Set(idx)];
    if (distinct.length >= needed) for (const j of distinct) out.add(j);
  }
  return out;
}
