/**
 * Splitting the text into lines and cells, whatever the delimiter: tab rows, one cell per line,
 * pipe rows / Markdown tables, or columns separated by runs of spaces (text from PDFs).
 * Tables are then found by their labels (../tables), never by the delimiter.
 */
import { hasArtefacts, labelKey, matchKeyOf, stripArtefacts, toHalfWidth } from '../text/normalize.ts';
import { readCell, type CellReading } from './values.ts';

export type LineKind = 'blank' | 'single' | 'tab' | 'pipe' | 'rule' | 'spaces';

export interface Cell {
  /** The cell text, trimmed, artefacts removed. */
  text: string;
  /** 1-based source line. */
  line: number;
  reading: CellReading;
  /** For short text cells (possible labels): labelKey(text), computed once. Null otherwise. */
  key: string | null;
  /** For short text cells: matchKey(text), numbering removed. Null otherwise. */
  match: string | null;
}

/** Labels are short; longer text is prose and is never compared with a label. */
export const MAX_LABEL_LENGTH = 64;

export interface Line {
  /** 1-based source line. */
  no: number;
  /** The line with export artefacts removed, not trimmed. */
  text: string;
  kind: LineKind;
  cells: Cell[];
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const RULE_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const SPACE_GAP = /[ \u3000]{2,}|\u3000/;
const SENTENCE_END = /[。！？；]$/;

/** What a cell's text alone decides: everything of a Cell but its line. */
type CellContent = Omit<Cell, 'line'>;

function readContent(text: string): CellContent {
  const trimmed = text.trim();
  // Frozen: cells of the same text share their reading.
  const reading = Object.freeze(readCell(trimmed));
  const key = reading.kind === 'text' && trimmed.length <= MAX_LABEL_LENGTH ? labelKey(trimmed) : null;
  return { text: trimmed, reading, key, match: key === null ? null : matchKeyOf(key) };
}

/**
 * Short cells recur in every report (the official labels, headings, 0 and small counts), and
 * reading one (number forms, label keys) costs several regular expressions: their content is
 * kept. Prose is longer and rarely repeats, so it is not. The cache is dropped when full, which
 * bounds memory over an archive of any size.
 */
const CONTENT = new Map<string, CellContent>();
const CACHED_LENGTH = MAX_LABEL_LENGTH;
const CACHE_SIZE = 20_000;

export function makeCell(text: string, line: number): Cell {
  let content = text.length <= CACHED_LENGTH ? CONTENT.get(text) : undefined;
  if (!content) {
    content = readContent(text);
    if (text.length <= CACHED_LENGTH) {
      if (CONTENT.size >= CACHE_SIZE) CONTENT.clear();
      CONTENT.set(text, content);
    }
  }
  return { text: content.text, line, reading: content.reading, key: content.key, match: content.match };
}

/** Last characters a row of values can end with: digits (half or full width) and n/a marks. */
function mayEndInValue(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19) || code === 0x2f || code === 0xff0f || code === 0x2d || code === 0xff0d || code === 0x2014 || code === 0x2013 || code === 0x65e0;
}

const TRAILING_VALUES = /^(.*?[^\d\s,.，．+\-/—–])((?:\s+(?:[+-]?\d[\d,.]*|[/—–-]+|无))+)$/;

/**
 * A cell such as "规章 0 0 0" (a row whose separators became single spaces) is split into its
 * label and the values at its end: numbers, full-width digits ("规章 ０ ０ ０" from Word), and
 * not-applicable marks ("规章 / / /"; 无 only in a run of several, "存在问题 无" stays prose).
 * Prose is left alone: it ends with punctuation or is long. Null when the cell stays whole.
 */
