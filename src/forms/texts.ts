import type { Locale, Text } from './schema';

/** The words of a text in one language, falling back to English. */
export function textIn(text: Text, locale: Locale): string {
  return typeof text === 'string' ? text : (text[locale] ?? text.en);
}
