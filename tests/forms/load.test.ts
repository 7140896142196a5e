// A broken definition must stop the app with an error a developer can act on at once.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/forms/load';
import type { FormInput } from '../../src/forms/schema';
import { SEX, definitionWith, type QuestionInput } from '../fixtures/forms';

const AGE: QuestionInput = { id: 'age', type: 'integer', label: 'Age' };
const COLOURS = [
  { id: 'red', label: 'Red' },
  { id: 'green', label: 'Green' },
];

/** Builds the invalid input for one case; `unknown` because some cases break the types on purpose. */
type Case = [name: string, input: () => unknown, problem: string];

const CASES: Case[] = [
  ['duplicate question ids', () => definitionWith([AGE, { ...AGE, label: 'Age again' }]), 'question id "age" is used twice'],
  ['a single without options', () => definitionWith([{ id: 'colour', type: 'single', label: 'Colour' }]), 'question "colour" (single) needs options'],
  ['a multi without options', () => definitionWith([{ id: 'colours', type: 'multi', label: 'Colours' }]), 'question "colours" (multi) needs options'],
  ['options on a yes/no question', () => definitionWith([{ id: 'ok', type: 'yesno', label: 'OK?', options: COLOURS }]), 'question "ok" (yesno) cannot have options'],
  ['an empty options list', () => definitionWith([{ id: 'colour', type: 'single', label: 'Colour', options: [] }]), 'sections[0].questions[0].options'],
  ['a repeated option id', () => definitionWith([{ id: 'colour', type: 'single', label: 'Colour', options: [...COLOURS, COLOURS[0]!] }]), 'question "colour" repeats an option id'],
  [
    'a condition on a later question',
    () => definitionWith([{ id: 'age_why', type: 'text', label: 'Why?', relevant: { question: 'age', equals: 1 } }, AGE]),
    'question "age_why" depends on "age", which is not an earlier question',
  ],
  [
    'a condition on an unknown question',
    () => definitionWith([{ id: 'why', type: 'text', label: 'Why?', relevant: { question: 'nowhere', equals: 'yes' } }]),
    'question "why" depends on "nowhere", which is not an earlier question',
  ],
  [
    'a condition on itself',
    () => definitionWith([{ id: 'why', type: 'text', label: 'Why?', relevant: { question: 'why', equals: 'yes' } }]),
    'question "why" depends on "why", which is not an earlier question',
  ],
  [
    '"includes" on a question that is not multi',
    () => definitionWith([{ id: 'ok', type: 'yesno', label: 'OK?' }, { id: 'why', type: 'text', label: 'Why?', relevant: { question: 'ok', includes: 'yes' } }]),
    'question "why" uses "includes" on "ok", which is not a multi question',
  ],
  ['an empty oneOf', () => definitionWith([AGE, { id: 'why', type: 'text', label: 'Why?', relevant: { question: 'age', oneOf: [] } }]), 'sections[0].questions[1].relevant'],
  ['min greater than max', () => definitionWith([{ ...AGE, min: 10, max: 5 }]), 'question "age" has min greater than max'],
  ['no sex question', () => ({ id: 'test-form', version: 1, title: 'T', sections: [{ id: 'main', title: 'Main', questions: [AGE] }] }), 'every form needs a single-choice "sex" question'],
  [
    'sex options in another order',
    () => ({ id: 'test-form', version: 1, title: 'T', sections: [{ id: 'main', title: 'Main', questions: [{ ...SEX, options: [...(SEX.options ?? [])].reverse() }] }] }),
    'with options female, male, other, prefer_not_to_say',
  ],
  [
    'sex asked as free text',
    () => ({ id: 'test-form', version: 1, title: 'T', sections: [{ id: 'main', title: 'Main', questions: [{ id: 'sex', type: 'text', label: 'Sex' }] }] }),
    'every form needs a single-choice "sex" question',
  ],
  ['a question id with a space', () => definitionWith([{ ...AGE, id: 'age in years' }]), 'must be a name: letters, digits, _ - or ., starting with a letter or _\n  → at sections[0].questions[0].id'],
  ['a question id starting with a digit', () => definitionWith([{ ...AGE, id: '1age' }]), 'must be a name'],
  ['a snake_case form id', () => ({ ...definitionWith([AGE]), id: 'test_form' }), 'must be kebab-case\n  → at id'],
  ['an option id with a space', () => definitionWith([{ id: 'colour', type: 'single', label: 'Colour', options: [{ id: 'dark red', label: 'Red' }] }]), 'must be a choice name without spaces'],
  ['an unknown question type', () => definitionWith([{ ...AGE, type: 'rating' } as unknown as QuestionInput]), 'Invalid option: expected one of "text"|"longtext"'],
  ['an extra field on a question', () => definitionWith([{ ...AGE, placeholder: 'e.g. 30' } as unknown as QuestionInput]), 'Unrecognized key: "placeholder"'],
  ['an extra field on the form', () => ({ ...definitionWith([AGE]), author: 'me' }), 'Unrecognized key: "author"'],
  ['an empty label', () => definitionWith([{ ...AGE, label: '' }]), 'sections[0].questions[0].label'],
  ['a version that is not a whole number', () => ({ ...definitionWith([AGE]), version: 1.5 }), 'expected int'],
  ['version 0', () => ({ ...definitionWith([AGE]), version: 0 }), 'Too small'],
  ['a section without questions', () => ({ ...definitionWith([AGE]), sections: [...definitionWith([AGE]).sections, { id: 'empty', title: 'Empty', questions: [] }] }), 'sections[1].questions'],
  [
    'a section id used twice',
    () => {
      const valid = definitionWith([AGE]);
      return { ...valid, sections: [...valid.sections, { id: 'main', title: 'Again', questions: [{ id: 'more', type: 'text', label: 'More' }] }] };
    },
    'a section id is used twice',
  ],
];

function messageOf(input: unknown): string {
  try {
    parseForm(input);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('parseForm accepted an invalid definition');
}

describe('parseForm', () => {
  it('accepts the valid base every case starts from', () => {
    const valid: FormInput = definitionWith([AGE]);
    expect(parseForm(valid)).toEqual(valid);
  });

  it.each(CASES)('rejects %s, naming the form and the problem', (_name, input, problem) => {
    const message = messageOf(input());
    expect(message).toContain('Form definition "');
    expect(message).toContain(problem);
  });

  it('names the form by its id', () => {
    expect(messageOf({ ...definitionWith([AGE]), id: 'staff-survey', version: 0 })).toMatch(/^Form definition "staff-survey" is invalid:/);
    expect(messageOf(definitionWith([AGE, AGE]))).toMatch(/^Form definition "test-form" is invalid:/);
  });

  it('says "(no id)" when there is no id to name', () => {
    expect(messageOf(null)).toMatch(/^Form definition "\(no id\)" is invalid:/);
    expect(messageOf({ version: 1 })).toMatch(/^Form definition "\(no id\)" is invalid:/);
  });

  it('lists every problem at once rather than the first', () => {
    const message = messageOf(definitionWith([AGE, AGE, { id: 'colour', type: 'single', label: 'Colour' }, { ...AGE, id: 'span', min: 3, max: 1 }]));
    expect(message).toContain('"age" is used twice');
    expect(message).toContain('"colour" (single) needs options');
    expect(message).toContain('"span" has min greater than max');
  });
});
