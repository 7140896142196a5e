// Expressions drive validation the same way on the device and the server: relevance, required
// (with its message), constraints (with their message), calculations and choice filters, all read
// from one ResponseState; the server's fast path leaves such forms to the schema.
import { describe, expect, it } from 'vitest';
import { answerSchema, finalizeAnswers, validateAnswers } from '../../src/forms/answers';
import { compileFastAnswerCheck } from '../../src/forms/fast-answers';
import { readDefinition } from '../../src/forms/load';
import { ResponseState, usesOnlyOriginalRules } from '../../src/forms/logic';
import type { Answers } from '../../src/forms/relevance';
import type { Form, FormInput } from '../../src/forms/schema';
import { FORMS } from '../../src/forms/index';

const DEFINITION: FormInput = {
  id: 'logic',
  version: 1,
  title: { en: 'Logic', ar: 'منطق' },
  languages: ['en', 'ar'],
  defaultLanguage: 'en',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'age', type: 'integer', label: 'Age', required: true, constraint: '. >= 0 and . < 120', constraintMessage: { en: 'Between 0 and 119', ar: 'بين 0 و 119' } },
        { id: 'job', type: 'text', label: 'Job', relevant: '${age} >= 18', required: '${age} < 65', requiredMessage: { en: 'Adults name their job' } },
        { id: 'decade', type: 'calculate', calculation: 'int(${age} div 10)' },
        {
          id: 'adult',
          type: 'group',
          label: 'Adults',
          relevant: '${decade} >= 2',
          questions: [{ id: 'kids', type: 'integer', label: 'Children', constraint: '. <= ${age} div 10' }],
        },
        { id: 'region', type: 'single', label: 'Region', options: [{ id: 'north', label: 'North' }, { id: 'south', label: 'South' }] },
        {
          id: 'district',
          type: 'single',
          label: 'District',
          choiceFilter: 'region = ${region}',
          options: [
            { id: 'n1', label: 'N1', data: { region: 'north' } },
            { id: 's1', label: 'S1', data: { region: 'south' } },
          ],
        },
        { id: 'seen', type: 'acknowledge', label: 'I have read this' },
        { id: 'at', type: 'time', label: 'Time' },
      ],
    },
  ],
};

function load(): Form {
  const read = readDefinition(DEFINITION);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}
const FORM = load();

/** The device's errors and the server's verdict, for the same answers. */
function judge(answers: Answers) {
  return { errors: validateAnswers(FORM, answers), accepted: answerSchema(FORM).safeParse(answers).success };
}

describe('validation with expressions', () => {
  it.each<[string, Answers, Record<string, string>]>([
    ['a child: the job does not apply', { age: 9 }, {}],
    ['an adult without a job: the form\u2019s required message', { age: 30 }, { job: 'Adults name their job' }],
    ['a retiree: the job is not required', { age: 70 }, {}],
    ['the constraint, with the form\u2019s message', { age: 130, job: 'x' }, { age: 'Between 0 and 119' }],
    ['a constraint reading another answer', { age: 30, job: 'x', kids: 4 }, { kids: 'This answer is not accepted.' }],
    ['a question in a group that does not apply', { age: 15, kids: 1 }, { kids: 'This question does not apply given the earlier answers, so it must be left empty.' }],
    ['a job for a child does not apply', { age: 9, job: 'x' }, { job: 'This question does not apply given the earlier answers, so it must be left empty.' }],
    ['a choice the filter keeps', { age: 9, region: 'north', district: 'n1' }, {}],
    ['a choice the filter removes', { age: 9, region: 'north', district: 's1' }, { district: 'Choose one of the options given.' }],
    ['acknowledge is OK', { age: 9, seen: 'OK' }, {}],
    ['acknowledge is only OK', { age: 9, seen: 'yes' }, { seen: 'Tick the box to acknowledge.' }],
    ['a time', { age: 9, at: '25:00' }, { at: 'Enter a time as hh:mm.' }],
  ])('%s', (_name, answers, expected) => {
    const { errors, accepted } = judge(answers);
    expect(errors).toEqual(expected);
    // The server's schema accepts exactly what the device finds no error in.
    expect(accepted).toBe(Object.keys(expected).length === 0);
  });

  it('messages in the language asked for, the default language otherwise', () => {
    expect(validateAnswers(FORM, { age: 130 }, undefined, 'ar')).toEqual({ age: 'بين 0 و 119' });
  });

  it('finalizing stores the calculation as computed, and drops what does not apply', () => {
    const { answers, errors } = finalizeAnswers(FORM, { age: 34, job: 'teacher', decade: '99', kids: 2 });
    expect(answers).toEqual({ age: 34, job: 'teacher', decade: '3', kids: 2 });
    expect(errors).toEqual({});
  });

  it('the server recomputes calculations: a wrong submitted one changes nothing the rules read', () => {
    // decade submitted as 0 would hide the group; the server computes 3 and keeps kids relevant.
    expect(judge({ age: 34, job: 'x', decade: '0', kids: 2 })).toEqual({ errors: {}, accepted: true });
  });

  it('the fast path leaves forms with expressions to the schema, and still takes the original forms', () => {
    expect(usesOnlyOriginalRules(FORM)).toBe(false);
    expect(compileFastAnswerCheck(FORM)({ age: 9 })).toBe(false);
    for (const form of FORMS) expect(usesOnlyOriginalRules(form), form.id).toBe(true);
  });
});

