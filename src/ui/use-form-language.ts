import { useEffect, useRef, useState } from 'preact/hooks';
import { findForm } from '../forms';
import { formLanguageNow, loadFormLanguage, type FormLanguage } from '../forms/localize';
import type { Form } from '../forms/schema';
import { useLocale } from '../i18n';

/**
 * The forms' texts and validation messages in the language in use, loaded on first need;
 * undefined only while the very first one loads. A language that cannot load leaves English.
 */
export function useFormLanguage(): FormLanguage | undefined {
  const locale = useLocale();
  const [failed, setFailed] = useState<string | undefined>();
  const [, setLoads] = useState(0);
  const shown = useRef<FormLanguage | undefined>(undefined);
  const now = formLanguageNow(failed === locale ? 'en' : locale);
  useEffect(() => {
    if (now) return;
    let live = true;
    loadFormLanguage(locale).then(
      () => live && setLoads((n) => n + 1),
      () => live && setFailed(locale),
    );
    return () => {
      live = false;
    };
  }, [locale, now]);
  // While another language loads, the one on screen stays: an open form is never torn down.
  if (now) shown.current = now;
  return shown.current;
}

/**
 * A form (its latest version, or `version`) in the language in use; undefined while it loads,
 * null when the device has no such form.
 */
export function useForm(formId: string | undefined, version?: number): Form | null | undefined {
  const language = useFormLanguage();
  const [loaded, setLoaded] = useState<{ key: string; form: Form | null } | undefined>();
  const key = `${formId}@${version}`;
  // Built-in forms are at hand; a published one is read from the device's stored definitions.
  const known = formId === undefined ? undefined : version !== undefined ? findForm(formId, version) : undefined;
  useEffect(() => {
    if (formId === undefined || known) return;
    let live = true;
    void import('../storage/catalog')
      .then((m) => m.loadForm(formId, version))
      .then(
        (form) => live && setLoaded({ key, form: form ?? null }),
        () => live && setLoaded({ key, form: null }),
      );
    return () => {
      live = false;
    };
  }, [key, known]);
  if (formId === undefined) return null;
  const form = known ?? (loaded?.key === key ? loaded.form : undefined);
  if (!form) return form;
  return language && language.translate(form);
}
