// A row's translatable cells (label, hint, messages) as one form text: a plain string for a form
// in one language, else one entry per language the row fills.
import type { Text } from '../schema';
import { languageKey } from './languages';
import type { Row, Sheet } from './sheets';

/** How the form's languages were decided. */
export interface LanguagePlan {
  /** False when no column names a language: texts stay plain strings. */
  readonly multilingual: boolean;
  /** The key of a column without a language (`label`): the default language, or `default`. */
  readonly unnamed: string;
  /** Every language key of the form, in order. */
  readonly keys: readonly string[];
}

/** Every language key named by translatable columns of these sheets, in order of appearance. */
export function languagesOf(sheets: readonly Sheet[]): string[] {
  const keys: string[] = [];
  for (const sheet of sheets) for (const c of sheet.columns) if (c.language !== undefined && !keys.includes(languageKey(c.language))) keys.push(languageKey(c.language));
  return keys;
}

/** The text of one translatable column in a row, or undefined when every language is blank. */
export function rowText(sheet: Sheet, row: Row, key: string, plan: LanguagePlan): Text | undefined {
  const byLanguage: Record<string, string> = {};
  for (const c of sheet.columns) {
    if (c.key !== key) continue;
    const value = row.cells[c.index] ?? '';
    if (value === '') continue;
    const language = c.language === undefined ? plan.unnamed : languageKey(c.language);
    byLanguage[language] ??= value;
  }
  const entries = Object.entries(byLanguage);
  if (entries.length === 0) return undefined;
  return plan.multilingual ? byLanguage : entries[0]![1];
}
