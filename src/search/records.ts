/**
 * What the search index holds for one report: the text a searcher may look for, in the order
 * positions are counted, and what a result shows. The statutory table labels, chapter headings
 * and the preamble's formula are the same in every report and are left out; the main figures are
 * kept as one short line of their own (行政许可 0件；…) so a figure and its name can be found.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Report } from '../core/model/report.ts';
import { reportPaths } from '../core/export/paths.ts';

export interface SearchRecord {
  id: string;
  /** The report page, relative to the site's base path: reports/<id>/ */
  url: string;
  title: string;
  /** The agency under its registry name (what the agency filter offers). */
  agency: string;
  district: string | null;
  year: number | null;
  /** The indexed text: chapters, figures, then the header fields (title, agency, district, year). */
  text: string;
  /** Where the header fields begin in `text` (characters): a match there is shown with the lead. */
  headerOffset: number;
}

/**
 * Text that Markdown could read as markup (what src/core/text/markdown.ts escapes). Most chapter
 * blocks have none and are taken as they are: parsing every block costs ~4 ms a report.
 */
const MAYBE_MARKUP = /[\\`*_[\]<>&|~!#$]|^(?:\s|[-+=>]|\d+[.)])/;

/** A chapter's Markdown as plain text, one block per line (headings and paragraphs alike). */
export function markdownText(markdown: string): string {
  const lines: string[] = [];
  for (const block of markdown.split(/\n{2,}/)) {
    const plain = block.replace(/^#{1,6} /, '');
    if (!MAYBE_MARKUP.test(plain) && !plain.includes('\n')) lines.push(plain);
    else lines.push(...fromMarkdown(block).children.map((node) => toString(node)));
  }
  return lines.filter((t) => t.trim() !== '').join('\n');
}

const fmt = (n: number | null) => (n === null ? '—' : String(n));
const sum = (...ns: (number | null)[]) => (ns.every((n) => n === null) ? null : ns.reduce<number>((a, n) => a + (n ?? 0), 0));

/** The main figures, as a searcher names them. */
export function figuresLine(report: Report): string {
  const p = report.proactive;
  const a = report.appeals;
  return [
    `行政许可 ${fmt(p.licensing)}件`,
    `行政处罚 ${fmt(p.punishment)}件`,
    `行政强制 ${fmt(p.enforcement)}件`,
    `行政事业性收费 ${fmt(p.fees)}万元`,
    `新收政府信息公开申请 ${fmt(report.requests.newReceived.total)}件`,
    `行政复议 ${fmt(a.review.total)}件`,
    `行政诉讼 ${fmt(sum(a.litigationDirect.total, a.litigationAfterReview.total))}件`,
  ].join('；');
}

export function searchRecord(report: Report): SearchRecord {
  const body = report.sections.map((s) => markdownText(s.markdown)).filter((t) => t !== '');
  const header = [report.title, report.agency];
  if (report.canonicalAgency !== report.agency) header.push(report.canonicalAgency);
  if (report.district) header.push(report.district);
  if (report.year !== null) header.push(`${report.year}年`);
  const before = [...body, figuresLine(report)].join('\n') + '\n';
  return {
    id: report.id,
    url: reportPaths(report).dir,
    title: report.title,
    agency: report.canonicalAgency,
    district: report.district,
    year: report.year,
    text: before + header.join('\n'),
    headerOffset: before.length,
  };
}
