// The shape of a language pack for the built-in forms. Packs live apart from the English
// definitions so that each language is its own chunk, downloaded only by those who pick it.
import * as z from 'zod/mini';
import type { Locale } from '../schema';

const WordsSchema = z.string().check(z.minLength(1));

/** Languages a pack can supply; English is the definitions themselves. */
export type TranslatedLocale = Exclude<Locale, 'en'>;

/** One question's texts in one language: its label, its hint if it has one, its options by id. */
export const QuestionTranslationSchema = z.strictObject({
  label: WordsSchema,
  hint: z.optional(WordsSchema),
  options: z.optional(z.record(z.string(), WordsSchema)),
});
export type QuestionTranslation = z.infer<typeof QuestionTranslationSchema>;

/** One form's texts in one language, keyed by the ids of the English definition. */
export const FormTranslationSchema = z.strictObject({
  title: WordsSchema,
  sections: z.record(z.string(), WordsSchema),
  questions: z.record(z.string(), QuestionTranslationSchema),
});
export type FormTranslation = z.infer<typeof FormTranslationSchema>;

/** Every built-in form's texts in one language, by form id. */
export const FormsTranslationSchema = z.record(z.string(), FormTranslationSchema);
export type FormsTranslation = z.infer<typeof FormsTranslationSchema>;
