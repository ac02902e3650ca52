/** Markdown as portals and editors write it: # title, ## chapters, GFM tables. */
import type { ReportDocument } from '../document.ts';
import { encode, type EncodingName } from '../encodings.ts';
import { markdownTable } from '../layouts/markdown-table.ts';
import type { Random } from '../random.ts';
import type { ReportWriter, WriteOptions } from './writer.ts';

export function renderMarkdown(doc: ReportDocument, rng: Random): string {
  const boldSub = rng.chance(0.5);
  const out: string[] = [`# ${doc.titleLines.join('')}`, ''];
  for (const p of doc.preamble) out.push(p, '');
  for (const ch of doc.chapters) {
    out.push(`## ${ch.heading}`, '');
    for (const b of ch.blocks) {
      if (b.kind === 'table') out.push(...markdownTable.render(b.rows, b.name, rng));
      else if (b.kind === 'subheading') out.push(boldSub ? `**${b.text}**` : `### ${b.text}`);
      else out.push(b.text);
      out.push('');
    }
  }
  if (doc.signature.length) out.push(...doc.signature.flatMap((l) => [l, '']));
  return `${out.join('\n').trimEnd()}\n`;
}

const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-8-bom', 'gb18030'];

export const markdownWriter: ReportWriter = {
  format: 'md',
  extension: '.md',
  layouts: [markdownTable],
  encodings: ENCODINGS,
  write(doc: ReportDocument, options: WriteOptions, rng: Random): Uint8Array {
    let text = renderMarkdown(doc, rng);
    if (options.crlf) text = text.replace(/\n/g, '\r\n');
    return encode(text, options.encoding);
  },
};
