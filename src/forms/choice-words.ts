// The words of the answers every form shares: yes/no and the five Likert points, in each
// language. One place for the renderer, the results and the CSV writer (app and server alike),
// so a "Strongly agree" reads the same on screen and in the file.
import type { Locale } from './locale';

/** Yes and no, by answer code. */
export const YESNO_WORDS: Readonly<Record<Locale, Readonly<Record<'yes' | 'no', string>>>> = {
  en: { yes: 'Yes', no: 'No' },
  fr: { yes: 'Oui', no: 'Non' },
  es: { yes: 'Sí', no: 'No' },
};

/** The five Likert points, 1 (strongly disagree) to 5 (strongly agree). */
export const LIKERT_WORDS: Readonly<Record<Locale, readonly [string, string, string, string, string]>> = {
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  fr: ['Pas du tout d’accord', 'Pas d’accord', 'Ni d’accord ni pas d’accord', 'D’accord', 'Tout à fait d’accord'],
  es: ['Totalmente en desacuerdo', 'En desacuerdo', 'Ni de acuerdo ni en desacuerdo', 'De acuerdo', 'Totalmente de acuerdo'],
};

/** The words for a yes/no code ("yes" → "Oui"), or the code itself when it is neither. */
export function yesNoWord(code: string, locale: Locale): string {
  return code === 'yes' || code === 'no' ? YESNO_WORDS[locale][code] : code;
}

/** The words for a Likert point (1..5), or undefined outside the scale. */
export function likertWord(point: number, locale: Locale): string | undefined {
  return Number.isInteger(point) ? LIKERT_WORDS[locale][point - 1] : undefined;
}
