/** Test helpers: parse bytes the way the archive does, and compare figures with what is expected. */
import { createHash } from 'node:crypto';
import type { AgencyRegistry } from '../../src/core/model/registry.ts';
import { parseFile, type ParsedFile } from '../../src/formats/report-file.ts';

export function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function parseBytes(name: string, bytes: Uint8Array | string, options: { registry?: AgencyRegistry; sidecar?: { name: string; text: string } } = {}): Promise<ParsedFile> {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return parseFile({ name, bytes: b, sha256: sha(b), ...options });
}

/** Every leaf of `want` that differs in `got`, as "path: expected X, got Y" (empty when all match). */
export function figureDiff(want: unknown, got: unknown, path = ''): string[] {
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') return [`${path}: expected an object, got ${JSON.stringify(got)}`];
    return Object.keys(want).flatMap((k) => figureDiff((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return Object.is(want, got) ? [] : [`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}
