/**
 * Writes a generated corpus to a folder: the report files under DIR/reports (the folder a build
 * reads as REPORTS_DIR) and DIR/manifest.json beside them, outside the archive.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateReports, manifestHeader, type ManifestEntry } from './corpus.ts';

export interface CorpusSummary {
  count: number;
  bytes: number;
  proseBytes: number;
  agencies: number;
  broken: number;
  /** Reports with a carry-over slip (the archive's carry-over warnings). */
  carryOverSlips: number;
  layouts: Record<string, number>;
  encodings: Record<string, number>;
}

export async function writeCorpus(dir: string, count: number, seed: string | number): Promise<CorpusSummary> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const reports: ManifestEntry[] = [];
  const summary: CorpusSummary = { count: 0, bytes: 0, proseBytes: 0, agencies: 0, broken: 0, carryOverSlips: 0, layouts: {}, encodings: {} };
  const bodies = new Set<string>();
  for await (const { entry, bytes } of generateReports(count, seed)) {
    const file = join(dir, 'reports', entry.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    reports.push(entry);
    summary.count++;
    summary.bytes += bytes.length;
    summary.proseBytes += entry.proseBytes;
    if (entry.broken) summary.broken++;
    if (entry.carryOverSlip) summary.carryOverSlips++;
    bodies.add(entry.agency);
    summary.layouts[entry.layoutVariant] = (summary.layouts[entry.layoutVariant] ?? 0) + 1;
    summary.encodings[entry.encoding] = (summary.encodings[entry.encoding] ?? 0) + 1;
  }
  summary.agencies = bodies.size;
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ ...manifestHeader(count, seed), reports })}\n`);
  return summary;
}
