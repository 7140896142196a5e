// Date and clock functions: dates are 'YYYY-MM-DD' texts, and days since 1970-01-01 as numbers.
import type { Value } from './ast';
import { toNumber, toText, unpack } from './convert';
import { dateTimeToEpochMs, daysToParts, formatParts, localDate, localDateTime, partsToDate, temporalToDays, textToParts, type DateParts } from './dates';
import type { FunctionSpec } from './functions';

const MS_PER_DAY = 86_400_000;
const ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The parts of a date given as a date text, a date-time text, or a number of days; undefined otherwise. */
export function valueToParts(value: Value): DateParts | undefined {
  const v = unpack(value);
  if (typeof v === 'number') return daysToParts(v);
  if (typeof v === 'string') return textToParts(v.trim());
  return undefined;
}

/** date(): a date text 'YYYY-MM-DD' from a date, a date-time or a day count; '' when it is none of these. */
export function toDateText(value: Value): string {
  const v = unpack(value);
  const parts = typeof v === 'number' ? daysToParts(Math.floor(v)) : valueToParts(v);
  return parts ? partsToDate(parts) : '';
}

function randomUuid(): string {
  // crypto.randomUUID exists in browsers, workers and Node 19+; typed loosely because this module knows no runtime.
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = Math.floor(Math.random() * 16);
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

function randomText(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC.charAt(Math.floor(Math.random() * ALPHANUMERIC.length));
  return out;
}

/** date-time(): a date-time text from a day count (local time, like now()), a date (its local midnight) or a date-time (kept); '' otherwise. */
export function toDateTimeText(value: Value): string {
  const v = unpack(value);
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) <= 1e8 ? localDateTime(new Date(Math.round(v * MS_PER_DAY))) : '';
  if (typeof v !== 'string') return '';
  const text = v.trim();
  const parts = textToParts(text);
  if (!parts) return '';
  if (text.includes('T')) return text;
  return localDateTime(new Date(parts.year, parts.month - 1, parts.day));
}

/** decimal-time(): a time (or a date-time's time of day) as a fraction of a day, read as written; NaN otherwise. */
function decimalTime(value: Value): number {
  const v = unpack(value);
  if (typeof v !== 'string') return NaN;
  const text = v.trim();
  const parts = text.includes('T') ? textToParts(text) : undefined;
  if (parts) return (parts.hour * 3_600_000 + parts.minute * 60_000 + parts.second * 1000 + parts.ms) / MS_PER_DAY;
  const days = /^\d\d:/.test(text) ? temporalToDays(text) : undefined;
  return days ?? NaN;
}

const formatDate: FunctionSpec = {
  min: 2,
  max: 2,
  call: (a, c, ev) => {
    const parts = valueToParts(ev(a[0]!, c));
    return parts ? formatParts(parts, toText(ev(a[1]!, c))) : '';
  },
};

/** today(), now(), date(), date-time(), format-date(), decimal-date-time(), decimal-time(), uuid(). */
export const DATE_FUNCTIONS: Record<string, FunctionSpec> = {
  today: { min: 0, max: 0, volatile: true, call: (_a, c) => localDate(c.now()) },
  now: { min: 0, max: 0, volatile: true, call: (_a, c) => localDateTime(c.now()) },
  date: { min: 1, max: 1, call: (a, c, ev) => toDateText(ev(a[0]!, c)) },
  'date-time': { min: 1, max: 1, call: (a, c, ev) => toDateTimeText(ev(a[0]!, c)) },
  'decimal-time': { min: 1, max: 1, call: (a, c, ev) => decimalTime(ev(a[0]!, c)) },
  'format-date': formatDate,
  'format-date-time': formatDate,
  'decimal-date-time': {
    min: 1,
    max: 1,
    call: (a, c, ev) => {
      const v = unpack(ev(a[0]!, c));
      if (typeof v !== 'string') return toNumber(v);
      const ms = dateTimeToEpochMs(v.trim());
      if (ms !== undefined) return ms / MS_PER_DAY;
      return temporalToDays(v.trim()) ?? NaN;
    },
  },
  uuid: {
    min: 0,
    max: 1,
    volatile: true,
    call: (a, c, ev) => {
      if (a.length === 0) return c.uuid ? c.uuid() : randomUuid();
      const n = Math.trunc(toNumber(ev(a[0]!, c)));
      return n > 0 && n <= 1024 ? randomText(n) : '';
    },
  },
};
