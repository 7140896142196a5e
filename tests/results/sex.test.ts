// Finding the respondent-sex question of any form and reading its options as the four codes,
// from tables: which question is taken (or why none), then what each option means.
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms';
import { FormSchema, type Form, type FormInput } from '../../src/forms/schema';
import { findSexSplit, foldWords, isSexSplit, sexCodesOf, sexNameRank } from '../../src/results/sex';
import type { QuestionInput } from '../fixtures/forms';

type OptionInput = NonNullable<QuestionInput['options']>[number];

const FM: OptionInput[] = [
  { id: 'f', label: 'F' },
  { id: 'm', label: 'M' },
];
const single = (id: string, options: OptionInput[] = FM): QuestionInput => ({ id, type: 'single', label: id, options });
const formOf = (questions: QuestionInput[], extra: Partial<FormInput> = {}): Form =>
  FormSchema.parse({ id: 'any-form', version: 1, title: 'Any', sections: [{ id: 'main', title: 'Main', questions }], ...extra });

/** What findSexSplit says, in one comparable value: the question id taken, or the reason and ids. */
function outcome(form: Form): string {
  const found = findSexSplit(form);
  if (isSexSplit(found)) return found.question.id;
  if (found.reason === 'none') return 'none';
  return `${found.reason}: ${'questionId' in found ? found.questionId : found.questionIds.join(', ')}`;
}

describe('which question splits responses by sex', () => {
  const grade = single('grade', [
    { id: 'senior', label: 'Senior' },
    { id: 'junior', label: 'Junior' },
  ]);
  it.each<[string, QuestionInput[], Partial<FormInput>, string]>([
    ['the built-in `sex` question', [grade, single('sex', [{ id: 'female', label: 'Female' }, { id: 'male', label: 'Male' }])], {}, 'sex'],
    ['`gender` with f/m', [grade, single('gender')], {}, 'gender'],
    ['a French `sexe`', [single('sexe', [{ id: 'femme', label: 'Femme' }, { id: 'homme', label: 'Homme' }])], {}, 'sexe'],
    ['`respondent_sex`', [single('respondent_sex')], {}, 'respondent_sex'],
    ['`sex_of_respondent`', [single('sex_of_respondent')], {}, 'sex_of_respondent'],
    ['a numbered `q3_gender`', [single('q3_gender')], {}, 'q3_gender'],
    ['an exact name wins over a variant', [single('respondent_gender'), single('sex')], {}, 'sex'],
    ['someone else’s sex is not the respondent’s', [single('child_sex'), single('hh_head_gender')], {}, 'none'],
    ['a `sex_worker` question is not it', [single('sex_worker', [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }])], {}, 'none'],
    ['a text `sex` question is not single-choice', [{ id: 'sex', type: 'text', label: 'Sex' }], {}, 'none'],
    ['a multi `gender` question is not single-choice', [{ id: 'gender', type: 'multi', label: 'Gender', options: FM }], {}, 'none'],
    ['no question about sex at all', [grade], {}, 'none'],
    ['two exact names: ambiguous, no guess', [single('sex'), single('gender')], {}, 'ambiguous: sex, gender'],
    ['two variants: ambiguous', [single('respondent_sex'), single('sex_of_respondent')], {}, 'ambiguous: respondent_sex, sex_of_respondent'],
    ['options that do not read as women and men', [single('gender', [{ id: 'a', label: 'Kundi A' }, { id: 'b', label: 'Kundi B' }])], {}, 'unreadable: gender'],
    ['only women among the options', [single('sex', [{ id: 'female', label: 'Female' }, { id: 'other', label: 'Other' }])], {}, 'unreadable: sex'],
    ['an unreadable `sex` does not hide a readable variant', [single('sex', [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]), single('respondent_gender')], {}, 'respondent_gender'],
    ['the named question, whatever its id', [single('gender'), single('who_answers')], { sexQuestion: 'who_answers' }, 'who_answers'],
    ['the named question wins over `sex`', [single('sex'), single('gender')], { sexQuestion: 'gender' }, 'gender'],
    ['a name that fits no question: no guess in its place', [single('sex')], { sexQuestion: 'missing' }, 'named: missing'],
    ['a named question that is not single-choice', [single('sex'), { id: 'age', type: 'integer', label: 'Age' }], { sexQuestion: 'age' }, 'named: age'],
    ['a named question whose options are unreadable', [single('q1', [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }])], { sexQuestion: 'q1' }, 'unreadable: q1'],
  ])('%s', (_what, questions, extra, expected) => {
    expect(outcome(formOf(questions, extra))).toBe(expected);
  });

  it('finds `sex` in every built-in form, each option as its own code', () => {
    for (const form of FORMS) {
      const found = findSexSplit(form);
      expect(isSexSplit(found) && found.question.id).toBe('sex');
      if (isSexSplit(found)) expect([...found.codes]).toEqual([['female', 'female'], ['male', 'male'], ['other', 'other'], ['prefer_not_to_say', 'prefer_not_to_say']]);
    }
  });

  it.each<[string, 1 | 2 | undefined]>([
    ['sex', 1],
    ['Gender', 1],
    ['SEXO', 1],
    ['respondentSex', 2],
    ['resp_gender', 2],
    ['s1q2_sex', 2],
    ['gender_of_the_respondent', 2],
    ['sex_sex', undefined],
    ['child_sex', undefined],
    ['sexual_harassment', undefined],
    ['gender_focal_point', undefined],
  ])('the id %s ranks %s', (id, rank) => {
    expect(sexNameRank(id)).toBe(rank);
  });
});

