/** The distinct-value fixture reports (every cell a different non-zero number), parsed. */
import type { Report } from '../../src/core/model/report.ts';
import { tabRows } from '../fixtures/distinct/layouts.ts';
import { fixtureReport, type FixtureReport } from '../fixtures/distinct/reports.ts';
import { parseText } from './parse-text.ts';

export function distinctReport(template: '2021' | '2019'): { report: Report; fixture: FixtureReport } {
  const fixture = fixtureReport(template);
  return { report: parseText(tabRows(fixture), `distinct-${template}.txt`), fixture };
}
