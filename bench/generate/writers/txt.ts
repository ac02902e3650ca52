/**
 * Plain text as exports produce it: Word/WPS "save as text" (blank lines or none between
 * paragraphs), text copied from web pages, and PDF text (hard-wrapped lines, page numbers).
 */
import type { Block, ReportDocument } from '../document.ts';
import { encode, ENCODINGS } from '../encodings.ts';
import { LAYOUTS, type TableLayout } from '../layouts/index.ts';
import type { Random } from '../random.ts';
import type { ReportWriter, WriteOptions } from './writer.ts';

/** Breaks a paragraph into lines of `width` characters, as PDF text extraction does. */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

function proseLines(block: Block, layout: TableLayout, width: number): string[] {
  if (block.kind === 'table') return [];
  if (layout.prose === 'pdf' && block.kind === 'paragraph') {
    const [first, ...rest] = wrap(block.text, width);
    return [`\u3000\u3000${first}`, ...rest];
  }
  return [block.text];
}

export function renderText(doc: ReportDocument, layout: TableLayout, rng: Random): string {
  const spaced = layout.prose !== 'wps'; // WPS text has no blank lines between paragraphs
  const width = rng.int(34, 42);
  const lines: string[] = [];
  const gap = () => {
    if (spaced) lines.push('');
  };
  if (layout.prose === 'word') lines.push('', ''); // samples 000/001 start with two blank lines
  lines.push(...doc.titleLines);
  gap();
  for (const p of doc.preamble) {
    lines.push(...proseLines({ kind: 'paragraph', text: p }, layout, width));
    gap();
  }
  for (const ch of doc.chapters) {
    lines.push(ch.heading);
    gap();
    for (const b of ch.blocks) {
      if (b.kind === 'table') {
        lines.push(...layout.render(b.rows, b.name, rng));
        if (!spaced || layout.prose === 'pdf') lines.push('');
      } else lines.push(...proseLines(b, layout, width));
      gap();
    }
  }
  lines.push(...doc.signature);
  if (layout.prose === 'pdf') {
    // Page numbers every ~48 lines, as PDF text keeps them (never after the signature).
    const out: string[] = [];
    let page = 1;
    lines.forEach((l, i) => {
      out.push(l);
      if (i > 0 && i % 48 === 0 && i < lines.length - 6) out.push('', `- ${page++} -`, '');
    });
    return `${out.join('\n')}\n`;
  }
  return `${lines.join('\n')}\n`;
}

export const txtWriter: ReportWriter = {
  format: 'txt',
  extension: '.txt',
  layouts: LAYOUTS,
  encodings: ENCODINGS,
  write(doc: ReportDocument, options: WriteOptions, rng: Random): Uint8Array {
    let text = renderText(doc, options.layout, rng);
    if (options.crlf) text = text.replace(/\n/g, '\r\n');
    return encode(text, options.encoding);
  },
};
