/**
 * Puts a partial build (a staging folder) into the output folder: every file of the output goes
 * except the pages kept from the previous build (reports, agencies and years not rendered this
 * time and still in the archive), then every file of staging moves in. Pages of removed reports,
 * of bodies and years that no longer have a report, the other listings and the data files are
 * thereby all replaced or removed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pageOfOutput, type PagesRecord } from '../../loader/page-digests.ts';
import { filesUnder } from '../files-under.ts';

function removeEmptyDirs(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeEmptyDirs(join(dir, e.name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

export function overlayOutput(outDir: string, staging: string, record: PagesRecord): void {
  const rendered = record.render ? new Set(record.render) : null;
  const kept = (id: string | null) => id !== null && rendered !== null && id in record.pages && !rendered.has(id);
  for (const f of filesUnder(outDir)) if (!kept(pageOfOutput(f))) rmSync(join(outDir, f));
  for (const f of filesUnder(staging)) {
    mkdirSync(dirname(join(outDir, f)), { recursive: true });
    renameSync(join(staging, f), join(outDir, f));
  }
  rmSync(staging, { recursive: true, force: true });
  if (existsSync(outDir)) removeEmptyDirs(outDir);
  mkdirSync(outDir, { recursive: true });
}
