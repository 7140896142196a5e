// The built-in forms in every language at once, for the server's GET /api/v1/forms.
// The app itself should load only the pack of the language in use (translations/apply.ts).
import { FORMS } from './index';
import type { Form } from './schema';
import { loadFormTranslations, translateForm } from './translations/apply';

/** Every built-in form with each text as {en, fr, es}, in home-screen order. */
export async function allLanguageForms(): Promise<Form[]> {
  const [fr, es] = await Promise.all([loadFormTranslations('fr'), loadFormTranslations('es')]);
  return FORMS.map((form) => translateForm(translateForm(form, 'fr', fr), 'es', es));
}
