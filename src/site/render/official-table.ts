/**
 * One official table (表二/表三/表四) from its grid (../tables/table-grid.ts): caption with unit,
 * column groups, header scopes, numbers right-aligned; an empty cell is a dash announced as 空白;
 * cells of failing checks are marked. Wide tables sit in a scroll region keyboard users can focus.
 */
import { EMPTY_LEGEND } from '../tables/cell-display.ts';
import type { GridCell, GridRow, TableGrid } from '../tables/table-grid.ts';
import { attrs, classes, esc } from './html.ts';

function cellHtml(c: GridCell): string {
  if (c.kind === 'th') return `<th${attrs({ scope: c.scope, rowspan: c.rowspan, colspan: c.colspan, id: c.id, class: c.className })}>${esc(c.text)}</th>`;
  if (c.kind === 'note') return `<td${attrs({ rowspan: c.rowspan, colspan: c.colspan, class: 'note' })}>${esc(c.text)}</td>`;
  const shown = c.empty ? `<span aria-hidden="true">${esc(c.text)}</span><span class="sr-only">${esc(c.srText ?? '')}</span>` : esc(c.text);
  const mark = c.failing ? '<span class="fail-mark" aria-hidden="true">!</span><span class="sr-only">（校验未通过）</span>' : '';
  return `<td${attrs({ id: c.id, colspan: c.colspan, headers: c.headers, class: classes('num', c.empty && 'empty', c.failing && 'fail') })}>${shown}${mark}</td>`;
}

const rowsHtml = (rows: GridRow[]) => rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`).join('');

/** The <table> of a grid. */
export function gridTableHtml(grid: TableGrid, captionId: string): string {
  const caption = `<caption id="${esc(captionId)}"><span class="table-no">${esc(grid.number)}</span> ${esc(grid.caption)}<span class="unit">（${esc(grid.unit)}）</span></caption>`;
  const colgroups = grid.colgroups.map((span) => `<colgroup span="${span}"></colgroup>`).join('');
  const head = grid.head.length > 0 ? `<thead>${rowsHtml(grid.head)}</thead>` : '';
  const bodies = grid.bodies.map((body) => `<tbody>${rowsHtml(body)}</tbody>`).join('');
  return `<table id="${esc(grid.id)}" class="official">${caption}${colgroups}${head}${bodies}</table>`;
}

/** The table in its wrapper, with the legend under it. */
export function officialTableHtml(grid: TableGrid): string {
  const columns = grid.colgroups.reduce((a, b) => a + b, 0);
  const captionId = `${grid.id}-caption`;
  const table = gridTableHtml(grid, captionId);
  const wrapped =
    columns > 4 ? `<section class="table-wrap table-scroll" aria-labelledby="${esc(captionId)}" tabindex="0">${table}</section>` : `<div class="table-wrap">${table}</div>`;
  return `${wrapped}<p class="table-legend">${esc(EMPTY_LEGEND)}</p>`;
}
