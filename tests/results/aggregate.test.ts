// The results accumulator, from a table of small cases, then checked against counts made
// independently over many varied responses of every built-in form.
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms';
import { parseForm } from '../../src/forms/load';
import { questionsOf } from '../../src/forms/schema';
import { aggregate, createAccumulator } from '../../src/results/aggregate';
import { FormResultsSchema, SEX_KEYS, type ChoiceResult, type NumberResult } from '../../src/results/schema';
import { definitionWith } from '../fixtures/forms';
import { variedSubmissions } from '../fixtures/varied-submissions';

const form = parseForm(
  definitionWith([
    { id: 'trained', type: 'yesno', label: 'Trained?' },
    { id: 'support', type: 'likert', label: 'My supervisor supports me.' },
    { id: 'grade', type: 'single', label: 'Grade', options: [{ id: 'senior', label: 'Senior' }, { id: 'junior', label: 'Junior' }] },
    { id: 'topics', type: 'multi', label: 'Topics', options: [{ id: 'hiv', label: 'HIV' }, { id: 'budget', label: 'Budgeting' }, { id: 'never', label: 'Nobody picks this' }] },
    { id: 'women_reached', type: 'integer', label: 'Women reached' },
    { id: 'funding', type: 'number', label: 'Funding' },
    { id: 'note', type: 'text', label: 'Note' },
    { id: 'reporting_year', type: 'integer', label: 'Reporting year', min: 1990, max: 2100 },
  ]),
);

/** A per-sex array from a partial record, in SEX_KEYS order. */
const bySex = (counts: Partial<Record<(typeof SEX_KEYS)[number], number>>) => SEX_KEYS.map((k) => counts[k] ?? 0);
const choice = (r: ReturnType<typeof aggregate>, id: string) => r.questions.find((q) => q.questionId === id) as ChoiceResult;
const number = (r: ReturnType<typeof aggregate>, id: string) => r.questions.find((q) => q.questionId === id) as NumberResult;

describe('aggregate, case by case', () => {
  const rows = [
    { answers: { sex: 'female', trained: 'yes', support: 5, grade: 'senior', topics: ['hiv', 'budget'], women_reached: 120, funding: 1000.5, reporting_year: 2003 } },
    { answers: { sex: 'female', trained: 'no', support: 4, topics: ['budget'], women_reached: 30 } },
    { answers: { sex: 'male', trained: 'yes', support: 4, grade: 'junior', funding: -0.5 } },
    { answers: { sex: 'prefer_not_to_say', trained: 'yes' } },
    { answers: { trained: 'no' } },
    { answers: { sex: 'male', note: 'text is not counted', support: 9, grade: 'retired', topics: ['hiv', 'hiv'] } },
  ];
  const r = aggregate(form, rows);

  it.each<[string, () => unknown, unknown]>([
    ['total', () => r.total, 6],
    ['responses by sex, with no sex as "not stated"', () => r.bySex, bySex({ female: 2, male: 2, prefer_not_to_say: 1, not_stated: 1 })],
    ['yes/no categories', () => choice(r, 'trained').categories, ['yes', 'no']],
    ['yes by sex', () => choice(r, 'trained').counts[0], bySex({ female: 1, male: 1, prefer_not_to_say: 1 })],
    ['no by sex', () => choice(r, 'trained').counts[1], bySex({ female: 1, not_stated: 1 })],
    ['likert points 1..5', () => choice(r, 'support').categories, ['1', '2', '3', '4', '5']],
    ['likert "agree" (4) by sex', () => choice(r, 'support').counts[3], bySex({ female: 1, male: 1 })],
    ['a likert value out of range is left out', () => choice(r, 'support').answered, bySex({ female: 2, male: 1 })],
    ['an unknown option is left out', () => choice(r, 'grade').answered, bySex({ female: 1, male: 1 })],
    ['multi: each option chosen counts once per respondent', () => choice(r, 'topics').counts, [bySex({ female: 1, male: 1 }), bySex({ female: 2 }), bySex({})]],
    ['multi: answered counts respondents, not choices', () => choice(r, 'topics').answered, bySex({ female: 2, male: 1 })],
    ['integers summed by sex', () => number(r, 'women_reached').sums, bySex({ female: 150 })],
    ['numbers summed by sex, negatives included', () => number(r, 'funding').sums, bySex({ female: 1000.5, male: -0.5 })],
    ['numbers: who answered', () => number(r, 'funding').answered, bySex({ female: 1, male: 1 })],
    ['text, years and the sex question are neither charted nor summed', () => r.questions.map((q) => q.questionId), ['trained', 'support', 'grade', 'topics', 'women_reached', 'funding']],
  ])('%s', (_what, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('is valid for the results schema (what the server sends)', () => {
    expect(FormResultsSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('gives the same result fed one by one, with result() read in between', () => {
    const accumulator = createAccumulator(form);
    rows.slice(0, 3).forEach((row) => accumulator.add(row));
    const partial = accumulator.result();
    rows.slice(3).forEach((row) => accumulator.add(row));
    expect(accumulator.result()).toEqual(r);
    expect(partial.total).toBe(3);
  });

  it('is all zeros with no responses', () => {
    const empty = aggregate(form, []);
    expect(empty.total).toBe(0);
    expect(empty.questions.every((q) => (q.kind === 'choice' ? q.counts.flat() : q.sums).every((v) => v === 0))).toBe(true);
  });
});

describe('aggregate against counts made independently', () => {
  it.each(FORMS.map((f) => [f.id, f] as const))('%s: 300 varied responses', (_id, f) => {
    const submissions = variedSubmissions(f, 300, 17);
    const r = aggregate(f, submissions);
    const sexOf = (a: Record<string, unknown>) => (SEX_KEYS.includes(a.sex as never) ? (a.sex as string) : 'not_stated');
    expect(r.bySex).toEqual(SEX_KEYS.map((k) => submissions.filter((s) => sexOf(s.answers) === k).length));
    for (const q of questionsOf(f)) {
      const result = r.questions.find((x) => x.questionId === q.id);
      if (!result) continue;
      for (const [k, sex] of SEX_KEYS.entries()) {
        const mine = submissions.filter((s) => sexOf(s.answers) === sex && s.answers[q.id] !== undefined);
        expect(result.answered[k]).toBe(mine.length);
        if (result.kind === 'number') {
          expect(result.sums[k]).toBeCloseTo(mine.reduce((sum, s) => sum + (s.answers[q.id] as number), 0), 6);
          continue;
        }
        result.categories.forEach((code, c) => {
          const picked = mine.filter((s) => {
            const v = s.answers[q.id];
            return Array.isArray(v) ? (v as unknown[]).includes(code) : String(v) === code;
          });
          expect(result.counts[c]![k]).toBe(picked.length);
        });
      }
    }
  });
});
