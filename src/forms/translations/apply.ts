// Joining a language pack to the English definitions. The packs are imported only
// dynamically here, so the bundler gives each language its own chunk: someone who works in
// English never downloads French or Spanish.
import type { Form, Question, Text } from '../schema';
import type { FormsTranslation, QuestionTranslation, TranslatedLocale } from './types';

/** The text with its words in `locale` added (or replaced), every other language kept. */
function withTranslation(text: Text, locale: TranslatedLocale, words: string | undefined): Text;
function withTranslation(text: Text | undefined, locale: TranslatedLocale, words: string | undefined): Text | undefined;
function withTranslation(text: Text | undefined, locale: TranslatedLocale, words: string | undefined): Text | undefined {
  if (words === undefined || words === '' || text === undefined) return text;
  const base = typeof text === 'string' ? { en: text } : text;
  return { ...base, [locale]: words };
}

function translateQuestion(q: Question, locale: TranslatedLocale, t: QuestionTranslation | undefined): Question {
  const out: Question = { ...q, label: withTranslation(q.label, locale, t?.label) };
  if (q.hint !== undefined) out.hint = withTranslation(q.hint, locale, t?.hint);
  if (q.options !== undefined) {
    out.options = q.options.map((o) => ({ ...o, label: withTranslation(o.label, locale, t?.options?.[o.id]) }));
  }
  return out;
}

/** A copy of the form whose texts also carry `locale`'s words; a text the pack lacks stays as it was. */
export function translateForm(form: Form, locale: TranslatedLocale, pack: FormsTranslation): Form {
  const t = pack[form.id];
  return {
    ...form,
    title: withTranslation(form.title, locale, t?.title),
    sections: form.sections.map((s) => ({
      ...s,
      title: withTranslation(s.title, locale, t?.sections[s.id]),
      questions: s.questions.map((q) => translateQuestion(q, locale, t?.questions[q.id])),
    })),
  };
}

/**
 * Where the pack and the form disagree: the path of every text the pack does not translate
 * (`form-id/questions/question_id/hint`), then every pack entry that matches no text,
 * marked `(stale)` — usually an id renamed or removed in the English definition.
 */
export function missingTranslations(form: Form, pack: FormsTranslation): string[] {
  const t = pack[form.id];
  const at = (...parts: string[]) => [form.id, ...parts].join('/');
  const missing: string[] = [];
  const need = (path: string, words: string | undefined) => {
    if (words === undefined || words.trim() === '') missing.push(path);
  };

  need(at('title'), t?.title);
  for (const s of form.sections) {
    need(at('sections', s.id), t?.sections[s.id]);
    for (const q of s.questions) {
      const qt = t?.questions[q.id];
      need(at('questions', q.id, 'label'), qt?.label);
      if (q.hint !== undefined) need(at('questions', q.id, 'hint'), qt?.hint);
      for (const o of q.options ?? []) need(at('questions', q.id, 'options', o.id), qt?.options?.[o.id]);
    }
  }
  if (!t) return missing;

  const stale: string[] = [];
  const sectionIds = new Set(form.sections.map((s) => s.id));
  for (const id of Object.keys(t.sections)) if (!sectionIds.has(id)) stale.push(at('sections', id));
  const questions = new Map(form.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  for (const [id, qt] of Object.entries(t.questions)) {
    const q = questions.get(id);
    if (!q) {
      stale.push(at('questions', id));
      continue;
    }
    if (qt.hint !== undefined && q.hint === undefined) stale.push(at('questions', id, 'hint'));
    const optionIds = new Set((q.options ?? []).map((o) => o.id));
    for (const optionId of Object.keys(qt.options ?? {})) {
      if (!optionIds.has(optionId)) stale.push(at('questions', id, 'options', optionId));
    }
  }
  return [...missing, ...stale.map((path) => `${path} (stale)`)];
}

/** The pack of one language, fetched on first use as its own chunk. */
export async function loadFormTranslations(locale: TranslatedLocale): Promise<FormsTranslation> {
  switch (locale) {
    case 'fr':
      return (await import('./fr')).fr;
    case 'es':
      return (await import('./es')).es;
  }
}
