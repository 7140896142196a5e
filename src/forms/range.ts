// XLSForm's `range` (pyxform's start, end and step parameters): a number from start to end, in
// either order, on the grid of steps from start. Shared by validation, the renderer and the XLSForm
// reader and writer; pure, imports nothing runtime-specific.

/** A range as a question holds it (`Question['range']`). */
export interface RangeSpec {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** pyxform's defaults when a range row leaves a parameter out. */
export const RANGE_DEFAULTS: RangeSpec = { start: 1, end: 10, step: 1 };

/** The smallest and largest values and the step's size (pyxform allows start > end and a negative step). */
export function rangeBounds(range: RangeSpec): { lo: number; hi: number; step: number } {
  return { lo: Math.min(range.start, range.end), hi: Math.max(range.start, range.end), step: Math.abs(range.step) };
}

/** Whether a value is a whole number of steps from the start (with room for binary rounding, as 0.1 + 0.2 is not 0.3). */
export function onRangeGrid(value: number, range: RangeSpec): boolean {
  const steps = (value - range.start) / Math.abs(range.step);
  return Math.abs(steps - Math.round(steps)) <= 1e-9 * Math.max(1, Math.abs(steps));
}

/** Whether every value of the range is a whole number, so the question is an `integer` (pyxform's `int` bind). */
export function isWholeRange(range: RangeSpec): boolean {
  return Number.isInteger(range.start) && Number.isInteger(range.end) && Number.isInteger(range.step);
}

/** What is wrong with a range's parameters (pyxform's rules), or undefined when it is usable. */
export function rangeProblem(range: RangeSpec): string | undefined {
  if (range.step === 0) return 'the range `step` must not be 0';
  // pyxform compares the step as written (a negative step passes); its size is what the grid uses.
  if (range.step > Math.abs(range.end - range.start)) return `the range \`step\` (${range.step}) must not be larger than the distance from \`start\` (${range.start}) to \`end\` (${range.end})`;
  return undefined;
}

/** A decimal number as XLSForm writes it (`1`, `-0.5`, `2.5e3`), or undefined. */
export function parseRangeNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
