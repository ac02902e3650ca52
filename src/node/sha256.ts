/** The hex SHA-256 of some bytes: what the archive's files are known by (kept apart from the parser, which its importers need not load). */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
