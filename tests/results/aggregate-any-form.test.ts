// The accumulator on forms that are not built in: split by whatever question findSexSplit takes
// (here `gender` with f/m options), by each version's own sex question across versions, and not
// split at all, with totals kept, when a form has none.
import { describe, expect, it } from 'vitest';
import { FormSchema, type Form, type FormInput } from '../../src/forms/schema';
import { aggregate, createAccumulator } from '../../src/results/aggregate';
import { FormResultsSchema, SEX_KEYS, type ChoiceResult, type FormResults, type NumberResult } from '../../src/results/schema';
import type { QuestionInput } from '../fixtures/forms';

const formOf = (version: number, questions: QuestionInput[], extra: Partial<FormInput> = {}): Form =>
  FormSchema.parse({ id: 'imported', version, title: 'Imported', sections: [{ id: 'main', title: 'Main', questions }], ...extra });

const bySex = (counts: Partial<Record<(typeof SEX_KEYS)[number], number>>) => SEX_KEYS.map((k) => counts[k] ?? 0);
const choice = (r: FormResults, id: string) => r.questions.find((q) => q.questionId === id) as ChoiceResult;
const number = (r: FormResults, id: string) => r.questions.find((q) => q.questionId === id) as NumberResult;

const trained: QuestionInput = { id: 'trained', type: 'yesno', label: 'Trained?' };
const grade: QuestionInput = { id: 'grade', type: 'single', label: 'Grade', options: [{ id: 'p2', label: 'P-2' }, { id: 'p3', label: 'P-3' }] };
const years: QuestionInput = { id: 'years_at_grade', type: 'integer', label: 'Years at grade' };
const gender: QuestionInput = {
  id: 'gender',
  type: 'single',
  label: { en: 'Gender', fr: 'Genre' },
  options: [
    { id: 'f', label: { en: 'F', fr: 'F' } },
    { id: 'm', label: { en: 'M', fr: 'M' } },
    { id: 'dk', label: 'Don’t know' },
  ],
};

