/**
 * Page ids for the files of one archive: a report's own id, unless an earlier file (in name order)
 * already took it; then the later one gets its id plus the first digits of its sha256, so both
 * files keep a page. The duplicate itself is reported as an error by archiveProblems().
 */
export interface PageIdInput {
  file: string;
  id: string;
  sha256: string;
}

/** Map file -> page id, in the order given (callers pass files sorted by name). */
export function assignPageIds(items: PageIdInput[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const item of items) {
    let id = item.id;
    if (taken.has(id)) {
      const base = `${item.id}-${item.sha256.slice(0, 8)}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    }
    taken.add(id);
    out.set(item.file, id);
  }
  return out;
}
