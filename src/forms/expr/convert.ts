// XPath 1.0 type conversions and comparisons, with JavaRosa's choices where ODK forms rely on them.
import { isNodeSet, type Value } from './ast';
import { temporalToDays } from './dates';

/** JavaRosa treats numbers closer than this as equal, and smaller than this as zero. */
const NUMBER_EPSILON = 1e-12;

/** A single value: a node-set stands for its first item ('' when empty), as XPath's string() does. */
export function unpack(value: Value): string | number | boolean {
  if (!isNodeSet(value)) return value;
  const first = value.items[0];
  return first === undefined ? '' : unpack(first);
}

/** The number a text means: digits with one optional `-` and `.` (or `,`), a date (days since 1970-01-01), else NaN. */
export function stringToNumber(text: string): number {
  const days = temporalToDays(text);
  if (days !== undefined) return days;
  let hasDigit = false;
  let hasComma = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) hasDigit = true;
    else if (c === 44) hasComma = true;
    // '-' and '.' are checked by Number(); spaces only count at the ends, which Number() trims.
    else if (c !== 45 && c !== 46 && c !== 32 && c !== 9 && c !== 10 && c !== 13) return NaN;
  }
  if (!hasDigit) return NaN;
  // Some locales write 1,5 for 1.5; JavaRosa reads the comma as a decimal point, so do we.
  const n = Number(hasComma ? text.replace(',', '.') : text);
  return n;
}

/** XPath number(): booleans are 1 or 0, texts as stringToNumber, node-sets by their first item. */
export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value === '' ? NaN : stringToNumber(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return toNumber(unpack(value));
}

/** XPath boolean(): a non-empty text, a non-zero number, a non-empty node-set. */
export function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return Math.abs(value) > NUMBER_EPSILON;
  return value.items.length > 0;
}

/** XPath string(): integers without a decimal point, never an exponent, NaN and Infinity spelled out. */
export function toText(value: Value): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberToText(value);
  return toText(unpack(value));
}

/** How a number reads as text, as JavaRosa writes it (and XPath 1.0, section 4.2). */
export function numberToText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Math.abs(n) < NUMBER_EPSILON) return '0';
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) < NUMBER_EPSILON) return Math.abs(rounded) < 1e21 ? String(rounded) : BigInt(rounded).toString();
  const text = String(n);
  if (!text.includes('e')) return text;
  // Tiny fractions: JS writes 1e-7; XPath wants 0.0000001.
  return n.toFixed(20).replace(/0+$/, '');
}

function scalarEquals(a: string | number | boolean, b: string | number | boolean): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    const y = toNumber(b);
    // x === y first: Infinity = Infinity, though their difference is NaN.
    return x === y || Math.abs(x - y) < NUMBER_EPSILON;
  }
  return a === b;
}

/**
 * `=` (or `!=` when `negate`): a boolean side compares as booleans, else a number side as numbers
 * (so '' = 0 is false, like JavaRosa's NaN), else as texts. A node-set compares each of its items (XPath 1.0).
 */
export function equals(a: Value, b: Value, negate: boolean): boolean {
  if (isNodeSet(a) || isNodeSet(b)) {
    if (typeof a === 'boolean' || typeof b === 'boolean') return (toBoolean(a) === toBoolean(b)) !== negate;
    const left = isNodeSet(a) ? a.items : [a];
    const right = isNodeSet(b) ? b.items : [b];
    return left.some((x) => right.some((y) => equals(x, y, negate)));
  }
  return scalarEquals(a, b) !== negate;
}

/** `<`, `<=`, `>`, `>=`: always as numbers (XPath 1.0; dates and times count in days). */
export function compare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  if (isNodeSet(a)) return a.items.some((x) => compare(op, x, b));
  if (isNodeSet(b)) return b.items.some((y) => compare(op, a, y));
  const x = toNumber(a);
  const y = toNumber(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

/** Items of a select_multiple answer: its space-separated choice names. */
export function selectedItems(value: Value): string[] {
  const text = toText(value).trim();
  return text === '' ? [] : text.split(/\s+/);
}

/** A stored answer as an expression reads it: unanswered is '', a multi's choice list is space-separated. */
export function answerValue(answer: string | number | boolean | readonly string[] | null | undefined): Value {
  if (answer === undefined || answer === null) return '';
  if (typeof answer === 'object') return answer.join(' ');
  return answer;
}