describe('ResponseState', () => {
  it('updates incrementally: an answer re-evaluates what depends on it', () => {
    const state = new ResponseState(FORM, {});
    expect(state.relevant('job')).toBe(false);
    expect(state.relevant('kids')).toBe(false);
    state.set('age', 40);
    expect(state.relevant('job')).toBe(true);
    expect(state.required('job')).toBe(true);
    expect(state.value('decade')).toBe('4');
    expect(state.relevant('kids')).toBe(true);
    state.set('kids', 5);
    expect(state.constraintHolds('kids')).toBe(false);
    state.set('age', 70);
    expect(state.constraintHolds('kids')).toBe(true);
    expect(state.required('job')).toBe(false);
    state.set('region', 'south');
    expect(state.options('district').map((o) => o.id)).toEqual(['s1']);
  });

  it("version() reads the form's version", () => {
    const read = readDefinition({ ...DEFINITION, version: 3, sections: [{ id: 'main', title: 'Main', questions: [{ id: 'v', type: 'calculate', calculation: "concat('v', version())" }] }] });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(new ResponseState(read.form, {}).value('v')).toBe('v3');
  });

  it('affected() touches only what reads the changed answer', () => {
    const compiled = new ResponseState(FORM, {}).logic.compiled!;
    expect(compiled.affected('region').map((e) => `${e.question}:${e.kind}`)).toEqual(['district:choice_filter']);
    expect(compiled.affected('job')).toEqual([]);
  });

  it('gives the original rules exactly their old meaning', () => {
    const form = FORMS[0]!;
    const state = new ResponseState(form, {});
    for (const q of form.sections.flatMap((s) => s.questions)) {
      if (typeof q.relevant === 'object') expect(state.relevant(q.id), q.id).toBe(false);
    }
  });
});

describe('readDefinition refuses expression problems at their JSON path', () => {
  it.each([
    ['an unknown name', { id: 'a', type: 'text', label: 'A', relevant: '${nope} = 1' }, 'sections[0].questions[0].relevant', /\$\{nope\} is not a question of this form/],
    ['an unknown function', { id: 'a', type: 'text', label: 'A', constraint: 'pulldata(.)' }, 'sections[0].questions[0].constraint', /unknown function pulldata\(\)/],
    ['a calculation reading itself', { id: 'a', type: 'calculate', calculation: '${a} + 1' }, 'sections[0].questions[0].calculation', /depends on its own value/],
    ['a section named like a question', { id: 's', type: 'text', label: 'S', relevant: "${b} = 'x'" }, 'sections[0].id', /section id "s" is also a question id/],
  ])('%s', (_name, question, column, message) => {
    const read = readDefinition({ id: 'x', version: 1, title: 'X', sections: [{ id: 's', title: 'S', questions: [question, { id: 'b', type: 'text', label: 'B' }] }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems).toEqual([{ sheet: null, row: null, column, message: expect.stringMatching(message) }]);
  });
});
