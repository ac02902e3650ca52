/** The search page's script: `mountSearch({ root, base, form })` (see ./ui.ts). */
export { mountSearch, readState, stateQuery, PAGE_SIZE, type MountOptions, type SearchState, type SearchView } from './ui.ts';
export { SearchEngine, type Filters, type Hit, type Outcome } from './engine.ts';
