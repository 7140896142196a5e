// The built-in forms in the language in use: the English definitions joined to that language's
// pack, and validation messages in the same language. Each language loads on first use, as its
// own chunks; app and server share this (nothing DOM- or Node-specific).
import { isBuiltIn } from './index';
import type { Locale } from './locale';
import { ENGLISH_MESSAGES, type ValidationMessages } from './messages';
import type { Form } from './schema';
import { loadFormTranslations, translateForm } from './translations/apply';
import type { TranslatedLocale } from './translations/types';

/** What a form needs to speak one language: its texts and its validation messages. */
export interface FormLanguage {
  locale: Locale;
  messages: ValidationMessages;
  /** The form with this language's texts added; the same object for the same form every time. */
  translate: (form: Form) => Form;
}

const ENGLISH: FormLanguage = { locale: 'en', messages: ENGLISH_MESSAGES, translate: (form) => form };

const ready = new Map<Locale, FormLanguage>([['en', ENGLISH]]);
const loading = new Map<TranslatedLocale, Promise<FormLanguage>>();

async function loadMessages(locale: TranslatedLocale): Promise<ValidationMessages> {
  switch (locale) {
    case 'fr':
      return (await import('./translations/messages-fr')).FRENCH_MESSAGES;
    case 'es':
      return (await import('./translations/messages-es')).SPANISH_MESSAGES;
  }
}

async function load(locale: TranslatedLocale): Promise<FormLanguage> {
  const [pack, messages] = await Promise.all([loadFormTranslations(locale), loadMessages(locale)]);
  // Screens re-render often: each form is translated once per language, then reused.
  const translated = new WeakMap<Form, Form>();
  const translate = (form: Form) => {
    let found = translated.get(form);
    // Published forms carry their own languages; the packs hold the built-in forms' words only.
    if (!found) translated.set(form, (found = isBuiltIn(form) ? translateForm(form, locale, pack) : form));
    return found;
  };
  const language: FormLanguage = { locale, messages, translate };
  ready.set(locale, language);
  return language;
}

/** The language's forms and messages if already loaded (English always is), else undefined. */
export function formLanguageNow(locale: Locale): FormLanguage | undefined {
  return ready.get(locale);
}

/** The language's forms and messages, loaded on first use. A failed load is tried again next time. */
export function loadFormLanguage(locale: Locale): Promise<FormLanguage> {
  const found = ready.get(locale);
  if (found) return Promise.resolve(found);
  const l = locale as TranslatedLocale;
  let pending = loading.get(l);
  if (!pending) {
    pending = load(l).finally(() => loading.delete(l));
    loading.set(l, pending);
  }
  return pending;
}

/** One form with the texts of `locale` (for labelled CSV in a language other than the screen's). */
export async function formIn(form: Form, locale: Locale): Promise<Form> {
  return (await loadFormLanguage(locale)).translate(form);
}
