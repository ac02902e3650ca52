/**
 * A chapter's prose lines as Markdown: lines broken mid-sentence (hard wraps, or a blank line
 * inside a sentence as in "栏\n\n目建设") are joined, numbered sub-headings become headings, and
 * the text is escaped by mdast-util-to-markdown so nothing in a report is read as markup.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Heading, Paragraph, RootContent } from 'mdast';

/** Ends a sentence or announces what follows. */
const TERMINAL = /(?:[。！？；!?;:：…]|[。！？]["”』」)）])$/;
/** A line that starts a new item whatever precedes it. */
const ITEM_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}[，、,是])/;
/** A numbered sub-heading: （一）政府信息主动公开情况 / (二) 依申请公开: */
const SUBHEADING = /^[（(][一二三四五六七八九十\d]{1,3}[)）]\s*[^。；，,]{1,28}[:：]?$/;

export interface ProseLine {
  text: string;
  blank: boolean;
}

type Block = { kind: 'heading' | 'paragraph'; text: string };

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

export function proseBlocks(lines: ProseLine[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const line of lines) {
    if (line.blank) continue; // a blank line alone decides nothing: the punctuation does
    const text = line.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (text === '') continue;
    if (SUBHEADING.test(text) && !TERMINAL.test(text.replace(/[:：]$/, '')) ) {
      open = null;
      blocks.push({ kind: 'heading', text });
      continue;
    }
    if (open && !TERMINAL.test(open.text) && !ITEM_START.test(text)) {
      open.text = joinText(open.text, text);
      continue;
    }
    open = { kind: 'paragraph', text };
    blocks.push(open);
  }
  return blocks;
}

/**
 * Text that Markdown could read as markup: ASCII punctuation with a meaning, or a line start
 * that opens a list, quote, heading, rule or code block. Most report prose has none of it; the
 * rest goes through mdast-util-to-markdown, which escapes exactly what needs escaping.
 */
const MAYBE_MARKUP = /[\\`*_[\]<>&|~!#$]|^(?:\s|[-+=>]|\d+[.)])/;

function blockMarkdown(b: Block): string {
  const node: Heading | Paragraph =
    b.kind === 'heading'
      ? { type: 'heading', depth: 3, children: [{ type: 'text', value: b.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: b.text }] };
  if (!MAYBE_MARKUP.test(b.text)) return b.kind === 'heading' ? `### ${b.text}` : b.text;
  const children: RootContent[] = [node];
  return toMarkdown({ type: 'root', children }).trimEnd();
}

/** Markdown for a chapter body; sub-headings are level 3 (the chapter itself is level 2). */
export function proseToMarkdown(lines: ProseLine[]): string {
  return proseBlocks(lines).map(blockMarkdown).join('\n\n');
}
