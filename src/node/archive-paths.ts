/** Where the archive lives: content/reports/ by default, REPORTS_DIR to point elsewhere. */
import { dirname, resolve } from 'node:path';

export function reportsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.REPORTS_DIR ?? 'content/reports');
}

/** The agency registry: AGENCIES_FILE, else agencies.yaml beside the reports folder. */
export function registryFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.AGENCIES_FILE ?? resolve(dirname(reportsDir(env)), 'agencies.yaml'));
}
