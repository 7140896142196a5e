import type { Locale } from '../forms/locale';

/** Each language by its own name, as its speakers look for it whatever the interface shows. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', es: 'Español' };
