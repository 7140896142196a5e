// Batching for loading servers and devices; the submissions themselves come from the test fixtures.
export { makeSubmissions } from '../../tests/fixtures/submissions';

/** Splits a list into batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
