// Repeats (issue 14): the wire format (a list of instance records under the repeat's name), the
// structural checks, expressions inside instances (siblings, position(..), indexed-repeat(),
// count(), sum()), per-instance validation on the device and on the server's schema path, and the
// canonical text of submissions with repeats.
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSubmissionJson } from '../../src/export/canonical-json';
import { answerSchema, finalizeAnswers, validateAnswers } from '../../src/forms/answers';
import { pathKey } from '../../src/forms/instances';
import { readDefinition } from '../../src/forms/load';
import { ResponseState, usesOnlyOriginalRules } from '../../src/forms/logic';
import { questionsIn, questionsOf, type Answers, type Form, type FormInput } from '../../src/forms/schema';
import { AnswersShapeSchema, SubmissionSchema } from '../../src/forms/submission';
import { HOUSEHOLD } from '../fixtures/household-repeat';

function load(input: FormInput): Form {
  const read = readDefinition(input);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.form;
}

const form = load(HOUSEHOLD);
const answers: Answers = {
  village: 'Kara',
  member: [
    { member_name: 'Ana', member_age: 34 },
    { member_name: 'Ben', member_age: 8, schooling: 'yes', visit: [] },
    { member_name: 'Cy', member_age: 81, visit: [{ visit_place: 'Town' }, { visit_place: 'Port' }] },
  ],
  sex: 'female',
};

