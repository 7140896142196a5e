// Canonical JSON: one text for one content, whatever the key order. Shared by the server
// (content hashes that tell a retry from a conflict) and bundles (their checksum), so it
// imports nothing runtime-specific.

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
