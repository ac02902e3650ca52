/**
 * A report page saved from a government portal: site header, navigation, a sidebar listing the
 * body's other annual reports, the report itself (h1, h2 chapters, paragraphs, tables), footer.
 */
import type { ReportDocument } from '../document.ts';
import { encode, type EncodingName } from '../encodings.ts';
import { escapeHtml, htmlTable } from '../layouts/html-table.ts';
import type { Random } from '../random.ts';
import type { ReportWriter, WriteOptions } from './writer.ts';

export function renderHtml(doc: ReportDocument, charset: string, rng: Random): string {
  const title = doc.titleLines.join('');
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  for (const p of doc.preamble) body.push(`<p>${escapeHtml(p)}</p>`);
  for (const ch of doc.chapters) {
    body.push(`<h2>${escapeHtml(ch.heading)}</h2>`);
    for (const b of ch.blocks) {
      if (b.kind === 'table') body.push('<table border="1" cellspacing="0">', ...htmlTable.render(b.rows, b.name, rng), '</table>');
      else if (b.kind === 'subheading') body.push(`<p><strong>${escapeHtml(b.text)}</strong></p>`);
      else body.push(`<p style="text-indent:2em">${escapeHtml(b.text)}</p>`);
    }
  }
  for (const l of doc.signature) body.push(`<p style="text-align:right">${escapeHtml(l)}</p>`);
  const year = Number(/(\d{4})/.exec(title)?.[1] ?? 2023);
  const others = [1, 2, 3].map((k) => `<li><a href="/xxgk/ndbg/${year - k}.html">${year - k}年度政府信息公开工作年度报告</a></li>`).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="${charset}"><title>${escapeHtml(title)}</title>`,
    '<script>var _hmt = _hmt || [];</script><style>.nav a{margin:0 8px}</style></head><body>',
    '<div class="header"><div class="logo">政府信息公开专栏</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>',
    `<div class="sidebar"><h3>年度报告</h3><ul>${others}</ul></div>`,
    '<div class="article">',
    ...body,
    '</div>',
    '<div class="footer"><p>主办单位：区人民政府办公室　网站标识码：4201040001</p><p>版权所有　技术支持：区大数据中心</p></div>',
    '</body></html>',
    '',
  ].join('\n');
}

const ENCODINGS: readonly EncodingName[] = ['utf-8', 'utf-8-bom', 'gb18030'];

export const htmlWriter: ReportWriter = {
  format: 'html',
  extension: '.html',
  layouts: [htmlTable],
  encodings: ENCODINGS,
  write(doc: ReportDocument, options: WriteOptions, rng: Random): Uint8Array {
    let text = renderHtml(doc, options.encoding === 'gb18030' ? 'gbk' : 'utf-8', rng);
    if (options.crlf) text = text.replace(/\n/g, '\r\n');
    return encode(text, options.encoding);
  },
};
