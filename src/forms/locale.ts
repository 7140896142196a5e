// WARNING: part of the first load (settings read the locale): keep it to the list of languages,
// with no zod, which the home screen does not otherwise need.

/** Languages a text may be given in; English is always present. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Whether a stored or browser-given value names one of our languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
