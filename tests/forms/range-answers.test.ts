// Answers to XLSForm's range, barcode and hidden: a range's value is a number between its ends on
// its step grid, with a clear message otherwise; the device (validateAnswers) and the server
// (answerSchema) agree, and the server never takes its compiled fast path for a range.
import { describe, expect, it } from 'vitest';
import { answerSchema, validateAnswers } from '../../src/forms/answers';
import { compileFastAnswerCheck } from '../../src/forms/fast-answers';
import { usesOnlyOriginalRules } from '../../src/forms/logic';
import { parseForm } from '../../src/forms/load';
import { startingAnswers } from '../../src/forms/metadata';
import { onRangeGrid } from '../../src/forms/range';
import type { Answers } from '../../src/forms/relevance';
import { FRENCH_MESSAGES } from '../../src/forms/translations/messages-fr';
import { csvColumns, questionCells } from '../../src/export/csv';
import { aggregate } from '../../src/results/aggregate';
import { definitionWith } from '../fixtures/forms';

const FORM = parseForm(
  definitionWith([
    { id: 'stars', type: 'integer', label: 'Rate the stall', range: { start: 1, end: 5, step: 1 } },
    { id: 'price_kg', type: 'number', label: 'Price per kg', range: { start: 0.5, end: 3, step: 0.25 } },
    { id: 'tenths', type: 'number', label: 'Tenths', range: { start: 0, end: 1, step: 0.1 } },
    { id: 'countdown', type: 'integer', label: 'Queue position', range: { start: 10, end: 0, step: -3 } },
    { id: 'stock_code', type: 'text', label: 'Stock code', xlsformType: 'barcode' },
    { id: 'survey_round', type: 'calculate', default: '3', xlsformType: 'hidden' },
  ]),
);
const BASE: Answers = { sex: 'female' };

const CASES: [name: string, answers: Answers, errors: Record<string, string>][] = [
  ['every range at its ends and on its grid', { stars: 5, price_kg: 0.5, tenths: 0.3, countdown: 1, stock_code: '4006381333931', survey_round: '3' }, {}],
  ['a range over its end', { stars: 6 }, { stars: 'Enter a number of at most 5.' }],
  ['a range under its start', { stars: 0 }, { stars: 'Enter a number of at least 1.' }],
  ['a decimal range off its step', { price_kg: 1.3 }, { price_kg: 'Enter a value in steps of 0.25 from 0.5.' }],
  ['a decimal range on its step', { price_kg: 2.75 }, {}],
  ['tenths with binary rounding (0.1 + 0.2)', { tenths: 0.1 + 0.2 }, {}],
  ['a reversed range counts its steps down from its start', { countdown: 7 }, {}],
  ['a reversed range off its step', { countdown: 8 }, { countdown: 'Enter a value in steps of 3 from 10.' }],
  ['a reversed range past its lower end', { countdown: -2 }, { countdown: 'Enter a number of at least 0.' }],
  ['a fraction on an integer range', { stars: 2.5 }, { stars: 'Enter a whole number.' }],
  ['text for a range', { stars: 'five' }, { stars: 'Enter a whole number.' }],
  ['a barcode is text', { stock_code: 4006381333931 }, { stock_code: 'Enter text.' }],
];

describe('range, barcode and hidden answers', () => {
  it.each(CASES)('%s', (_name, answers, errors) => {
    const all = { ...BASE, ...answers };
    expect(validateAnswers(FORM, all)).toEqual(errors);
    // The server's schema: the same verdict at the same questions, in the same words.
    const result = answerSchema(FORM).safeParse(all);
    const serverErrors = result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
    expect(serverErrors).toEqual(errors);
  });

  it('never go to the server fast path, which knows no step', () => {
    expect(usesOnlyOriginalRules(FORM)).toBe(false);
    expect(compileFastAnswerCheck(FORM)({ ...BASE, stars: 3 })).toBe(false);
  });

  it('say what is wrong in the device language', () => {
    expect(validateAnswers(FORM, { ...BASE, price_kg: 1.3 }, FRENCH_MESSAGES)).toEqual({ price_kg: 'Saisissez une valeur par pas de 0.25 à partir de 0.5.' });
  });

  it('a hidden starts with its default, as a calculate holds it', () => {
    expect(startingAnswers(FORM, {}, { deviceId: 'dev-1', username: 'Ana' })).toEqual({ survey_round: '3' });
  });

  it.each([
    [0.3, { start: 0, end: 1, step: 0.1 }, true],
    [0.35, { start: 0, end: 1, step: 0.1 }, false],
    [1e6, { start: 0, end: 1e7, step: 1e5 }, true],
    [-4, { start: 2, end: -10, step: -3 }, true],
    [-5, { start: 2, end: -10, step: -3 }, false],
  ])('onRangeGrid(%s, %o) is %s', (value, range, expected) => {
    expect(onRangeGrid(value, range)).toBe(expected);
  });

  it('a range is a number column in CSV and a number in results by sex, a barcode a text column, a hidden its value', () => {
    expect(csvColumns(FORM)).toEqual(expect.arrayContaining(['stars', 'price_kg', 'stock_code', 'survey_round']));
    const q = (id: string) => FORM.sections[0]!.questions.find((x) => x.id === id)!;
    expect(questionCells(q('price_kg'), 2.75, { labels: true })).toEqual([2.75]);
    expect(questionCells(q('stock_code'), '0042', { labels: true })).toEqual(['0042']);
    expect(questionCells(q('survey_round'), '3', { labels: false })).toEqual(['3']);
    const results = aggregate(FORM, [{ answers: { sex: 'female', stars: 4 } }, { answers: { sex: 'male', stars: 2 } }, { answers: { sex: 'female', stars: 5 } }]);
    expect(results.questions.find((r) => r.questionId === 'stars')).toEqual({ kind: 'number', questionId: 'stars', sums: [9, 2, 0, 0, 0], answered: [2, 1, 0, 0, 0] });
    expect(results.questions.find((r) => r.questionId === 'stock_code')).toBeUndefined();
  });
});
