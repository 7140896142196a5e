// Answer validation from tables: which questions fail, in which words, and the zod schema
// the server uses agreeing with the function the app uses.
import { describe, expect, it } from 'vitest';
import { answerSchema, finalizeAnswers, isRealDate, validateAnswers } from '../../src/forms/answers';
import type { Answers, AnswerValue } from '../../src/forms/relevance';
import { EVERY_TYPE } from '../fixtures/forms';

const REQUIRED = 'This question needs an answer.';
const NOT_APPLICABLE = 'This question does not apply given the earlier answers, so it must be left empty.';
const OPTION = 'Choose one of the options given.';
const LIKERT = 'Choose a point from 1 (strongly disagree) to 5 (strongly agree).';

/** The smallest valid set of answers: the two required questions. */
const BASE: Answers = { name: 'Amina', sex: 'female' };

const CASES: [name: string, answers: Answers, errors: Record<string, string>][] = [
  ['only the required answers', BASE, {}],
  [
    'every question answered well',
    { ...BASE, bio: 'x'.repeat(10_000), age: 0, height_m: 1.75, visit_date: '2024-02-29', colour: 'green', fruits: ['pear', 'other'], fruits_other: 'Fig', consent: 'yes', consent_details: 'Signed', happy: 5 },
    {},
  ],
  ['nothing answered', {}, { name: REQUIRED, sex: REQUIRED }],
  ['a required text left blank', { ...BASE, name: '   ' }, { name: REQUIRED }],
  ['a required text left empty', { ...BASE, name: '' }, { name: 'Enter at least 1 character.' }],
  ['text over its max', { ...BASE, name: 'x'.repeat(21) }, { name: 'Enter at most 20 characters.' }],
  ['text at its max', { ...BASE, name: 'x'.repeat(20) }, {}],
  ['longtext over the default cap', { ...BASE, bio: 'x'.repeat(10_001) }, { bio: 'Enter at most 10000 characters.' }],
  ['a number where text is due', { ...BASE, name: 7 }, { name: 'Enter text.' }],
  ['a fraction for an integer', { ...BASE, age: 3.5 }, { age: 'Enter a whole number.' }],
  ['a numeric string for an integer', { ...BASE, age: '30' }, { age: 'Enter a whole number.' }],
  ['text for a number', { ...BASE, height_m: 'tall' }, { height_m: 'Enter a number.' }],
  ['an integer under its min', { ...BASE, age: -1 }, { age: 'Enter a number of at least 0.' }],
  ['an integer over its max', { ...BASE, age: 121 }, { age: 'Enter a number of at most 120.' }],
  ['a number under its min', { ...BASE, height_m: 0.4 }, { height_m: 'Enter a number of at least 0.5.' }],
  ['a number on its bounds', { ...BASE, height_m: 3, age: 120 }, {}],
  ['30 February', { ...BASE, visit_date: '2023-02-30' }, { visit_date: 'Enter a real date as YYYY-MM-DD.' }],
  ['29 February of a common year', { ...BASE, visit_date: '2023-02-29' }, { visit_date: 'Enter a real date as YYYY-MM-DD.' }],
  ['a day-first date', { ...BASE, visit_date: '30/01/2023' }, { visit_date: 'Enter a real date as YYYY-MM-DD.' }],
  ['a date with a time', { ...BASE, visit_date: '2023-01-30T10:00:00Z' }, { visit_date: 'Enter a real date as YYYY-MM-DD.' }],
  ['an unknown single option', { ...BASE, colour: 'purple' }, { colour: OPTION }],
  ['a list for a single', { ...BASE, colour: ['red'] }, { colour: OPTION }],
  ['an unknown sex option', { ...BASE, sex: 'woman' }, { sex: OPTION }],
  ['an unknown multi option', { ...BASE, fruits: ['apple', 'kiwi'] }, { fruits: OPTION }],
  ['a bare string for a multi', { ...BASE, fruits: 'apple' }, { fruits: OPTION }],
  ['a multi choice made twice', { ...BASE, fruits: ['apple', 'apple'] }, { fruits: 'Each option can be chosen only once.' }],
  ['too many choices', { ...BASE, fruits: ['apple', 'pear', 'plum'] }, { fruits: 'Choose at most 2.' }],
  ['an empty choice list', { ...BASE, fruits: [] }, { fruits: 'Choose at least 1.' }],
  ['yes/no answered "maybe"', { ...BASE, consent: 'maybe' }, { consent: 'Answer yes or no.' }],
  ['yes/no answered "Yes"', { ...BASE, consent: 'Yes' }, { consent: 'Answer yes or no.' }],
  ['likert 0', { ...BASE, happy: 0 }, { happy: LIKERT }],
  ['likert 6', { ...BASE, happy: 6 }, { happy: LIKERT }],
  ['likert 2.5', { ...BASE, happy: 2.5 }, { happy: LIKERT }],
  ['likert as a string', { ...BASE, happy: '3' }, { happy: LIKERT }],
  ['likert 1 and 5 are the ends of the scale', { ...BASE, happy: 1 }, {}],
  ['an unknown question key', { ...BASE, favourite_band: 'ABBA' }, { favourite_band: 'This is not a question of this form.' }],
  ['an answer to a question hidden by "no"', { ...BASE, consent: 'no', consent_details: 'Signed' }, { consent_details: NOT_APPLICABLE }],
  ['an answer to a question whose parent is unanswered', { ...BASE, consent_details: 'Signed' }, { consent_details: NOT_APPLICABLE }],
  ['"other" details without "other" ticked', { ...BASE, fruits: ['apple'], fruits_other: 'Fig' }, { fruits_other: NOT_APPLICABLE }],
  ['a required follow-up left out', { ...BASE, consent: 'yes' }, { consent_details: REQUIRED }],
  ['a bad value reported before it being hidden', { ...BASE, consent: 'no', consent_details: 5 }, { consent_details: 'Enter text.' }],
  ['several problems at once', { age: 200, colour: 'blue', extra: 1 }, { name: REQUIRED, sex: REQUIRED, age: 'Enter a number of at most 120.', colour: OPTION, extra: 'This is not a question of this form.' }],
];

