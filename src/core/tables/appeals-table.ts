/**
 * 表四: fifteen values after the 行政复议 / 行政诉讼 header, in the official order
 * (复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5). Header words between values are skipped, so
 * the table reads the same laid out in one row, one cell per line, or one group per row.
 */
import type { Cell } from '../layout/lines.ts';
import type { DiagnosticEntry } from '../model/report.ts';
import { labelKey, matchKey } from '../text/normalize.ts';
import { APPEAL_GROUPS, APPEAL_HEADER_WORDS, APPEAL_HEADINGS, APPEAL_KEYS } from './definitions.ts';
import { rowValues } from './row-values.ts';
import type { TableRead } from './table-result.ts';

const ANCHOR = /^(?:表四[:：]?)?行政复议$/;

/** The cell that starts 表四: 行政复议, alone or followed by other header words ("行政复议 行政诉讼"). */
function isAnchor(cell: Cell): boolean {
  if (cell.key === null || !cell.key.includes('行政复议')) return false;
  const [first, ...rest] = cell.text.trim().split(/\s+/);
  return ANCHOR.test(labelKey(first!)) && rest.every((w) => APPEAL_HEADER_WORDS.test(labelKey(w)));
}

/** A header cell of 表四, possibly several header words joined by spaces (text from PDFs). */
function isHeaderWord(cell: Cell): boolean {
  if (cell.key === null) return false;
  return cell.text.trim().split(/\s+/).every((w) => APPEAL_HEADER_WORDS.test(labelKey(w)) || APPEAL_HEADER_WORDS.test(matchKey(w)));
}

export function readAppealsTable(cells: Cell[]): TableRead {
  const values = new Map<string, number | null>();
  const lines = new Map<string, number>();
  const diagnostics: DiagnosticEntry[] = [];
  for (const g of APPEAL_GROUPS) for (const k of APPEAL_KEYS) values.set(`${g.path}.${k}`, null);

  const anchor = cells.findIndex(isAnchor);
  if (anchor < 0) return { values, lines, rowsFound: 0, cellRange: null, diagnostics };

  // Runs of value cells between header words; runs holding no number are header spacers.
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  let end = anchor;
  let i = anchor + 1;
  for (; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.reading.kind !== 'text') {
      run.push(cell);
      continue;
    }
    if (run.some((c) => c.reading.kind !== 'empty')) {
      runs.push(run);
      end = i - 1;
    }
    run = [];
    if (isHeaderWord(cell)) continue;
    if (runs.length > 0) break; // prose after the values: the table is over
  }
  if (run.some((c) => c.reading.kind !== 'empty')) {
    runs.push(run);
    end = i - 1;
  }
  const valueCells = runs.flat();
  if (valueCells.length === 0) {
    diagnostics.push({ level: 'warning', message: '表四：找到表头但没有数值', line: cells[anchor]!.line });
    return { values, lines, rowsFound: 0, cellRange: [anchor, anchor], diagnostics };
  }
  const headings = APPEAL_GROUPS.flatMap((g) => APPEAL_HEADINGS.map((h) => `${g.label} ${h}`));
  const result = rowValues(valueCells, 15, { label: '表四', headings });
  APPEAL_GROUPS.forEach((g, gi) =>
    APPEAL_KEYS.forEach((k, ki) => {
      const idx = gi * 5 + ki;
      values.set(`${g.path}.${k}`, result.values[idx] ?? null);
      lines.set(`${g.path}.${k}`, result.lines[idx] ?? cells[anchor]!.line);
    }),
  );
  for (const w of result.warnings) diagnostics.push({ level: 'warning', message: `表四：${w.message}`, line: w.line });
  return { values, lines, rowsFound: 3, cellRange: [anchor, end], diagnostics };
}
