// The compiled checks the server tries first must never accept what zod refuses, and should
// agree with zod everywhere but on the few odd inputs they leave to it (then the server asks
// zod). Driven over every question of every form, and of a form with every type and rule.
import { describe, expect, it } from 'vitest';
import { answerSchema, validateAnswers } from '../../src/forms/answers';
import { checkAgainstForm } from '../../src/forms/check';
import { compileFastAnswerCheck } from '../../src/forms/fast-answers';
import { usesOnlyOriginalRules } from '../../src/forms/logic';
import { fastAcceptsShape } from '../../src/forms/fast-submission';
import { FORMS, findForm } from '../../src/forms/index';
import { parseForm } from '../../src/forms/load';
import type { Answers } from '../../src/forms/relevance';
import type { Form } from '../../src/forms/schema';
import { SubmissionSchema } from '../../src/forms/submission';
import { EVERY_TYPE, definitionWith } from '../fixtures/forms';
import { MEDIA_FORM, PHOTO } from '../fixtures/media-form';
import { makeSubmission } from '../fixtures/submissions';
import { answerCases, envelopeCases, mixedAnswers, validationCases } from '../fixtures/validation-cases';

/** Skip logic of every kind, chained, with bounds on a multi's count and a text's length. */
const RULES: Form = parseForm(
  definitionWith([
    { id: 'visits', type: 'integer', label: 'Visits', min: -5, max: 5 },
    { id: 'when', type: 'date', label: 'When', required: true, relevant: { question: 'visits', oneOf: [1, 2, 3] } },
    { id: 'score', type: 'number', label: 'Score', relevant: { question: 'visits', equals: 0 } },
    { id: 'kind', type: 'single', label: 'Kind', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'kind_a', type: 'text', label: 'About A', min: 3, max: 5, required: true, relevant: { question: 'kind', oneOf: ['a'] } },
    { id: 'kind_a_more', type: 'longtext', label: 'More about A', relevant: { question: 'kind_a', equals: 'abc' } },
    {
      id: 'tags',
      type: 'multi',
      label: 'Tags',
      min: 2,
      max: 3,
      options: [{ id: 't1', label: 'T1' }, { id: 't2', label: 'T2' }, { id: 't3', label: 'T3' }, { id: 't4', label: 'T4' }],
    },
    { id: 'tags_t4', type: 'yesno', label: 'T4?', required: true, relevant: { question: 'tags', includes: 't4' } },
    { id: 'mood', type: 'likert', label: 'Mood', relevant: { question: 'tags_t4', equals: 'yes' } },
  ]),
);

const TEST_FORMS: readonly Form[] = [...FORMS, EVERY_TYPE, RULES];

