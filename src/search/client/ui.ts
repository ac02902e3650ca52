/**
 * The search page's results: reads the query and filters from the URL (?q=…&year=…&agency=…
 * &district=…&page=…), renders the count (announced), the three filters with counts, one page of
 * results (title link, agency, year, district, snippet with the match marked) and paging, and
 * keeps the URL in step so a search can be linked. Everything from the query or a report is put
 * in the page as text (textContent, DOM nodes), never as HTML.
 */
import { snippet } from '../display.ts';
import { FACETS, SearchEngine, type FacetName, type Filters, type Hit, type Outcome } from './engine.ts';

export const PAGE_SIZE = 10;

const LABELS: Record<FacetName, { label: string; all: string }> = {
  year: { label: '年度', all: '全部年度' },
  agency: { label: '机构', all: '全部机构' },
  district: { label: '区域', all: '全部区域' },
};

export interface SearchState {
  q: string;
  filters: Filters;
  page: number;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const f of FACETS) {
    const v = params.get(f)?.trim();
    if (v) filters[f] = v;
  }
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  return { q: params.get('q') ?? '', filters, page };
}

export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const f of FACETS) if (state.filters[f]) params.set(f, state.filters[f]!);
  if (state.page > 1) params.set('page', String(state.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

export interface MountOptions {
  /** Where results go (the page's #search-results). */
  root: HTMLElement;
  /** The site's base path, e.g. "/" or "/xxgk/nianbao/". */
  base: string;
  /** The page's search form (field `q`): submitting it searches without reloading the page. */
  form?: HTMLFormElement | null;
  /** Run Pagefind in a web worker (default false: a first search is faster on the page itself). */
  worker?: boolean;
}

export interface SearchView {
  /** Resolves when the current URL's results are shown. */
  ready: Promise<void>;
  show(state: SearchState, push?: boolean): Promise<void>;
}

export function mountSearch(options: MountOptions): SearchView {
  const { root, base, form } = options;
  // The live region is the status line alone: a live region around the results would read them all.
  root.removeAttribute('aria-live');
  const status = el('p', { className: 'search-status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const filtersBox = el('div', { className: 'search-filters' });
  filtersBox.setAttribute('role', 'group');
  filtersBox.setAttribute('aria-label', '筛选结果');
  const list = el('ol', { className: 'search-list' });
  const pager = el('nav', { className: 'search-pager' });
  pager.setAttribute('aria-label', '结果分页');
  pager.hidden = true;
  root.replaceChildren(status, filtersBox, list, pager);

  let engine: Promise<SearchEngine> | null = null;
  const open = () => {
    engine ??= SearchEngine.open(base, { worker: options.worker ?? false });
    engine.catch(() => (engine = null));
    return engine;
  };
  let current = readState(location.search);
  let token = 0;

  const input = form?.querySelector<HTMLInputElement>('input[name="q"]') ?? null;
  if (input) {
    input.value = current.q;
    // Load the engine before the first search, and the index chunks of a query while it is typed.
    input.addEventListener('focus', () => void open().catch(() => {}), { once: true });
    let typing: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => void open().then((e) => e.preload(input.value)).catch(() => {}), 120);
    });
  }

  async function show(state: SearchState, push = false): Promise<void> {
    const mine = ++token;
    current = state;
    const url = `${location.pathname}${stateQuery(state)}`;
    if (push) history.pushState(null, '', url);
    if (input && input.value !== state.q) input.value = state.q;
    const hasFilter = FACETS.some((f) => state.filters[f]);
    if (!state.q.trim() && !hasFilter) {
      status.textContent = '请输入要查找的词语，例如机构名称、年度或“行政复议”。';
      filtersBox.replaceChildren();
      list.replaceChildren();
      renderPager(1, 1, state);
      root.removeAttribute('aria-busy');
      return;
    }
    status.textContent = '正在搜索…';
    root.setAttribute('aria-busy', 'true');
    let outcome: Outcome;
    let items: HTMLLIElement[];
    let page: number;
    let pages: number;
    try {
      const e = await open();
      outcome = await e.search(state.q, state.filters);
      pages = Math.max(1, Math.ceil(outcome.hits.length / PAGE_SIZE));
      page = Math.min(state.page, pages);
      const shown = outcome.hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      items = await Promise.all(shown.map((hit) => resultItem(e, hit, outcome.runs)));
    } catch (error) {
      if (mine !== token) return;
      console.error(error);
      status.textContent = '搜索暂时无法使用，请稍后再试。';
      root.removeAttribute('aria-busy');
      return;
    }
    if (mine !== token) return;

    renderFilters(outcome, state);
    list.replaceChildren(...items);
    // The benchmark (bench/search) times the first result on screen by this mark.
    if (items.length) performance.mark('search:results-shown');
    renderPager(page, pages, state);
    status.textContent = summary(state, outcome.hits.length, page, pages);
    root.removeAttribute('aria-busy');
  }

  function summary(state: SearchState, total: number, page: number, pages: number): string {
    const what = state.q.trim() ? `包含“${state.q.trim()}”的报告` : '报告';
    const narrowed = FACETS.filter((f) => state.filters[f]).map((f) => `${LABELS[f].label}：${state.filters[f]}`);
    const where = narrowed.length ? `（${narrowed.join('，')}）` : '';
    if (total === 0) return `没有找到${what}${where}。请换一个词语，或减少筛选条件。`;
    return `找到 ${total} 篇${what}${where}${pages > 1 ? `，第 ${page}/${pages} 页` : ''}。`;
  }

  function renderFilters(outcome: Outcome, state: SearchState) {
    const boxes = FACETS.map((facet) => {
      const counts = outcome.counts[facet];
      const selected = state.filters[facet] ?? '';
      const values = [...counts.keys()];
      if (selected && !counts.has(selected)) values.push(selected);
      values.sort(facet === 'year' ? (a, b) => b.localeCompare(a) : (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b, 'zh-CN'));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const select = el('select');
      select.name = facet;
      select.id = `search-filter-${facet}`;
      const all = el('option', { text: `${LABELS[facet].all}（${total}）` });
      all.value = '';
      select.append(all);
      for (const v of values) {
        const option = el('option', { text: `${v}（${counts.get(v) ?? 0}）` });
        option.value = v;
        option.selected = v === selected;
        select.append(option);
      }
      select.addEventListener('change', () => {
        const filters = { ...current.filters, [facet]: select.value || undefined };
        if (!select.value) delete filters[facet];
        void show({ q: current.q, filters, page: 1 }, true);
      });
      const label = el('label', { text: LABELS[facet].label });
      label.htmlFor = select.id;
      return el('div', { className: 'search-filter' }, label, select);
    });
    // Keep focus where it was when the filters are drawn again.
    const focused = document.activeElement instanceof HTMLSelectElement && filtersBox.contains(document.activeElement) ? document.activeElement.id : null;
    filtersBox.replaceChildren(...boxes);
    if (focused) document.getElementById(focused)?.focus();
  }

  function renderPager(page: number, pages: number, state: SearchState) {
    pager.replaceChildren();
    pager.hidden = pages <= 1; // no empty navigation landmark
    if (pages <= 1) return;
    const link = (n: number, text: string, rel: string) => {
      const a = el('a', { text });
      a.href = `${location.pathname}${stateQuery({ ...state, page: n })}`;
      a.rel = rel;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        void show({ ...current, page: n }, true).then(() => status.focus());
      });
      return a;
    };
    if (page > 1) pager.append(link(page - 1, '上一页', 'prev'));
    pager.append(el('span', { text: `第 ${page} 页，共 ${pages} 页` }));
    if (page < pages) pager.append(link(page + 1, '下一页', 'next'));
  }

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input?.value ?? '';
    // A new query keeps the filters but starts at page 1.
    void show({ q, filters: current.filters, page: 1 }, true);
  });
  addEventListener('popstate', () => void show(readState(location.search)));
  status.tabIndex = -1;

  const ready = show(current);
  // An empty search page gets the engine ready once the page has loaded.
  if (!current.q && typeof requestIdleCallback === 'function') requestIdleCallback(() => void open().catch(() => {}));
  return { ready, show };
}

async function resultItem(engine: SearchEngine, hit: Hit, runs: readonly string[]): Promise<HTMLLIElement> {
  const block = await engine.block(hit);
  const link = el('a', { text: block.t });
  link.href = `${engine.base}${block.u}`;
  const meta = el('p', { className: 'search-meta', text: [block.a, block.y === null ? null : `${block.y}年`, block.d].filter(Boolean).join(' · ') });
  const { parts } = snippet(block, hit.position < 0 ? block.h : hit.position, runs);
  const text = el('p', { className: 'search-snippet' });
  for (const part of parts) text.append(part.mark ? el('mark', { text: part.text }) : document.createTextNode(part.text));
  return el('li', { className: 'search-result' }, el('h2', {}, link), meta, text);
}
