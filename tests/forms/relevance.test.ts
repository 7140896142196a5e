// Skip logic from tables: which questions show, and what survives finalizing.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/forms/load';
import { dropIrrelevant, isEmpty, isRelevant, relevantQuestionIds, type Answers, type AnswerValue } from '../../src/forms/relevance';
import type { Question } from '../../src/forms/schema';
import { definitionWith } from '../fixtures/forms';

const YES_NO: Question = { id: 'smoker', type: 'yesno', label: 'Do you smoke?' };

/** A chain (smoker → tried_quitting → how_quit), a multi with "other", and a likert with oneOf. */
const FORM = parseForm(
  definitionWith([
    YES_NO,
    { id: 'tried_quitting', type: 'yesno', label: 'Have you tried to quit?', relevant: { question: 'smoker', equals: 'yes' } },
    { id: 'how_quit', type: 'text', label: 'How?', relevant: { question: 'tried_quitting', equals: 'yes' } },
    {
      id: 'languages',
      type: 'multi',
      label: 'Languages',
      options: [
        { id: 'en', label: 'English' },
        { id: 'other', label: 'Other' },
      ],
    },
    { id: 'languages_other', type: 'text', label: 'Other language', relevant: { question: 'languages', includes: 'other' } },
    { id: 'satisfied', type: 'likert', label: 'I am satisfied.' },
    { id: 'why_unhappy', type: 'longtext', label: 'Why?', relevant: { question: 'satisfied', oneOf: [1, 2] } },
    { id: 'children', type: 'integer', label: 'Children', min: 0 },
    { id: 'childcare', type: 'yesno', label: 'Childcare?', relevant: { question: 'children', equals: 0 } },
  ]),
);

function withRule(relevant: Question['relevant']): Question {
  return { id: 'follow_up', type: 'text', label: 'Follow-up', relevant };
}

describe('isRelevant', () => {
  it.each<[string, Question, Answers, boolean]>([
    ['no condition, no answers', YES_NO, {}, true],
    ['equals, matching', withRule({ question: 'smoker', equals: 'yes' }), { smoker: 'yes' }, true],
    ['equals, other value', withRule({ question: 'smoker', equals: 'yes' }), { smoker: 'no' }, false],
    ['equals, unanswered', withRule({ question: 'smoker', equals: 'yes' }), {}, false],
    ['equals, value wrapped in a list', withRule({ question: 'smoker', equals: 'yes' }), { smoker: ['yes'] }, false],
    ['equals 0, answered 0', withRule({ question: 'children', equals: 0 }), { children: 0 }, true],
    ['equals 0, answered "0" (no type coercion)', withRule({ question: 'children', equals: 0 }), { children: '0' }, false],
    ['includes, chosen among others', withRule({ question: 'languages', includes: 'other' }), { languages: ['en', 'other'] }, true],
    ['includes, not chosen', withRule({ question: 'languages', includes: 'other' }), { languages: ['en'] }, false],
    ['includes, empty list', withRule({ question: 'languages', includes: 'other' }), { languages: [] }, false],
    ['includes, a bare string', withRule({ question: 'languages', includes: 'other' }), { languages: 'other' }, false],
    ['oneOf, first value', withRule({ question: 'satisfied', oneOf: [1, 2] }), { satisfied: 1 }, true],
    ['oneOf, last value', withRule({ question: 'satisfied', oneOf: [1, 2] }), { satisfied: 2 }, true],
    ['oneOf, outside', withRule({ question: 'satisfied', oneOf: [1, 2] }), { satisfied: 3 }, false],
    ['oneOf, a list', withRule({ question: 'satisfied', oneOf: [1, 2] }), { satisfied: [1] as unknown as AnswerValue }, false],
  ])('%s', (_name, q, answers, expected) => {
    expect(isRelevant(q, answers)).toBe(expected);
  });
});

describe('relevantQuestionIds', () => {
  const ALWAYS = ['smoker', 'languages', 'satisfied', 'children', 'sex'];

  it.each<[string, Answers, string[]]>([
    ['nothing answered', {}, []],
    ['smoker: yes shows the next step of the chain', { smoker: 'yes' }, ['tried_quitting']],
    ['the whole chain', { smoker: 'yes', tried_quitting: 'yes' }, ['tried_quitting', 'how_quit']],
    ['a hidden parent hides its child despite a stale answer', { smoker: 'no', tried_quitting: 'yes' }, []],
    ['an unanswered root hides the chain', { tried_quitting: 'yes', how_quit: 'patches' }, []],
    ['"other" among languages', { languages: ['en', 'other'] }, ['languages_other']],
    ['a low rating asks why', { satisfied: 2 }, ['why_unhappy']],
    ['a high rating does not', { satisfied: 4 }, []],
    ['no children asks about childcare', { children: 0 }, ['childcare']],
    ['two children do not', { children: 2 }, []],
  ])('%s', (_name, answers, extra) => {
    const shown = [...relevantQuestionIds(FORM, answers)];
    const expected = FORM.sections[0]!.questions.map((q) => q.id).filter((id) => ALWAYS.includes(id) || extra.includes(id));
    expect(shown).toEqual(expected);
  });
});

describe('dropIrrelevant', () => {
  it.each<[string, Answers, Answers]>([
    ['keeps relevant answers', { smoker: 'yes', tried_quitting: 'no', sex: 'female' }, { smoker: 'yes', tried_quitting: 'no', sex: 'female' }],
    ['drops the answer of a hidden question', { smoker: 'no', tried_quitting: 'yes' }, { smoker: 'no' }],
    ['drops a whole chain under a hidden parent', { smoker: 'no', tried_quitting: 'yes', how_quit: 'gum' }, { smoker: 'no' }],
    ['drops "other" details once "other" is unticked', { languages: ['en'], languages_other: 'Tetum' }, { languages: ['en'] }],
    ['drops an empty string', { smoker: 'yes', tried_quitting: 'yes', how_quit: '' }, { smoker: 'yes', tried_quitting: 'yes' }],
    ['drops a blank string', { smoker: 'yes', tried_quitting: 'yes', how_quit: '   \n' }, { smoker: 'yes', tried_quitting: 'yes' }],
    ['drops an empty choice list', { languages: [], sex: 'male' }, { sex: 'male' }],
    ['keeps zero, which is an answer', { children: 0, childcare: 'no' }, { children: 0, childcare: 'no' }],
    ['drops keys that are not questions of the form', { smoker: 'no', favourite_band: 'ABBA' }, { smoker: 'no' }],
    ['puts answers in form order', { sex: 'other', smoker: 'no' }, { smoker: 'no', sex: 'other' }],
  ])('%s', (_name, answers, expected) => {
    const kept = dropIrrelevant(FORM, answers);
    expect(kept).toEqual(expected);
    expect(Object.keys(kept)).toEqual(Object.keys(expected));
  });

  it('leaves the answers it was given untouched', () => {
    const answers: Answers = { smoker: 'no', tried_quitting: 'yes' };
    dropIrrelevant(FORM, answers);
    expect(answers).toEqual({ smoker: 'no', tried_quitting: 'yes' });
  });
});

describe('isEmpty', () => {
  it.each<[AnswerValue, boolean]>([
    ['', true],
    [' \t', true],
    [[], true],
    ['a', false],
    [0, false],
    [['x'], false],
  ])('%j → %s', (value, expected) => {
    expect(isEmpty(value)).toBe(expected);
  });
});
