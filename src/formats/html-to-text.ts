/**
 * A saved portal page (or the HTML mammoth makes of a .docx) -> the plain text lines the core reads.
 * The report is found inside the page chrome (menus, headers, footers, sidebars) as the smallest
 * element holding its chapter headings and table rows; paragraphs become lines and data tables
 * become tab-separated rows of the cells as they stand in the source (a merged cell once, an empty
 * cell as an empty cell), so the label-driven table readers see the official rows.
 * Only text leaves: scripts, styles, hidden elements and attributes never reach the output.
 * Pure: hast-util-from-html (parse5) only, no DOM and no Node APIs, so it runs in the browser too.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findChapters } from '../core/document/chapters.ts';
import { findTitle } from '../core/document/metadata.ts';
import { splitLine } from '../core/layout/lines.ts';
import { labelKey } from '../core/text/normalize.ts';

export interface HtmlText {
  /** The report as text: one paragraph or table row per line, table cells separated by tabs. */
  text: string;
  /** Source line (1-based, in the HTML) of each text line. */
  lineMap: number[];
}

/** Never text of the report. `nav` and form controls are page chrome wherever they stand. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'button', 'select', 'textarea', 'input', 'option', 'datalist', 'nav', 'audio', 'video', 'map', 'dialog', 'img',
]);

/** Elements that end the line of text before them and start a new one. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * One line of output; `el` is the element it came from (null for the page <title>); `link` is true
 * when all its text is link text (a menu or a list of other reports, never the title).
 */
type Block = { text: string; line: number; el: Element | null; row?: string[]; link?: boolean };

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
/** A line break between two CJK characters is no space (CSS Text: segment break transformation). */
const CJK_BREAK = new RegExp(`(${CJK})[ \\t\\f]*[\\r\\n][ \\t\\r\\n\\f]*(?=${CJK})`, 'g');

function normalizeSpace(raw: string): string {
  return raw.replace(CJK_BREAK, '$1').replace(/[ \t\r\n\f]+/g, ' ').trim();
}

function isHidden(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  if (String(p.ariaHidden ?? '') === 'true') return true;
  const style = typeof p.style === 'string' ? p.style.replace(/\s+/g, '').toLowerCase() : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function lineOf(node: { position?: { start: { line: number } } }, fallback: number): number {
  return node.position?.start.line ?? fallback;
}

/** Rows of this table (not of tables nested in its cells). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const r of child.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') && !isHidden(c));
}

function containsTable(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (c.tagName === 'table' || containsTable(c)));
}

/** Tables used to lay out a page (a table inside a cell, or one big cell) are read as containers. */
function isLayoutTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.some((r) => cellsOf(r).some(containsTable))) return true;
  return rows.length <= 1 && rows.every((r) => cellsOf(r).length <= 1);
}

class Walker {
  readonly blocks: Block[] = [];
  readonly parent = new Map<Element, Element | null>();
  title: { text: string; line: number } | null = null;
  private parts: string[] = [];
  private line: number | null = null;
  private lastLine = 1;
  private linkDepth = 0;
  private plainText = false;

  flush(el: Element): void {
    const text = normalizeSpace(this.parts.join(''));
    if (text) this.blocks.push({ text, line: this.line ?? this.lastLine, el, link: !this.plainText });
    this.parts = [];
    this.line = null;
    this.plainText = false;
  }

  walk(node: Root | Element, container: Element): void {
    for (const child of node.children as (RootContent | ElementContent)[]) {
      if (child.type === 'text') {
        if (child.value.trim() !== '') {
          if (this.line === null) this.line = lineOf(child, this.lastLine);
          if (this.linkDepth === 0) this.plainText = true;
        }
        this.lastLine = lineOf(child, this.lastLine);
        this.parts.push(child.value);
      } else if (child.type === 'element') {
        this.parent.set(child, node.type === 'element' ? node : null);
        this.element(child, container);
      }
    }
  }

  private element(el: Element, container: Element): void {
    const tag = el.tagName;
    if (tag === 'head') {
      const title = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title');
      const text = title ? normalizeSpace(textOf(title)) : '';
      if (title && text && !this.title) this.title = { text, line: lineOf(title, 1) };
    }
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'br') {
      this.flush(container);
      return;
    }
    if (tag === 'pre') {
      this.flush(container);
      const start = lineOf(el, this.lastLine);
      textOf(el).split(/\r\n|\r|\n/).forEach((t, k) => {
        const text = normalizeSpace(t);
        if (text) this.blocks.push({ text, line: start + k, el });
      });
      return;
    }
    if (tag === 'table' && !isLayoutTable(el)) {
      this.flush(container);
      this.table(el);
      return;
    }
    if (!BLOCK.has(tag)) {
      if (tag === 'a') this.linkDepth++;
      this.walk(el, container);
      if (tag === 'a') this.linkDepth--;
      return;
    }
    this.flush(container);
    this.walk(el, el);
    this.flush(el);
  }

  private table(table: Element): void {
    for (const c of table.children) {
      if (c.type === 'element' && c.tagName === 'caption') {
        this.parent.set(c, table);
        const text = normalizeSpace(textOf(c));
        if (text) this.blocks.push({ text, line: lineOf(c, this.lastLine), el: c });
      }
    }
    for (const row of rowsOf(table)) {
      this.parent.set(row, table);
      const cells = cellsOf(row).map((c) => cellText(c));
      const line = lineOf(row, this.lastLine);
      this.lastLine = line;
      this.blocks.push({ text: cells.join('\t'), line, el: row, row: cells });
    }
  }
}

