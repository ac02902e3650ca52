/**
 * Every arithmetic identity of report-model.md, evaluated on the tables read from one report.
 * Each identity lives in its own module; this one only runs them in a fixed order.
 */
import type { CheckResult } from '../model/report.ts';
import { REQUESTS_2019, REQUESTS_2021 } from '../tables/definitions.ts';
import type { CellLookup, LineLookup } from './arithmetic.ts';
import { APPEALS_TOTALS } from './appeals-total.ts';
import { evaluate, type Identity } from './identity.ts';
import { REQUESTS_BALANCE } from './requests-balance.ts';
import { requestsHandledTotal } from './requests-handled-total.ts';
import { requestsRowTotals } from './requests-row-total.ts';
import { textRequestsReceived, type NumberedText } from './text-requests.ts';

export interface CheckInput {
  template: '2021' | '2019';
  /** Cell values by dotted path (requests.*, appeals.*). */
  cell: CellLookup;
  line: LineLookup;
  /** Prose lines of the chapters, for the text check. */
  prose: NumberedText[];
  /** Whether 表三 was found at all (the text check needs it). */
  requestsFound: boolean;
}

const IDENTITIES = new Map<string, readonly Identity[]>();

/** The arithmetic identities that apply to a template, in the order they are listed. */
export function identitiesFor(template: '2021' | '2019'): readonly Identity[] {
  let list = IDENTITIES.get(template);
  if (!list) {
    const rows = template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
    list = [...REQUESTS_BALANCE, ...requestsRowTotals(rows), ...requestsHandledTotal(rows), ...APPEALS_TOTALS];
    IDENTITIES.set(template, list);
  }
  return list;
}

export function runChecks(input: CheckInput): CheckResult[] {
  return [
    ...evaluate(identitiesFor(input.template), input.cell, input.line),
    ...(input.requestsFound ? textRequestsReceived(input.prose, input.cell, input.line) : []),
  ];
}