/** The question ids an answerSchema failure points at, unknown keys included. */
function flaggedBySchema(answers: Answers): string[] {
  const result = answerSchema(EVERY_TYPE).safeParse(answers);
  if (result.success) return [];
  const ids = result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0])]));
  return [...new Set(ids)].sort();
}

describe('validateAnswers', () => {
  it.each(CASES)('%s', (_name, answers, errors) => {
    expect(validateAnswers(EVERY_TYPE, answers)).toEqual(errors);
  });
});

describe('answerSchema', () => {
  it.each(CASES)('agrees with validateAnswers on %s', (_name, answers, errors) => {
    const result = answerSchema(EVERY_TYPE).safeParse(answers);
    expect(result.success).toBe(Object.keys(errors).length === 0);
    expect(flaggedBySchema(answers)).toEqual(Object.keys(errors).sort());
  });

  it('uses the same words as validateAnswers', () => {
    const result = answerSchema(EVERY_TYPE).safeParse({ name: 'x'.repeat(21), consent: 'yes' });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(messages).toEqual([
      ['name', 'Enter at most 20 characters.'],
      ['consent_details', REQUIRED],
      ['sex', REQUIRED],
    ]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a list', [BASE]],
    ['a string', 'name=Amina'],
  ])('rejects %s in place of an answers object', (_name, input) => {
    expect(answerSchema(EVERY_TYPE).safeParse(input).success).toBe(false);
  });
});

describe('finalizeAnswers', () => {
  it('drops irrelevant and empty answers, then finds nothing wrong', () => {
    const draft: Answers = { ...BASE, bio: '  ', fruits: ['apple'], fruits_other: 'Fig', consent: 'no', consent_details: 'Signed', happy: 4 };
    expect(finalizeAnswers(EVERY_TYPE, draft)).toEqual({ answers: { ...BASE, fruits: ['apple'], consent: 'no', happy: 4 }, errors: {} });
  });

  it('drops a stale chain and still reports what is missing', () => {
    const draft: Answers = { name: '', consent: 'no', consent_details: 'Signed' };
    expect(finalizeAnswers(EVERY_TYPE, draft)).toEqual({ answers: { consent: 'no' }, errors: { name: REQUIRED, sex: REQUIRED } });
  });

  it('keeps invalid values so they are reported, not silently lost', () => {
    const result = finalizeAnswers(EVERY_TYPE, { ...BASE, age: 500 });
    expect(result.answers.age).toBe(500);
    expect(result.errors).toEqual({ age: 'Enter a number of at most 120.' });
  });

  it('produces answers that answerSchema accepts', () => {
    const draft: Record<string, AnswerValue> = { ...BASE, consent: 'no', consent_details: 'x', fruits: [], favourite_band: 'ABBA' };
    const { answers, errors } = finalizeAnswers(EVERY_TYPE, draft);
    expect(errors).toEqual({});
    expect(answerSchema(EVERY_TYPE).safeParse(answers).success).toBe(true);
  });
});

describe('isRealDate', () => {
  it.each<[string, boolean]>([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-1-5', false],
    [' 2023-01-05', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});