/** The text content of a subtree as a reader sees it (skipped and hidden elements left out). */
function textOf(node: Element | Root): string {
  let out = '';
  for (const c of node.children as (RootContent | ElementContent)[]) {
    if (c.type === 'text') out += c.value;
    else if (c.type === 'element' && !SKIP.has(c.tagName) && !isHidden(c)) {
      const block = BLOCK.has(c.tagName) || c.tagName === 'br';
      out += block ? `\n${textOf(c)}\n` : textOf(c);
    }
  }
  return out;
}

/** A cell's text on one line: its paragraphs joined (Chinese needs no space), tabs never inside. */
function cellText(cell: Element): string {
  const pieces = textOf(cell)
    .split(/\n/)
    .map(normalizeSpace)
    .filter(Boolean);
  let out = '';
  for (const p of pieces) out = out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p) ? `${out} ${p}` : out + p;
  return out.replace(/\t/g, ' ');
}

/** Rows that only the official tables have. */
const TABLE_SIGNAL = /本年新收|上年结转|第二十条|行政复议|予以公开|结转下一?年度/;
const NOT_A_TITLE = /[>»›|/\\]/;

function ancestors(el: Element, parent: Map<Element, Element | null>): Element[] {
  const chain: Element[] = [];
  for (let cur: Element | null | undefined = el; cur; cur = parent.get(cur)) chain.push(cur);
  return chain;
}

/** The smallest element holding every chapter heading and table row found in the page. */
function reportRoot(blocks: Block[], parent: Map<Element, Element | null>): Element | null {
  const lines = blocks.map((b, i) => splitLine(b.text, i + 1));
  const signals = new Set(findChapters(lines).map((c) => c.index));
  blocks.forEach((b, i) => {
    if (b.row && TABLE_SIGNAL.test(labelKey(b.text))) signals.add(i);
  });
  if (signals.size < 2) return null;
  let common: Element[] | null = null;
  for (const i of signals) {
    const chain = ancestors(blocks[i]!.el!, parent);
    if (!common) common = chain;
    else {
      const set = new Set(chain);
      common = common.filter((e) => set.has(e));
    }
  }
  return common?.[0] ?? null;
}

function isInside(el: Element | null, root: Element, parent: Map<Element, Element | null>): boolean {
  for (let cur: Element | null | undefined = el; cur; cur = parent.get(cur)) if (cur === root) return true;
  return false;
}

/** A short line that reads as the report's title (not a breadcrumb or a link list). */
function titleLike(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 80 && !NOT_A_TITLE.test(t) && /(?:年度?报告|年报)[)）]?$/.test(t) && /\d{4}|[〇零一二三四五六七八九]{4}/.test(t);
}

/** The title when the report's own element lacks it: the nearest title line before it, or <title>. */
function outsideTitle(blocks: Block[], firstKept: number, pageTitle: { text: string; line: number } | null): Block | null {
  for (let i = firstKept - 1, seen = 0; i >= 0 && seen < 40; i--, seen++) {
    const b = blocks[i]!;
    if (!b.row && !b.link && titleLike(b.text)) return b;
  }
  if (pageTitle) {
    const part = pageTitle.text.split(/\s*[_|｜–—-]\s*|\s{2,}/).find(titleLike);
    if (part) return { text: part, line: pageTitle.line, el: null };
  }
  return null;
}

export function htmlToText(html: string): HtmlText {
  const walker = new Walker();
  const top: Element = { type: 'element', tagName: 'body', properties: {}, children: [] };
  walker.walk(fromHtml(html), top);
  walker.flush(top);
  let blocks = walker.blocks;

  const root = reportRoot(blocks, walker.parent);
  if (root) {
    const firstKept = blocks.findIndex((b) => isInside(b.el, root, walker.parent));
    const kept = blocks.filter((b) => isInside(b.el, root, walker.parent));
    const lines = kept.map((b, i) => splitLine(b.text, i + 1));
    const firstChapter = findChapters(lines)[0]?.index ?? kept.length;
    if (!findTitle(lines, Math.min(firstChapter, 40))) {
      const title = outsideTitle(blocks, firstKept, walker.title);
      if (title) kept.unshift(title);
    }
    blocks = kept;
  }
  return { text: blocks.map((b) => b.text).join('\n'), lineMap: blocks.map((b) => b.line) };
}

/** The plain text of an HTML fragment (raw HTML inside Markdown), one line per block. */
export function fragmentText(html: string): string[] {
  const walker = new Walker();
  const container: Element = { type: 'element', tagName: 'div', properties: {}, children: [] };
  walker.walk(fromHtml(html, { fragment: true }), container);
  walker.flush(container);
  return walker.blocks.map((b) => b.text);
}
