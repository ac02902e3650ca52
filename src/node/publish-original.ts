/**
 * The original report file, byte for byte, next to its page in the built site. The target path
 * comes from the report's id only (../core/export/paths.ts) and is checked to stay inside dist/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { reportPaths, UnsafePathError } from '../core/export/paths.ts';
import type { Report } from '../core/model/report.ts';

/** Copies `sourcePath` to the report's original path under `distDir`; returns the path written. */
export function publishOriginal(report: Pick<Report, 'id' | 'source'>, sourcePath: string, distDir: string): string {
  const root = resolve(distDir);
  const target = resolve(root, reportPaths(report).original);
  if (!target.startsWith(root + sep)) throw new UnsafePathError(`${target} 不在 ${root} 之内`);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(sourcePath, target);
  return target;
}
