/**
 * A partial build's early joins (./early-joins.ts): the changed and new reports are read from the
 * parse cache and stored as the loader stores them; every other report comes from the last build's
 * downloads. Only for a few changed reports: more, and reading them again costs more than waiting
 * for Astro's recipes saves.
 */
import type { ArchiveSnapshot } from '../../loader/archive-snapshot.ts';
import type { reportReader } from '../../loader/archive-snapshot.ts';
import { inIdOrder } from '../../loader/report-index.ts';
import { storedBytes, storedReport } from '../../loader/stored-report.ts';
import type { Report } from '../../core/model/report.ts';
import { ARCHIVE_DOWNLOADS } from '../../site/data/archive-downloads.ts';
import { earlyJoins, readJoinLayouts, type EarlyJoin } from './early-joins.ts';

/** At most this many changed or new reports. */
export const MAX_FRESH = 64;

export interface PartialBuildJoins {
  /** The layouts kept by the last build (./early-joins.ts) and the fingerprint of the output it left. */
  layoutsFile: string;
  output: string;
  outDir: string;
  reports: ArchiveSnapshot<Report | null>['reports'];
  /** Whether a report's page changed since the last build (its page digest). */
  changed: (pageId: string) => boolean;
  /** Reads a whole report (every check) from the parse cache, as the loader does. */
  read: ReturnType<typeof reportReader>;
  freshFile: string;
}

/** The early joins, or null when there are none to make (see earlyJoins, and MAX_FRESH). */
export async function partialBuildJoins(o: PartialBuildJoins): Promise<EarlyJoin[] | null> {
  const layouts = readJoinLayouts(o.layoutsFile, o.output);
  if (!layouts || layouts.length === 0) return null;
  // A report the last downloads do not hold is fresh too.
  const held = layouts.map((layout) => new Set(layout.ids ?? []));
  const pages = inIdOrder(o.reports.map((page) => ({ id: page.pageId, page })));
  const fresh = pages.filter(({ id }) => o.changed(id) || held.some((ids) => !ids.has(id)));
  if (fresh.length > MAX_FRESH) return null;
  const bytes = new Map(ARCHIVE_DOWNLOADS.map((d) => [d.joint.out, new Map<string, Uint8Array>()]));
  for (const { id, page } of fresh) {
    const { report } = await o.read({ pageId: id, file: page.entry.file, path: page.entry.path, sha256: page.entry.sha256 });
    const stored = storedBytes(storedReport(report, page.entry.file));
    for (const d of ARCHIVE_DOWNLOADS) bytes.get(d.joint.out)!.set(id, stored[d.kind]);
  }
  return earlyJoins(layouts, o.outDir, pages.map(({ id }) => id), bytes, o.freshFile);
}