describe('what each option means', () => {
  /** One question's options, each as [id, label], read as codes (undefined: not stated). */
  const codes = (options: [string, NonNullable<QuestionInput['label']>][]) => {
    const map = sexCodesOf({ id: 'sex', type: 'single', label: 'Sex', options: options.map(([id, label]) => ({ id, label })) });
    return options.map(([id]) => map.get(id));
  };

  it.each<[string, [string, NonNullable<QuestionInput['label']>][], (string | undefined)[]]>([
    ['English words', [['1', 'Female'], ['2', 'Male'], ['3', 'Other'], ['4', 'Prefer not to say']], ['female', 'male', 'other', 'prefer_not_to_say']],
    ['ids alone', [['woman', 'x'], ['man', 'y'], ['non_binary', 'z'], ['no_answer', 'w']], ['female', 'male', 'other', 'prefer_not_to_say']],
    ['F and M (English, French masculin)', [['f', 'F'], ['m', 'M']], ['female', 'male']],
    ['H and M (Spanish hombre/mujer)', [['h', 'H'], ['m', 'M']], ['male', 'female']],
    ['F and H (French femme/homme)', [['1', 'F'], ['2', 'H']], ['female', 'male']],
    ['words beat letters: M for mujer', [['m', 'Mujer'], ['v', 'Varón']], ['female', 'male']],
    ['French, accents and case', [['a', 'FÉMININ'], ['b', 'Masculin'], ['c', 'Autre'], ['d', 'Ne souhaite pas répondre']], ['female', 'male', 'other', 'prefer_not_to_say']],
    ['French without accents', [['a', 'feminin'], ['b', 'prefere ne pas repondre']], ['female', 'prefer_not_to_say']],
    ['Spanish', [['a', 'Mujer'], ['b', 'Hombre'], ['c', 'Otro'], ['d', 'Prefiero no decirlo']], ['female', 'male', 'other', 'prefer_not_to_say']],
    ['Portuguese', [['a', 'Feminino'], ['b', 'Homem'], ['c', 'Outro'], ['d', 'Prefiro não dizer']], ['female', 'male', 'other', 'prefer_not_to_say']],
    ['Swahili', [['a', 'Mwanamke'], ['b', 'Mwanaume']], ['female', 'male']],
    ['Arabic', [['a', 'أنثى'], ['b', 'ذكر']], ['female', 'male']],
    ['girls and boys', [['g', 'Girl'], ['b', 'Boy']], ['female', 'male']],
    ['labels in several languages', [['a', { en: 'Woman', fr: 'Femme', es: 'Mujer' }], ['b', { en: 'Man', fr: 'Homme' }]], ['female', 'male']],
    ['a bilingual label whose parts agree', [['a', 'Female / Femme'], ['b', 'Male (M)'], ['c', 'Non-binary']], ['female', 'male', 'other']],
    ['a label naming two codes counts as neither', [['a', 'Male/Female'], ['b', 'Female']], [undefined, 'female']],
    ['words it cannot read: not stated, never “other”', [['a', 'Female'], ['b', 'Male'], ['c', 'Don’t know'], ['d', 'Kundi']], ['female', 'male', undefined, undefined]],
    ['refusals', [['r', 'Refused'], ['n', 'No response'], ['s', 'Sin respuesta']], ['prefer_not_to_say', 'prefer_not_to_say', 'prefer_not_to_say']],
    ['a word inside a longer label is not enough', [['a', 'Female-headed household'], ['b', 'Men only']], [undefined, undefined]],
  ])('%s', (_what, options, expected) => {
    expect(codes(options)).toEqual(expected);
  });

  it('folds case, accents and punctuation', () => {
    expect(foldWords('  Préfère ne pas répondre! ')).toBe('prefere ne pas repondre');
    expect(foldWords('NÃO-BINÁRIO')).toBe('nao binario');
  });
});
