/**
 * The rows of a key-figures table (src/components/FiguresTable.astro) as HTML. A year's page
 * lists every report of that year in each of its eight sorted views: at 50,000 reports about
 * 10,000 rows of eight cells a view, which Astro's templating took 0.3–0.6 s a view to render
 * (every figure's correction renders the year's views again). The same markup joined as strings
 * takes a few milliseconds.
 */
import { KEY_FIGURES, type KeyFigures } from '../../core/summary/key-figures.ts';
import { cellDisplay } from '../tables/cell-display.ts';
import { esc, link } from './html.ts';

export interface FiguresRow {
  label: string;
  href?: string;
  /** Second line under the label (e.g. the district). */
  note?: string;
  figures: KeyFigures;
}

/** One cell per key figure; an empty one is a dash that screen readers announce as 空白. */
export function figureCellsHtml(figures: KeyFigures): string {
  let out = '';
  for (const f of KEY_FIGURES) {
    const c = cellDisplay(figures[f.key]);
    out += c.empty ? `<td class="num empty"><span aria-hidden="true">${esc(c.text)}</span><span class="sr-only">${esc(c.srText ?? '')}</span></td>` : `<td class="num">${esc(c.text)}</td>`;
  }
  return out;
}

/** A row per report or year: its label (a link when it has a page, its note below) and its figures. */
export function figureRowsHtml(rows: readonly FiguresRow[]): string {
  let out = '';
  for (const r of rows) {
    const label = r.href ? link(r.href, r.label) : esc(r.label);
    const note = r.note ? `<br><span class="aside">${esc(r.note)}</span>` : '';
    out += `<tr> <th scope="row">${label}${note}</th> ${figureCellsHtml(r.figures)} </tr>`;
  }
  return out;
}
