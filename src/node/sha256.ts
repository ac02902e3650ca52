/** The hex SHA-256 of some bytes: what the archive's files are known by (kept apart from the parser, which its importers need not load). */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What a symbolic link that leads to no file counts as: where it points. The build's digests of
 * the archive (./archive-digests.ts) and the archive read's cache keys for a sidecar
 * (./read-archive.ts) take such a link so.
 */
export function linkDigest(target: string): string {
  return sha256(Buffer.from(`link\u0000${target}`));
}
