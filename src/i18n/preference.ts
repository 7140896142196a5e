// WARNING: part of the first load. Which language to start in, and remembering the user's choice.
import { isLocale, LOCALES, type Locale } from '../forms/locale';
import { getLocaleMirror, getLocale as getStoredLocale, mirrorLocale, setLocale as storeLocale } from '../storage/settings';
import { setLocale } from './index';

/** The user's saved choice, else the first of the browser's languages we have, else English. */
export function preferredLocale(stored: Locale | undefined, browserLanguages: readonly string[]): Locale {
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return LOCALES[0];
}

/** Starts the interface in the preferred language; English if storage or the catalog cannot be read. */
export async function startLocale(): Promise<void> {
  try {
    const mirrored = getLocaleMirror();
    const stored = mirrored === undefined ? await getStoredLocale() : (mirrored ?? undefined);
    if (mirrored === undefined) mirrorLocale(stored);
    await setLocale(preferredLocale(stored, navigator.languages ?? [navigator.language]));
  } catch {
    await setLocale('en');
  }
}

/**
 * The user picked a language: kept in settings, then the whole interface switches at once,
 * with the forms' texts and validation messages loaded first so an open form never blinks.
 */
export async function chooseLocale(locale: Locale): Promise<void> {
  const { loadFormLanguage } = await import('../forms/localize');
  // Forms whose texts cannot load show in English (use-form-language.ts); the interface still switches.
  await Promise.all([storeLocale(locale), loadFormLanguage(locale).catch(() => undefined)]);
  await setLocale(locale);
}
