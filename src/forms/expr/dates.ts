// Dates, date-times and times as texts, read as days since 1970-01-01 where XPath wants numbers.

const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** The wall-clock parts of a date or date-time, as written (no time zone applied). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

function millis(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date as whole days since 1970-01-01 (its calendar day, whatever the time zone); a date-time
 * as fractional days since the epoch instant (local time when it has no offset); a time as a
 * fraction of a day. Anything else: undefined. Cheap on texts that are none of these.
 */
export function temporalToDays(text: string): number | undefined {
  const n = text.length;
  if (n === 10 && text.charCodeAt(4) === 45) {
    const m = DATE.exec(text);
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? Date.UTC(y, mo - 1, d) / MS_PER_DAY : undefined;
  }
  if (n >= 16 && text.charCodeAt(10) === 84) {
    const ms = dateTimeToEpochMs(text);
    return ms === undefined ? undefined : ms / MS_PER_DAY;
  }
  if (n >= 5 && n <= 24 && text.charCodeAt(2) === 58) {
    const m = TIME.exec(text);
    if (!m) return undefined;
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
    if (h > 23 || mi > 59 || s > 59) return undefined;
    return (h * 3_600_000 + mi * 60_000 + s * 1000 + millis(m[4])) / MS_PER_DAY;
  }
  return undefined;
}

/** The instant a date-time text names, in ms since the epoch, or undefined. */
export function dateTimeToEpochMs(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = Number(m[6] ?? '0');
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = millis(m[7]);
  if (m[8] === undefined) return new Date(y, mo - 1, d, h, mi, s, ms).getTime();
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes(m[8]) * 60_000;
}

/** The wall-clock parts of a date or date-time text, as written; undefined if it is neither. */
export function textToParts(text: string): DateParts | undefined {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDay(year, month, day) ? { year, month, day, hour: 0, minute: 0, second: 0, ms: 0 } : undefined;
  }
  const m = DATE_TIME.exec(text);
  if (!m || dateTimeToEpochMs(text) === undefined) return undefined;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? '0'),
    ms: millis(m[7]),
  };
}

/** The parts of a day count since 1970-01-01 (a fraction is a time of day, in UTC). */
export function daysToParts(days: number): DateParts | undefined {
  if (!Number.isFinite(days) || Math.abs(days) > 1e8) return undefined;
  const d = new Date(Math.round(days * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of these parts. */
export function partsToDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** today(): the local calendar day of this instant, 'YYYY-MM-DD'. */
export function localDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** now(): this instant in local time with its offset, 'YYYY-MM-DDThh:mm:ss.sss+hh:mm' as ODK writes it. */
export function localDateTime(now: Date): string {
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}`;
  return `${localDate(now)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** format-date(): ODK's %Y %y %m %n %b %d %e %a %H %h %M %S %3; any other character is kept. */
export function formatParts(p: DateParts, format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format.charAt(i);
    if (c !== '%' || i === format.length - 1) {
      out += c;
      continue;
    }
    const f = format.charAt(++i);
    switch (f) {
      case 'Y': out += pad(p.year, 4); break;
      case 'y': out += pad(p.year % 100); break;
      case 'm': out += pad(p.month); break;
      case 'n': out += String(p.month); break;
      case 'b': out += MONTHS[p.month - 1] ?? ''; break;
      case 'd': out += pad(p.day); break;
      case 'e': out += String(p.day); break;
      case 'a': out += WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] ?? ''; break;
      case 'H': out += pad(p.hour); break;
      case 'h': out += String(p.hour); break;
      case 'M': out += pad(p.minute); break;
      case 'S': out += pad(p.second); break;
      case '3': out += pad(p.ms, 3); break;
      default: out += `%${f}`;
    }
  }
  return out;
}
