/**
 * The sidecar NAME.meta.yaml beside a report file, read from disk. Its YAML is read (with front
 * matter) by the platform-neutral ../formats/meta-yaml.ts.
 */
import { readFileSync } from 'node:fs';
import { sidecarName } from '../formats/sidecar-name.ts';
import { fileExists } from './parse-cache.ts';

/** The sidecar's path and text, or undefined when the report has none. */
export function readSidecar(path: string): { path: string; text: string } | undefined {
  const sidecar = sidecarName(path);
  if (!fileExists(sidecar)) return undefined;
  return { path: sidecar, text: readFileSync(sidecar, 'utf8') };
}
