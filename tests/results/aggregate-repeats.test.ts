// Results by sex on a form with repeats (issue 14): each repeat's instances across responses, by
// the respondent's sex, counted in the one-pass accumulator, nested repeats through every
// enclosing instance; questions inside repeats stay out of the per-question results.
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import type { Answers, Form } from '../../src/forms/schema';
import { aggregate, createAccumulator } from '../../src/results/aggregate';
import { FormResultsSchema, SEX_KEYS } from '../../src/results/schema';
import { definitionWith } from '../fixtures/forms';
import { HOUSEHOLD } from '../fixtures/household-repeat';

const read = readDefinition(HOUSEHOLD);
if (!read.ok) throw new Error('the household fixture does not load');
const form: Form = read.form;

const bySex = (counts: Partial<Record<(typeof SEX_KEYS)[number], number>>) => SEX_KEYS.map((k) => counts[k] ?? 0);
const member = (age: number, visits = 0): Answers => ({ member_name: 'X', member_age: age, ...(visits > 0 ? { visit: Array.from({ length: visits }, () => ({ visit_place: 'Town' })) } : {}) });

const submissions: { answers: Answers }[] = [
  // A woman: 3 members, one with 2 visits.
  { answers: { village: 'Kara', sex: 'female', member: [member(34), member(8), member(81, 2)] } },
  // A woman: 1 member (an empty instance still counts), no visits (an empty list is no instance).
  { answers: { sex: 'female', member: [{}], } },
  // A man: 2 members, 1 visit each.
  { answers: { sex: 'male', member: [member(45, 1), member(50, 1)] } },
  // A man with no roster at all.
  { answers: { sex: 'male' } },
  // No sex recorded: 1 member.
  { answers: { member: [member(20)] } },
];

describe('repeat instances in results by sex', () => {
  const results = aggregate(form, submissions);

  it('counts each repeat’s instances and the responses holding them, by the respondent’s sex', () => {
    expect(results.total).toBe(5);
    expect(results.repeats).toEqual([
      { repeatId: 'member', instances: bySex({ female: 4, male: 2, not_stated: 1 }), responses: bySex({ female: 2, male: 1, not_stated: 1 }) },
      { repeatId: 'visit', instances: bySex({ female: 2, male: 2 }), responses: bySex({ female: 1, male: 1 }) },
    ]);
    expect(FormResultsSchema.parse(results)).toEqual(results);
  });

  it('keeps questions inside repeats out of the per-question results', () => {
    const ids = results.questions.map((q) => q.questionId);
    expect(ids).not.toContain('member_age');
    expect(ids).not.toContain('schooling');
    expect(ids).not.toContain('member');
  });

  it('gives the same counts fed one at a time, read in between', () => {
    const accumulator = createAccumulator(form);
    for (const s of submissions) {
      accumulator.add(s);
      accumulator.result();
    }
    expect(accumulator.result().repeats).toEqual(results.repeats);
  });

  it('ignores a repeat’s value that is not a list of instances', () => {
    const odd = aggregate(form, [{ answers: { sex: 'male', member: 'three' } }, { answers: { sex: 'male', member: [1, { visit: {} }] } }]);
    expect(odd.repeats?.[0]).toEqual({ repeatId: 'member', instances: bySex({ male: 1 }), responses: bySex({ male: 1 }) });
    expect(odd.repeats?.[1]?.instances).toEqual(bySex({}));
  });

  it('adds no `repeats` key for a form without repeats', () => {
    const plain = readDefinition(definitionWith([{ id: 'trained', type: 'yesno', label: 'Trained?' }]));
    if (!plain.ok) throw new Error('plain form does not load');
    expect('repeats' in aggregate(plain.form, [{ answers: { trained: 'yes' } }])).toBe(false);
  });

  it('accepts results from a server without the field', () => {
    const { repeats: _dropped, ...old } = results;
    expect(FormResultsSchema.safeParse(old).success).toBe(true);
  });
});
