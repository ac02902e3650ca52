import { fixtureReport } from '../tests/fixtures/distinct/reports.ts';
import * as L from '../tests/fixtures/distinct/layouts.ts';
import { parseBytes } from '../tests/helpers/parse.ts';
const f = structuredClone(fixtureReport('2021'));
const row = f.tables.requests.find((r) => r.some((c) => c.text.startsWith('（一）予以公开')))!;
row[row.length - 7]!.text = '';
const { report } = await parseBytes('r.txt', L.spaceColumns(f));
console.log(report.requests.granted, report.diagnostics);
