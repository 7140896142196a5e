// Canonical JSON: one text for one content, whatever the key order. Shared by the server
// (content hashes that tell a retry from a conflict) and bundles (their checksum), so it
// imports nothing runtime-specific.
import type { Submission } from '../forms/submission';

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

/**
 * The canonical JSON of a checked submission, written straight from its known shape: the same
 * text as `canonicalJson(submission)` (a test holds them equal) at a fraction of the cost,
 * because only the answers, whose keys a client orders freely, need sorting.
 */
export function canonicalSubmissionJson(s: Submission): string {
  // fromEntries defines own properties, so an answer key such as `__proto__` stays a plain key.
  return canonicalWithAnswers(s, Object.fromEntries(Object.keys(s.answers).sort().map((k) => [k, sortedAnswer(s.answers[k])])));
}

/**
 * One answer ready for canonical text: a repeat's instances get their keys sorted at every depth
 * (copies; fromEntries keeps `__proto__` a plain key); any other answer is returned as it is, so
 * submissions without repeats hash exactly as before.
 */
export function sortedAnswer<T>(value: T): T {
  if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== 'object' || value[0] === null) return value;
  return value.map((instance: Record<string, unknown>) => Object.fromEntries(Object.keys(instance).sort().map((k) => [k, sortedAnswer(instance[k])]))) as T;
}

/** A submission's canonical JSON around `answers`, which must already hold its answers in key order. */
export function canonicalWithAnswers(s: Submission, answers: Readonly<Record<string, unknown>>): string {
  const m = s.meta;
  return JSON.stringify({
    answers,
    // Keys in sorted order; absent (so the hash is as before) for a submission without files.
    attachments: s.attachments?.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size, type: a.type })),
    formId: s.formId,
    formVersion: s.formVersion,
    id: s.id,
    meta: { appVersion: m.appVersion, completedAt: m.completedAt, deviceId: m.deviceId, enumerator: m.enumerator, locale: m.locale, startedAt: m.startedAt },
  });
}
