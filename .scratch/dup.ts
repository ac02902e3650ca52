import { fixtureReport, gridNumbers } from '../tests/fixtures/distinct/reports.ts';
for (const t of ['2021','2019'] as const) { const f = fixtureReport(t);
const n = [f.tables.proactive, f.tables.requests, f.tables.appeals].flatMap(gridNumbers);
const seen = new Map<number, number>(); for (const x of n) seen.set(x, (seen.get(x) ?? 0) + 1);
console.log(t, [...seen].filter(([, c]) => c > 1)); }
