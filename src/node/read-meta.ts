/**
 * The sidecar NAME.meta.yaml beside a report file, read from disk. Its YAML is read (with front
 * matter) by the platform-neutral ../formats/meta-yaml.ts.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { sidecarName } from '../formats/sidecar-name.ts';
import { fileExists } from './parse-cache.ts';

/**
 * The sidecar's path and text, or undefined when the report has none. Something else by that
 * name (a folder, a link to one or to nothing) is not a missing sidecar: its text is null, and
 * the reader makes the report a problem file that names it, rather than publish the report
 * without the metadata meant for it.
 */
export function readSidecar(path: string): { path: string; text: string | null } | undefined {
  const sidecar = sidecarName(path);
  if (fileExists(sidecar)) return { path: sidecar, text: readFileSync(sidecar, 'utf8') };
  return present(sidecar) ? { path: sidecar, text: null } : undefined;
}

/** Whether anything is at `path`, a link to nothing included. */
function present(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // an unreadable path (ENOTDIR, EACCES …), as fileExists takes it
  }
}
