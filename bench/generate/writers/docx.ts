/**
 * Word documents as bodies publish them: title, chapter headings, indented paragraphs and real
 * Word tables, built with the `docx` package. Packing stamps the current time into the zip
 * entries and docProps/core.xml; both are replaced by the report's own date so the same seed
 * gives the same bytes.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportDocument } from '../document.ts';
import { docxTable } from '../layouts/docx-table.ts';
import { padded } from '../layouts/layout.ts';
import type { Random } from '../random.ts';
import type { ReportWriter, WriteOptions } from './writer.ts';

function build(doc: ReportDocument): Document {
  const children: (Paragraph | Table)[] = doc.titleLines.map((t) => new Paragraph({ text: t, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }));
  for (const p of doc.preamble) children.push(new Paragraph({ text: p, indent: { firstLine: 420 } }));
  for (const ch of doc.chapters) {
    children.push(new Paragraph({ text: ch.heading, heading: HeadingLevel.HEADING_1 }));
    for (const b of ch.blocks) {
      if (b.kind === 'table') {
        const rows = padded(b.rows).map((r) => new TableRow({ children: r.cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }));
        children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
      } else if (b.kind === 'subheading') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
      else children.push(new Paragraph({ text: b.text, indent: { firstLine: 420 } }));
    }
  }
  for (const l of doc.signature) children.push(new Paragraph({ text: l, alignment: AlignmentType.RIGHT }));
  return new Document({ creator: '政府信息公开工作领导小组办公室', sections: [{ children }] });
}

/** The same package with fixed timestamps (zip entries and core properties). */
function stamp(bytes: Uint8Array, iso: string): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, iso));
  return zipSync(files, { mtime: new Date(iso), level: 6 });
}

export const docxWriter: ReportWriter = {
  format: 'docx',
  extension: '.docx',
  layouts: [docxTable],
  // The reader reports the XML parts' encoding; a .docx has no other.
  encodings: ['utf-8'],
  async write(doc: ReportDocument, _options: WriteOptions, _rng: Random): Promise<Uint8Array> {
    const packed = await Packer.toBuffer(build(doc));
    const date = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(doc.signature[doc.signature.length - 1] ?? '');
    const iso = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}T09:00:00Z` : '2024-01-15T09:00:00Z';
    return stamp(new Uint8Array(packed), iso);
  },
};
