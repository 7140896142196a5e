// The content hash that tells a retry (same content) from a conflict (same id, other content).
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so equal content gives equal text
 * whatever order a client wrote its keys in. Built as text, never as objects, so a key
 * such as `__proto__` cannot reach a prototype.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot write ${typeof value} as JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** Hex sha256 of a text, as stored beside each submission. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