describe('the repeat model', () => {
  it('keeps a repeat as one answer of the response and its questions in its instances', () => {
    expect(questionsOf(form).map((q) => q.id)).toEqual(['village', 'member', 'members', 'total_age', 'second_name', 'sex']);
    expect(questionsIn(form, 'member').map((q) => q.id)).toEqual(['member_name', 'member_age', 'member_no', 'greeting', 'schooling', 'visit']);
    expect(questionsIn(form, 'visit').map((q) => q.id)).toEqual(['visit_place']);
    expect(usesOnlyOriginalRules(form)).toBe(false);
  });

  it.each([
    ['a repeat without questions', { id: 'r', type: 'repeat', label: 'R' }, 'needs questions'],
    ['a repeatCount on a group', { id: 'g', type: 'group', repeatCount: 2, questions: [{ id: 'x', type: 'text', label: 'X' }] }, 'only a repeat can'],
    ['an original rule inside a repeat', { id: 'r', type: 'repeat', questions: [{ id: 'a', type: 'text', label: 'A' }, { id: 'b', type: 'text', label: 'B', relevant: { question: 'a', equals: 'x' } }] }, 'must be an expression'],
    ['repeats four deep', { id: 'r1', type: 'repeat', questions: [{ id: 'r2', type: 'repeat', questions: [{ id: 'r3', type: 'repeat', questions: [{ id: 'r4', type: 'repeat', questions: [{ id: 'deep', type: 'text', label: 'D' }] }] }] }] }, 'nests too deep'],
    ['a repeat_count naming nothing', { id: 'r', type: 'repeat', repeatCount: '${nothing}', questions: [{ id: 'a', type: 'text', label: 'A' }] }, 'not a question of this form'],
  ])('refuses %s', (_name, item, message) => {
    const read = readDefinition({ id: 'bad', version: 1, title: 'Bad', sections: [{ id: 's', title: 'S', questions: [item] }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('takes instance lists in the answers shape, bounded in depth', () => {
    expect(AnswersShapeSchema.safeParse(answers).success).toBe(true);
    const deep = { a: [{ b: [{ c: [{ d: [{ e: 'x' }] }] }] }] };
    expect(AnswersShapeSchema.safeParse(deep).success).toBe(false);
    expect(AnswersShapeSchema.safeParse({ a: [{ b: { nested: 'object' } }] }).success).toBe(false);
    expect(AnswersShapeSchema.safeParse({ a: ['text', { b: 'x' }] }).success).toBe(false);
  });

  it('writes instance keys sorted in canonical text, and answers without repeats as before', () => {
    const submission = SubmissionSchema.parse({
      id: '00000000-0000-4000-8000-000000000001',
      formId: 'household',
      formVersion: 1,
      answers: { z: 'last', member: [{ member_name: 'Ana', member_age: 34 }], a: ['x', 'y'] },
      meta: { deviceId: 'd', enumerator: '', locale: 'en', appVersion: '1', startedAt: '2026-01-01T00:00:00Z', completedAt: '2026-01-01T00:10:00Z' },
    });
    const text = canonicalSubmissionJson(submission);
    expect(text).toBe(canonicalJson(submission));
    expect(text).toContain('"member":[{"member_age":34,"member_name":"Ana"}]');
  });
});

describe('expressions inside repeats', () => {
  const state = new ResponseState(form, answers);
  const at = (index: number) => [{ repeat: 'member', index }];
  it.each([
    ['position(..) numbers each instance', 'member_no', at(1), '2'],
    ['a sibling and an outer question', 'greeting', at(2), 'Cy of Kara'],
    ['count() counts the instances', 'members', [], '3'],
    ['sum() adds a field across instances', 'total_age', [], '123'],
    ['indexed-repeat() reads one instance', 'second_name', [], 'Ben'],
  ])('%s', (_name, id, path, expected) => {
    expect(state.value(id, path)).toBe(expected);
  });

  it('evaluates relevance, counts and constraints per instance', () => {
    expect(state.relevant('schooling', at(0))).toBe(false);
    expect(state.relevant('schooling', at(1))).toBe(true);
    expect(state.repeatCount('visit', at(2))).toBe(2);
    expect(state.repeatCount('visit', at(1))).toBe(0);
    expect(state.constraintHolds('visit_place', [...at(2), { repeat: 'visit', index: 0 }])).toBe(true);
  });

  it('updates what reads across instances when an instance is added or removed', () => {
    const live = new ResponseState(form, answers);
    live.set('member_age', 40, at(0));
    expect(live.value('total_age')).toBe('129');
    live.set('member', [...(answers.member as Answers[]), { member_name: 'Di', member_age: 1 }]);
    expect(live.value('members')).toBe('4');
    expect(live.value('total_age')).toBe('124');
    live.set('member', []);
    expect(live.value('members')).toBe('0');
    expect(live.value('second_name')).toBeUndefined();
  });
});

describe('validation per instance', () => {
  it('accepts a complete roster and stores calculations in each instance', () => {
    const { answers: kept, errors } = finalizeAnswers(form, answers);
    expect(errors).toEqual({});
    const members = kept.member as Answers[];
    expect(members.map((m) => m.member_no)).toEqual(['1', '2', '3']);
    expect(members[2]!.visit).toEqual([{ visit_place: 'Town' }, { visit_place: 'Port' }]);
    expect(kept.members).toBe('3');
    expect(answerSchema(form).safeParse(kept).success).toBe(true);
  });

  it.each<[string, Answers, Record<string, string>]>([
    ['a required question empty in one instance', { member: [{ member_name: 'Ana', member_age: 3 }, { member_age: 4 }] }, { [pathKey([{ repeat: 'member', index: 1 }], 'member_name')]: 'This question needs an answer.' }],
    ['a constraint broken in one instance', { member: [{ member_name: 'Ana', member_age: 130, visit: [{}, {}, {}] }] }, { 'member[1]/member_age': 'This answer is not accepted.' }],
    ['an answer that does not apply in its instance', { member: [{ member_name: 'Ana', member_age: 30, schooling: 'no' }] }, { 'member[1]/schooling': 'This question does not apply given the earlier answers, so it must be left empty.' }],
    ['a wrong type in an instance', { member: [{ member_name: 'Ana', member_age: 'old' }] }, { 'member[1]/member_age': 'Enter a whole number.' }],
    ['an unknown question in an instance', { member: [{ member_name: 'Ana', member_age: 3, shoe: 'x' }] }, { 'member[1]/shoe': 'This is not a question of this form.' }],
    ['too few instances for the count', { member: [{ member_name: 'Ana', member_age: 80, visit: [{ visit_place: 'A' }] }] }, { 'member[1]/visit': 'This needs exactly 2 entries.' }],
    ['a nested instance judged in its own', { member: [{ member_name: 'Ana', member_age: 40, visit: [{ visit_place: 5 as unknown as string }] }] }, { 'member[1]/visit[1]/visit_place': 'Enter text.' }],
  ])('reports %s at its instance, on the device and on the server', (_name, given, expected) => {
    expect(validateAnswers(form, given)).toEqual(expected);
    const result = answerSchema(form).safeParse(given);
    expect(result.success).toBe(false);
    if (!result.success) {
      const [key, message] = Object.entries(expected)[0]!;
      const issue = result.error.issues.find((i) => i.message === message);
      expect(issue, key).toBeDefined();
      expect(issue!.path.join('.')).toContain(key.split('/').pop());
    }
  });
});