function splitTrailingNumbers(cell: Cell): Cell[] | null {
  if (cell.reading.kind !== 'text' || !mayEndInValue(cell.text.charCodeAt(cell.text.length - 1)) || cell.text.length > 120 || SENTENCE_END.test(cell.text)) return null;
  // toHalfWidth maps one UTF-16 unit to one, so positions in `half` are positions in the text.
  const half = toHalfWidth(cell.text);
  const m = TRAILING_VALUES.exec(half);
  if (!m) return null;
  const label = cell.text.slice(0, m[1]!.length);
  // "2023 年" style prose keeps its numbers; a label ends in a Han character or a bracket.
  if (!/[\u4e00-\u9fff)）”"]$/.test(label)) return null;
  const values = m[2]!.trim().split(/\s+/);
  if (values.length < 2 && values[0] === '无') return null;
  return [makeCell(label, cell.line), ...values.map((n) => makeCell(n, cell.line))];
}

/** A cell made only of space-separated numbers ("0 0 0 0") becomes one cell per number. */
function pushNumberRun(cells: Cell[], cell: Cell): void {
  if (cell.reading.kind !== 'unreadable' || !/^(?:[+-]?\d[\d,.]*\s+){2,}[+-]?\d[\d,.]*$/.test(cell.text)) cells.push(cell);
  else for (const n of cell.text.split(/\s+/)) cells.push(makeCell(n, cell.line));
}

export function splitLine(raw: string, no: number): Line {
  return lineOf(stripArtefacts(raw), no);
}

/** How a line splits: everything of a Line but its number (its cells all carry that number). */
interface LineShape {
  kind: LineKind;
  cells: CellContent[];
}

/**
 * Short lines recur from report to report as cells do (a table row, one cell of a cell-per-line
 * table, a heading): how they split is kept, bounded like the cell cache.
 */
const SHAPES = new Map<string, LineShape>();
const SHAPED_LENGTH = 128;

/** A line whose artefacts are already removed, split into cells. */
function lineOf(text: string, no: number): Line {
  if (text.length > SHAPED_LENGTH) return splitText(text, no);
  const shape = SHAPES.get(text);
  if (!shape) {
    const line = splitText(text, no);
    if (SHAPES.size >= CACHE_SIZE) SHAPES.clear();
    SHAPES.set(text, { kind: line.kind, cells: line.cells.map(({ line: _, ...content }) => content) });
    return line;
  }
  const cells: Cell[] = new Array(shape.cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = shape.cells[i]!;
    cells[i] = { text: c.text, line: no, reading: c.reading, key: c.key, match: c.match };
  }
  return { no, text, kind: shape.kind, cells };
}

function splitText(text: string, no: number): Line {
  let body = text.trimStart();
  if (body === '' && !text.includes('\t')) return { no, text, kind: 'blank', cells: [] };
  const pipes = body.includes('|');
  let kind: LineKind;
  let parts: string[];
  if (pipes && RULE_ROW.test(text)) {
    return { no, text, kind: 'rule', cells: [] };
  } else if (pipes && PIPE_ROW.test(text)) {
    kind = 'pipe';
    parts = text.trim().slice(1, -1).split('|');
  } else if (body.includes('\t')) {
    kind = 'tab';
    parts = text.split('\t');
  } else if (SPACE_GAP.test((body = body.trimEnd()))) {
    kind = 'spaces';
    parts = body.split(/[ \u3000]{2,}|\u3000/);
  } else {
    kind = 'single';
    parts = [text];
  }
  // In tab and pipe rows a cell holding "12 34" stays one (unreadable) cell: the row decides.
  const runs = kind === 'single' || kind === 'spaces';
  const cells: Cell[] = [];
  const push = (cell: Cell) => (runs ? pushNumberRun(cells, cell) : cells.push(cell));
  for (const part of parts) {
    const cell = makeCell(part, no);
    const split = splitTrailingNumbers(cell);
    if (split) split.forEach(push);
    else push(cell);
  }
  // "规章 0 0 0" was one line of single spaces: it is a space-separated row, not one cell.
  if (kind === 'single' && cells.length > 1) kind = 'spaces';
  return { no, text, kind, cells };
}

/** Splits text on any line end (CRLF, CR, LF) into numbered lines. */
export function splitLines(text: string, firstLine = 1): Line[] {
  // Whole-text tests first: most files have neither CR line ends nor export artefacts.
  const raws = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const clean = !hasArtefacts(text);
  return raws.map((raw, i) => (clean ? lineOf(raw, firstLine + i) : splitLine(raw, firstLine + i)));
}