describe.each(TEST_FORMS.map((form) => [form.id, form] as const))('compiled answer check of %s', (_id, form) => {
  const fast = compileFastAnswerCheck(form);
  const schema = answerSchema(form);

  it('agrees with answerSchema on every question type, bound and rule', () => {
    const cases = answerCases(form);
    let accepted = 0;
    for (const c of cases) {
      const zod = schema.safeParse(c.answers).success;
      const quick = fast(c.answers as Answers);
      // Answers alone are not where the odd cases are declined (the shape check does it): never more lenient than zod.
      if (c.leftToZod) expect(quick && !zod, c.name).toBe(false);
      else expect(quick, c.name).toBe(zod);
      if (zod) accepted++;
    }
    // The table is not all refusals: plenty of its variants are valid.
    expect(accepted).toBeGreaterThan(20);
  });

  it('agrees with answerSchema on random mixes of valid and invalid answers', () => {
    const mixes = mixedAnswers(form, 2_000);
    let accepted = 0;
    for (const [i, answers] of mixes.entries()) {
      const zod = schema.safeParse(answers).success;
      expect(fast(answers as Answers), `mix #${i}: ${JSON.stringify(answers)}`).toBe(zod);
      if (zod) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('compiled submission shape check', () => {
  it.each(['workshop-feedback', 'project-questionnaire'])('agrees with SubmissionSchema around a valid %s submission', (formId) => {
    for (const c of envelopeCases(formId)) {
      const zod = SubmissionSchema.safeParse(c.input).success;
      if (c.leftToZod) expect(fastAcceptsShape(c.input), c.name).toBe(false);
      else expect(fastAcceptsShape(c.input), c.name).toBe(zod);
    }
  });

  it('accepts only what SubmissionSchema gives back unchanged', () => {
    for (const c of envelopeCases('gfp-constraints')) {
      if (!fastAcceptsShape(c.input)) continue;
      expect(SubmissionSchema.parse(c.input), c.name).toEqual(c.input);
    }
  });
});

describe('the fast verdict on whole submissions', () => {
  it.each(TEST_FORMS.filter((f) => findForm(f.id, f.version) === f).map((f) => [f.id, f] as const))('matches checkAgainstForm for %s', (_id, form) => {
    const cases = validationCases(form);
    for (const c of cases) {
      const input = c.input;
      const zod = checkAgainstForm(input).ok;
      const shaped = fastAcceptsShape(input);
      const target = shaped ? findForm(input.formId, input.formVersion) : undefined;
      const quick = shaped && target !== undefined && compileFastAnswerCheck(target)(input.answers);
      if (c.leftToZod) expect(quick, c.name).toBe(false);
      else expect(quick, c.name).toBe(zod);
    }
  });
});

describe('forms load.ts would refuse, compiled all the same', () => {
  // Built by hand: parseForm refuses a rule on a later question, but the check must still follow zod.
  const base = definitionWith([
    { id: 'early', type: 'text', label: 'Early', relevant: { question: 'late', equals: 'x' } },
    { id: 'itself', type: 'text', label: 'Itself', relevant: { question: 'itself', equals: 'x' } },
    { id: 'late', type: 'text', label: 'Late' },
  ]) as Form;

  it.each<[string, Answers]>([
    ['nothing but sex', { sex: 'female' }],
    ['the later question answered', { sex: 'female', late: 'x' }],
    ['a question shown by a later answer', { sex: 'female', late: 'x', early: 'y' }],
    ['a question shown by its own answer', { sex: 'female', itself: 'x' }],
  ])('%s', (_name, answers) => {
    expect(compileFastAnswerCheck(base)(answers)).toBe(answerSchema(base).safeParse(answers).success);
  });
});

describe('forms the compiled check leaves to zod', () => {
  it('never vouches for answers to a question named after an inherited property', () => {
    const form = parseForm(definitionWith([{ id: 'constructor', type: 'text', label: 'Constructor' }]));
    expect(answerSchema(form).safeParse({ sex: 'female' }).success).toBe(false);
    expect(compileFastAnswerCheck(form)({ sex: 'female' })).toBe(false);
    expect(compileFastAnswerCheck(form)({ sex: 'female', constructor: 'x' })).toBe(false);
  });

  it('never vouches for a form with a question id longer than an answer key may be', () => {
    const id = `q${'x'.repeat(100)}`;
    const form = parseForm(definitionWith([{ id, type: 'text', label: 'Long' }]));
    // The submission schema refuses the key itself, whatever answerSchema makes of it.
    expect(SubmissionSchema.safeParse({ ...makeSubmission(), answers: { sex: 'female', [id]: 'x' } }).success).toBe(false);
    expect(compileFastAnswerCheck(form)({ sex: 'female', [id]: 'x' })).toBe(false);
    expect(compileFastAnswerCheck(form)({ sex: 'female' })).toBe(false);
  });
});

/** XLSForm's logic: expressions for relevance, required, constraints, a calculation, a group, a choice filter. */
const EXPRESSIONS: Form = parseForm(
  definitionWith([
    { id: 'age', type: 'integer', label: 'Age', required: true, constraint: '. < 120', constraintMessage: 'Too old' },
    { id: 'job', type: 'text', label: 'Job', relevant: '${age} >= 18', required: '${age} < 65', requiredMessage: 'Job?' },
    { id: 'decade', type: 'calculate', calculation: 'int(${age} div 10)' },
    { id: 'adult', type: 'group', label: 'Adults', relevant: '${decade} >= 2', questions: [{ id: 'kids', type: 'integer', label: 'Kids', constraint: '. <= 20' }] },
    { id: 'region', type: 'single', label: 'Region', options: [{ id: 'north', label: 'N' }, { id: 'south', label: 'S' }] },
    { id: 'district', type: 'single', label: 'District', choiceFilter: 'region = ${region}', options: [{ id: 'n1', label: 'N1', data: { region: 'north' } }, { id: 's1', label: 'S1', data: { region: 'south' } }] },
    { id: 'at', type: 'time', label: 'At' },
    { id: 'seen', type: 'acknowledge', label: 'Seen' },
    { id: 'where', type: 'geopoint', label: 'Where', required: '${age} > 30' },
    { id: 'road', type: 'geotrace', label: 'Road' },
    { id: 'plot', type: 'geoshape', label: 'Plot', relevant: "selected(${where}, '12.5')" },
  ]),
);

describe('a form with a location and no expression', () => {
  it('is left to the schema, which judges the location', () => {
    const form = parseForm(definitionWith([{ id: 'where', type: 'geopoint', label: 'Where' }]));
    const fast = compileFastAnswerCheck(form);
    const schema = answerSchema(form);
    expect(fast({ sex: 'female', where: '12.5 -1.25' })).toBe(false);
    expect(schema.safeParse({ sex: 'female', where: '12.5 -1.25' }).success).toBe(true);
    expect(schema.safeParse({ sex: 'female', where: '95 -1.25' }).success).toBe(false);
  });
});

describe('a form with media questions', () => {
  it('is left to the schema, even for answers that name no file', () => {
    const form = parseForm(definitionWith([{ id: 'photo', type: 'image', label: 'Photo' }]));
    expect(usesOnlyOriginalRules(form)).toBe(false);
    expect(usesOnlyOriginalRules(MEDIA_FORM)).toBe(false);
    const schema = answerSchema(form);
    for (const answers of [{ sex: 'female' }, { sex: 'female', photo: PHOTO.name }] as Answers[]) {
      expect(schema.safeParse(answers).success).toBe(true);
      expect(compileFastAnswerCheck(form)(answers)).toBe(false);
      expect(compileFastAnswerCheck(MEDIA_FORM)(answers)).toBe(false);
    }
  });
});

describe('a form with expressions', () => {
  const fast = compileFastAnswerCheck(EXPRESSIONS);
  const schema = answerSchema(EXPRESSIONS);

  it('is left to the schema, which agrees with the device\'s validateAnswers on every case', () => {
    let accepted = 0;
    for (const c of answerCases(EXPRESSIONS)) {
      expect(fast(c.answers as Answers), c.name).toBe(false);
      const zod = schema.safeParse(c.answers).success;
      const device = Object.keys(validateAnswers(EXPRESSIONS, c.answers as Answers)).length === 0;
      // The odd keys (`__proto__` …) are the schema's alone to judge, as above.
      if (!c.leftToZod) expect(zod, c.name).toBe(device);
      if (zod) accepted++;
    }
    expect(accepted).toBeGreaterThan(10);
  });
});
