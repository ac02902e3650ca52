/**
 * A Markdown report -> the plain text lines the core reads, line for line: every output line is
 * the text of the same source line (so diagnostics point at the .md line). Markdown syntax is
 * read by micromark (headings, emphasis, escapes, links, raw HTML) and dropped; GFM tables become
 * pipe rows of their cells' text, so the core's table readers see them as Markdown tables.
 * Front matter lines are passed through untouched (the core skips them). Pure, browser-safe.
 */
import type { Nodes, PhrasingContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { splitFrontMatter } from '../core/meta/front-matter.ts';
import { fragmentText } from './html-to-text.ts';

type Put = (line: number, text: string) => void;

/** Text of phrasing content placed on its source lines (a soft line break stays a line break). */
function phrasing(nodes: PhrasingContent[], put: Put): void {
  for (const node of nodes) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'text') node.value.split('\n').forEach((t, k) => put(line + k, t));
    else if (node.type === 'inlineCode') put(line, node.value);
    else if (node.type === 'html') fragmentText(node.value).forEach((t) => put(line, t));
    else if ('children' in node) phrasing(node.children as PhrasingContent[], put);
    // images and breaks carry no text: the next text node is on its own line already
  }
}

/** A table cell's text on one line; a literal pipe would split the row, so it is shown full-width. */
function cellText(children: PhrasingContent[]): string {
  const parts: string[] = [];
  phrasing(children, (_line, t) => parts.push(t));
  return parts.join('').replace(/\|/g, '｜').trim();
}

function table(node: Table, put: Put): void {
  node.children.forEach((row, i) => {
    const cells = row.children.map((c) => cellText(c.children));
    const line = row.position?.start.line ?? 1;
    put(line, `| ${cells.join(' | ')} |`);
    if (i === 0) put(line + 1, `|${cells.map(() => ' --- ').join('|')}|`);
  });
}

function block(node: Nodes, put: Put, source: string[]): void {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      phrasing(node.children, put);
      return;
    case 'table':
      table(node, put);
      return;
    case 'code': {
      // Paragraphs indented by four spaces are "code" to CommonMark: keep their text as text.
      const fenced = /^\s*(?:```|~~~)/.test(source[line - 1] ?? '');
      node.value.split('\n').forEach((t, k) => put(line + (fenced ? 1 : 0) + k, t));
      return;
    }
    case 'html':
      node.value.split('\n').forEach((t, k) => fragmentText(t).forEach((x) => put(line + k, x)));
      return;
    case 'list':
      node.children.forEach((item, i) => {
        if (node.ordered) put(item.position?.start.line ?? line, `${(node.start ?? 1) + i}. `);
        for (const child of item.children) block(child, put, source);
      });
      return;
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) block(child, put, source);
  }
}

export function markdownToText(source: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  const front = splitFrontMatter(source).lines;
  const out: string[] = lines.map((l, i) => (i < front ? l : ''));
  const body = lines.slice(front).join('\n');
  const tree = fromMarkdown(body, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const put: Put = (line, text) => {
    const i = front + line - 1;
    if (i >= front && i < out.length) out[i] += text;
  };
  block(tree, put, lines.slice(front));
  return out.join('\n');
}
