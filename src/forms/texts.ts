import type { Text } from './schema';

/**
 * The words of a text in one language: that language, else the fallback (the form's default
 * language), else English, else the first language the text has ('' for no text).
 */
export function textIn(text: Text | undefined, language: string, fallback?: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? (fallback === undefined ? undefined : text[fallback]) ?? text['en'] ?? Object.values(text)[0] ?? '';
}
