// WARNING: part of the first load. The interface language: which one is in use, its words, and
// numbers and dates in its style. English needs no catalog (the English text is the key), so an
// English visit downloads nothing more; French or Spanish words come as their own chunk. No zod.
import { useEffect, useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../forms/locale';

export { LOCALES, type Locale };

/** A plural message in one language, by Intl.PluralRules category; `other` is always given. */
export type PluralWords = Readonly<{ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>>;

/** One language's words for every interface text, keyed by the English text (a plural by its singular). */
export type Catalog = Readonly<Record<string, string | PluralWords>>;

/** Values put into a text's `{name}` slots; numbers are written in the language's style. */
export type Vars = Readonly<Record<string, string | number>>;

const CATALOGS: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  fr: () => import('./fr').then((m) => m.fr),
  es: () => import('./es').then((m) => m.es),
};

let current: Locale = 'en';
let words: Catalog = {};
let switches = 0;
const listeners = new Set<(locale: Locale) => void>();

/** The language in use. */
export const getLocale = (): Locale => current;

/**
 * Switches the interface to `locale` once its words are loaded, sets <html lang>, and re-renders
 * every component that uses `useLocale`. Does not remember the choice (see preference.ts).
 */
export async function setLocale(locale: Locale): Promise<void> {
  const ticket = ++switches;
  const next = locale === 'en' ? {} : await CATALOGS[locale]();
  // A later switch that finished first wins: never land on a language the user has left.
  if (ticket !== switches) return;
  current = locale;
  words = next;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

/** The language in use, re-rendering the calling component whenever it changes. */
export function useLocale(): Locale {
  const [seen, setSeen] = useState(current);
  useEffect(() => {
    listeners.add(setSeen);
    // A switch between this render and the subscription would otherwise go unseen.
    if (seen !== current) setSeen(current);
    return () => void listeners.delete(setSeen);
  }, []);
  return current;
}

/** The text in the current language, `{name}` slots filled from `vars`. Pass a string literal only. */
export function t(english: string, vars?: Vars): string {
  const found = words[english];
  return fill(typeof found === 'string' ? found : english, vars);
}

/** The singular or plural text for `count` (as `{n}`) in the current language. Pass string literals only. */
export function tn(count: number, one: string, other: string, vars?: Vars): string {
  const found = words[one];
  const category = rules(current).select(count);
  const chosen = typeof found === 'object' ? (found[category] ?? found.other) : category === 'one' ? one : other;
  return fill(chosen, { n: count, ...vars });
}

function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = vars[name];
    return value === undefined ? slot : typeof value === 'number' ? formatNumber(value) : value;
  });
}

// Formatters are costly to build and are asked for on every row of a table: one per style.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function rules(locale: Locale): Intl.PluralRules {
  let found = pluralRules.get(locale);
  if (!found) pluralRules.set(locale, (found = new Intl.PluralRules(locale)));
  return found;
}

/** The browser's own variant of the language in use (en-GB, fr-CA) where it has one, for dates and numbers. */
function formatTag(): string {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return tags.find((tag) => tag.toLowerCase().split('-')[0] === current) ?? current;
}

/** A number as the current language writes it ("1,234.5", "1 234,5", "1234,5"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  // A page's first Intl.NumberFormat costs 30-70 ms to build (ICU data), on the first screen's
  // critical path. Every variant of English, French and Spanish writes a whole number under
  // 1000 as plain digits, and home's counts mostly are such numbers.
  if (!options && isPlainDigits(n)) return String(n);
  const tag = formatTag();
  const key = `${tag}|${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format.format(n);
}

/** Whole numbers that every variant of our languages writes as plain digits. */
export const isPlainDigits = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < 1000;

/** A date or time as the current language writes it. */
export function formatDate(value: string | number | Date, options: Intl.DateTimeFormatOptions): string {
  const tag = formatTag();
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format.format(value instanceof Date ? value : new Date(value));
}
