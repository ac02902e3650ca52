import { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, HeadingLevel, VerticalMergeType } from 'docx';
import mammoth from 'mammoth';
const cell = (t: string, o: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph(t)], ...o });
const doc = new Document({ sections: [{ children: [
  new Paragraph({ text: '某区2023年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
  new Paragraph({ children: [new TextRun({ text: '一、总体情况', bold: true })] }),
  new Paragraph('正文<script>alert(1)</script>。'),
  new Table({ rows: [
    new TableRow({ children: [cell('A', { rowSpan: 2 }), cell('B', { columnSpan: 2 })] }),
    new TableRow({ children: [cell('x'), cell('')] }),
    new TableRow({ children: [cell('1'), cell('2'), cell('3')] }),
  ] }),
] }] });
const buf = await Packer.toBuffer(doc);
console.log(buf.length);
const r = await mammoth.convertToHtml({ buffer: buf });
console.log(r.value); console.log(r.messages);
