/**
 * Fragment ids of table cells and checks. Kept apart from urls.ts (which reads the build's
 * settings) so the validator page's browser code can use them too.
 */

/** The fragment id of a table cell from its dotted path: requests.granted.total -> cell-requests-granted-total. */
export function cellAnchor(path: string): string {
  return `cell-${path.replaceAll('.', '-')}`;
}

/** The fragment id of a check: requests.balance.total -> check-requests-balance-total. */
export function checkAnchor(id: string): string {
  return `check-${id.replaceAll('.', '-')}`;
}
