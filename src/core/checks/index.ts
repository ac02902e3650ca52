/**
 * Every arithmetic identity of report-model.md, evaluated on the tables read from one report.
 * Each identity lives in its own module; this one only runs them in a fixed order.
 */
import type { CheckResult } from '../model/report.ts';
import { REQUESTS_2019, REQUESTS_2021 } from '../tables/definitions.ts';
import type { CellLookup, LineLookup } from './arithmetic.ts';
import { appealsTotals } from './appeals-total.ts';
import { requestsBalance } from './requests-balance.ts';
import { requestsHandledTotal } from './requests-handled-total.ts';
import { requestsRowTotals } from './requests-row-total.ts';
import { textRequestsReceived, type NumberedText } from './text-requests.ts';

export interface CheckInput {
  template: '2021' | '2019';
  cell: CellLookup;
  line: LineLookup;
  /** Prose lines of the chapters, for the text check. */
  prose: NumberedText[];
  /** Whether 表三 was found at all (the text check needs it). */
  requestsFound: boolean;
}

export function runChecks(input: CheckInput): CheckResult[] {
  const rows = input.template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
  return [
    ...requestsBalance(input.cell, input.line),
    ...requestsRowTotals(rows, input.cell, input.line),
    ...requestsHandledTotal(rows, input.cell, input.line),
    ...appealsTotals(input.cell, input.line),
    ...(input.requestsFound ? textRequestsReceived(input.prose, input.cell, input.line) : []),
  ];
}