describe('a form whose sex question is `gender` with options f and m', () => {
  const form = formOf(1, [gender, trained, grade, years]);
  const rows = [
    { answers: { gender: 'f', trained: 'yes', grade: 'p3', years_at_grade: 4 } },
    { answers: { gender: 'f', trained: 'no', grade: 'p2', years_at_grade: 6 } },
    { answers: { gender: 'f', trained: 'yes' } },
    { answers: { gender: 'm', trained: 'yes', grade: 'p3', years_at_grade: 2 } },
    { answers: { gender: 'dk', trained: 'no' } },
    { answers: { trained: 'no', grade: 'p2' } },
  ];
  const r = aggregate(form, rows);

  it.each<[string, () => unknown, unknown]>([
    ['names the question it split by', () => r.sexQuestion, 'gender'],
    ['f counts as women, m as men; an unreadable option and no answer as not stated', () => r.bySex, bySex({ female: 3, male: 1, not_stated: 2 })],
    ['yes by sex', () => choice(r, 'trained').counts[0], bySex({ female: 2, male: 1 })],
    ['no by sex', () => choice(r, 'trained').counts[1], bySex({ female: 1, not_stated: 2 })],
    ['a single choice by sex', () => choice(r, 'grade').counts, [bySex({ female: 1, not_stated: 1 }), bySex({ female: 1, male: 1 })]],
    ['numbers summed by sex', () => number(r, 'years_at_grade').sums, bySex({ female: 10, male: 2 })],
    ['the sex question itself is not charted', () => r.questions.map((q) => q.questionId), ['trained', 'grade', 'years_at_grade']],
  ])('%s', (_what, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('is valid for the results schema (what the server sends)', () => {
    expect(FormResultsSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
});

describe('a form with locations', () => {
  it('leaves them out of the results, and counts the rest as before', () => {
    const where: QuestionInput = { id: 'where', type: 'geopoint', label: 'Where' };
    const road: QuestionInput = { id: 'road', type: 'geotrace', label: 'Road' };
    const plot: QuestionInput = { id: 'plot', type: 'geoshape', label: 'Plot' };
    const r = aggregate(formOf(1, [gender, where, road, plot, trained]), [
      { answers: { gender: 'f', where: '12.5 -1.25 300 4', road: '0 0;0 1', plot: '0 0;0 1;1 1;0 0', trained: 'yes' } },
      { answers: { gender: 'm', where: '12.5 -1.25', trained: 'no' } },
    ]);
    expect(r.questions.map((q) => q.questionId)).toEqual(['trained']);
    expect(r.bySex).toEqual(bySex({ female: 1, male: 1 }));
  });
});

describe('a form with no sex question', () => {
  const form = formOf(1, [trained, grade, years]);
  const r = aggregate(form, [
    { answers: { trained: 'yes', grade: 'p2', years_at_grade: 3, sex: 'female' } },
    { answers: { trained: 'no', grade: 'p2' } },
    { answers: { trained: 'yes', years_at_grade: 1 } },
  ]);

  it.each<[string, () => unknown, unknown]>([
    ['says it split by nothing', () => r.sexQuestion, null],
    ['every response is "not stated", even one carrying a stray `sex` answer', () => r.bySex, bySex({ not_stated: 3 })],
    ['totals are all there', () => r.total, 3],
    ['every choice question is counted', () => choice(r, 'trained').counts, [bySex({ not_stated: 2 }), bySex({ not_stated: 1 })]],
    ['and answered', () => choice(r, 'grade').answered, bySex({ not_stated: 2 })],
    ['numbers are summed', () => number(r, 'years_at_grade').sums, bySex({ not_stated: 4 })],
    ['no question is left out', () => r.questions.map((q) => q.questionId), ['trained', 'grade', 'years_at_grade']],
  ])('%s', (_what, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('a `gender` question it cannot read is charted as any other question, not used as the split', () => {
    const unread = formOf(1, [{ id: 'gender', type: 'single', label: 'Jinsia', options: [{ id: 'a', label: 'Kundi A' }, { id: 'b', label: 'Kundi B' }] }, trained]);
    const result = aggregate(unread, [{ answers: { gender: 'a', trained: 'yes' } }]);
    expect(result.sexQuestion).toBeNull();
    expect(choice(result, 'gender').counts).toEqual([bySex({ not_stated: 1 }), bySex({})]);
  });

  it('is valid for the results schema', () => {
    expect(FormResultsSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
});

describe('the sex question the form names', () => {
  it('splits by it, and charts `sex` when it is some other question', () => {
    const form = formOf(
      1,
      [
        { id: 'sex', type: 'single', label: 'Sex of the child', options: [{ id: 'girl', label: 'Girl' }, { id: 'boy', label: 'Boy' }] },
        { id: 'carer', type: 'single', label: 'Carer', options: [{ id: 'mother', label: 'Mother' }, { id: 'father', label: 'Father' }, { id: 'w', label: 'Woman' }, { id: 'm', label: 'Man' }] },
      ],
      { sexQuestion: 'carer' },
    );
    const r = aggregate(form, [{ answers: { sex: 'girl', carer: 'w' } }, { answers: { sex: 'boy', carer: 'm' } }, { answers: { sex: 'boy', carer: 'mother' } }]);
    expect(r.sexQuestion).toBe('carer');
    expect(r.bySex).toEqual(bySex({ female: 1, male: 1, not_stated: 1 }));
    expect(choice(r, 'sex').counts).toEqual([bySex({ female: 1 }), bySex({ male: 1, not_stated: 1 })]);
  });
});

describe('across versions, each version by its own sex question', () => {
  // Version 1 asked `genero` with Spanish H/M; version 2 asks `sex` in English words.
  const v1 = formOf(1, [{ id: 'genero', type: 'single', label: 'Género', options: [{ id: 'h', label: 'H' }, { id: 'm', label: 'M' }] }, trained]);
  const v2 = formOf(2, [{ id: 'sex', type: 'single', label: 'Sex', options: [{ id: 'woman', label: 'Woman' }, { id: 'man', label: 'Man' }] }, trained]);
  const accumulator = createAccumulator(v2, [v1]);
  [
    { formVersion: 1, answers: { genero: 'm', trained: 'yes' } },
    { formVersion: 1, answers: { genero: 'h', trained: 'no' } },
    { formVersion: 2, answers: { sex: 'woman', trained: 'yes' } },
    { formVersion: 2, answers: { sex: 'man', trained: 'yes', genero: 'm' } },
  ].forEach((s) => accumulator.add(s));
  const r = accumulator.result();

  it.each<[string, () => unknown, unknown]>([
    ['names the newest version’s question', () => r.sexQuestion, 'sex'],
    ['version 1’s M is a woman (with H beside it), version 2 reads its own words', () => r.bySex, bySex({ female: 2, male: 2 })],
    ['answers by sex across both', () => choice(r, 'trained').counts, [bySex({ female: 2, male: 1 }), bySex({ male: 1 })]],
    ['neither sex question is charted', () => r.questions.map((q) => q.questionId), ['trained']],
  ])('%s', (_what, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
