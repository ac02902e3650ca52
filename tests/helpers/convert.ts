/**
 * The sample reports (plain text) turned into the other formats portals hold, keeping their
 * content: lines with tabs become table rows (a run of them one table), other lines paragraphs.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

type Piece = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.includes('\t')) {
      const last = out[out.length - 1];
      const cells = line.split('\t');
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
    } else if (line.trim()) out.push({ kind: 'p', text: line });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function textToHtml(text: string): string {
  const body = pieces(text).map((p) =>
    p.kind === 'p' ? `<p>${esc(p.text)}</p>` : `<table border="1">\n${p.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`,
  );
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>报告</title></head>\n<body>\n<div class="content">\n${body.join('\n')}\n</div>\n</body></html>\n`;
}

export async function textToDocx(text: string): Promise<Uint8Array> {
  const children = pieces(text).map((p) =>
    p.kind === 'p'
      ? new Paragraph(p.text)
      : new Table({ rows: p.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
