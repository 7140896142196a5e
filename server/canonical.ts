// The content hash that tells a retry (same content) from a conflict (same id, other content).
import { createHash } from 'node:crypto';

// Shared with the app, whose bundles are checksummed over the same canonical text.
export { canonicalJson } from '../src/export/canonical-json';

/** Hex sha256 of a text, as stored beside each submission. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
