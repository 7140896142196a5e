// Which question of a form tells the respondent's sex, and what each of its options means as one
// of the four codes, for any form (PRODUCT.md section 7, "Results by sex for any form"). Pure and
// shared by the device and the server, so both split responses the same way.
//
// Rules, conservative on purpose (a wrong split misleads more than no split):
// 1. The question the form names in `sexQuestion` (XLSForm settings `sex_question`), if it is a
//    single-choice question whose options read as women and men; a name that fits no such question
//    gives no split (never a guess in its place).
// 2. Else a single-choice question whose id is `sex` or `gender` (any case; also sexe, genre,
//    sexo, género), else one whose id only adds words about the respondent or a question number
//    around it (`respondent_sex`, `sex_of_respondent`, `q3_gender`); `child_sex` or
//    `hh_head_gender` are someone else's. Two candidates at the same step: no split, it is
//    ambiguous. A candidate whose options do not read as women and men is not taken.
// 3. Options map by id or by any of their labels, folding case, accents and punctuation; a
//    bilingual label ("Female / Femme") maps when its parts agree. Single letters depend on
//    their neighbours: F is female, H is male (homme, hombre, homem), and M is male unless an
//    option is H, when it is female (mujer, mulher). An option that maps to no code, or to two,
//    counts as "not stated": it is not counted as "other" without knowing what it says.
import { questionsOf, type Form, type Question, type Text } from '../forms/schema';
import { RESPONDENT_WORDS, SEX_QUESTION_NAMES, SEX_WORDS, type SexCode } from './sex-words';

export type { SexCode } from './sex-words';

/** The form's sex question and each option id's code; options left out count as not stated. */
export interface SexSplit {
  question: Question;
  codes: ReadonlyMap<string, SexCode>;
}

/** Why a form's responses cannot be split by sex, with the question ids concerned. */
export type NoSexSplit =
  | { reason: 'none' }
  | { reason: 'named'; questionId: string }
  | { reason: 'ambiguous'; questionIds: string[] }
  | { reason: 'unreadable'; questionIds: string[] };

/** Case, accents and punctuation folded away: "Préfère ne pas répondre" → "prefere ne pas repondre". */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CODE_OF_WORDS = new Map<string, SexCode>(
  Object.entries(SEX_WORDS).flatMap(([code, words]) => words.map((w) => [foldWords(w), code as SexCode] as const)),
);
const LETTERS = new Set(['f', 'm', 'h']);

const textsOf = (text: Text): string[] => (typeof text === 'string' ? [text] : Object.values(text).filter((v): v is string => typeof v === 'string'));

/** A text whole, then its parts between slashes, brackets, commas or spaced dashes ("Male (M)", "Femme / Woman"). */
function piecesOf(text: string): string[] {
  return [text, ...text.split(/[/|()[\]{},;]|\s[-–—]\s/)].map(foldWords).filter((p) => p !== '');
}

/** The one code an option's words name (undefined for none or a conflict), and the letters it uses. */
function readOption(id: string, label: Text): { code?: SexCode; conflict: boolean; letters: Set<string> } {
  const codes = new Set<SexCode>();
  const letters = new Set<string>();
  for (const piece of [...piecesOf(id), ...textsOf(label).flatMap(piecesOf)]) {
    const code = CODE_OF_WORDS.get(piece);
    if (code) codes.add(code);
    else if (LETTERS.has(piece)) letters.add(piece);
  }
  return { code: codes.size === 1 ? [...codes][0] : undefined, conflict: codes.size > 1, letters };
}

/** Each option id's code, from its words, else from its single letter read with its neighbours'. */
export function sexCodesOf(question: Question): Map<string, SexCode> {
  const read = (question.options ?? []).map((o) => ({ id: o.id, ...readOption(o.id, o.label) }));
  const withH = read.some((o) => o.letters.has('h'));
  const letterCode = (letter: string): SexCode => (letter === 'f' ? 'female' : letter === 'h' ? 'male' : withH ? 'female' : 'male');
  const codes = new Map<string, SexCode>();
  for (const o of read) {
    if (o.conflict) continue;
    const fromLetters = new Set([...o.letters].map(letterCode));
    const code = o.code ?? (fromLetters.size === 1 ? [...fromLetters][0] : undefined);
    if (code) codes.set(o.id, code);
  }
  return codes;
}

/** Whether an id names the respondent's sex: exactly (1), with words about the respondent around it (2), or not. */
export function sexNameRank(id: string): 1 | 2 | undefined {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words.length === 1 && SEX_QUESTION_NAMES.has(words[0]!)) return 1;
  const rest = words.filter((w) => !RESPONDENT_WORDS.has(w) && !/^[a-z]{0,2}\d+[a-z0-9]*$/.test(w));
  return rest.length === 1 && SEX_QUESTION_NAMES.has(rest[0]!) && words.length > 1 ? 2 : undefined;
}

/** A split from this question, if it is single-choice and some option reads as women and some as men. */
function splitBy(question: Question): SexSplit | undefined {
  if (question.type !== 'single') return undefined;
  const codes = sexCodesOf(question);
  const found = new Set(codes.values());
  return found.has('female') && found.has('male') ? { question, codes } : undefined;
}

/** The form's respondent-sex question and its codes, or why there is none (the rules at the top of this file). */
export function findSexSplit(form: Form): SexSplit | NoSexSplit {
  const questions = questionsOf(form);
  const named = form.sexQuestion;
  if (named !== undefined) {
    const question = questions.find((q) => q.id === named);
    if (!question || question.type !== 'single') return { reason: 'named', questionId: named };
    return splitBy(question) ?? { reason: 'unreadable', questionIds: [named] };
  }
  const unreadable: string[] = [];
  for (const rank of [1, 2] as const) {
    const candidates = questions.filter((q) => q.type === 'single' && sexNameRank(q.id) === rank);
    const splits = candidates.flatMap((q) => splitBy(q) ?? []);
    if (splits.length === 1) return splits[0]!;
    if (splits.length > 1) return { reason: 'ambiguous', questionIds: splits.map((s) => s.question.id) };
    unreadable.push(...candidates.map((q) => q.id));
  }
  return unreadable.length > 0 ? { reason: 'unreadable', questionIds: unreadable } : { reason: 'none' };
}

/** Whether `findSexSplit` found a question. */
export const isSexSplit = (found: SexSplit | NoSexSplit): found is SexSplit => 'question' in found;
