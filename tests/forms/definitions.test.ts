// The built-in forms against PRODUCT.md section 3 and the seed report's own wording.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genderSensitivity } from '../../src/forms/definitions/gender-sensitivity';
import { gfpConstraints } from '../../src/forms/definitions/gfp-constraints';
import { projectQuestionnaire } from '../../src/forms/definitions/project-questionnaire';
import { workshopFeedback } from '../../src/forms/definitions/workshop-feedback';
import { FORMS, findForm } from '../../src/forms/index';
import { parseForm } from '../../src/forms/load';
import { SEX_OPTION_IDS, questionsOf, type Form, type Question, type RelevantRule, type Text } from '../../src/forms/schema';

const DEFINITIONS = [projectQuestionnaire, genderSensitivity, workshopFeedback, gfpConstraints];
// The seed report lives in ../shared beside the project; a copy is kept in fixtures so the test
// runs in any clone, and the copy is checked against the original wherever that is present.
const SHARED_SEED = resolve(process.cwd(), '../shared/seed/000_86a915b518447f49.txt');
const SEED_PATH = resolve(process.cwd(), 'tests/fixtures/seed-report.txt');

it('the fixture copy of the seed report matches the shared original', () => {
  if (!existsSync(SHARED_SEED)) return;
  expect(readFileSync(SEED_PATH, 'utf8')).toBe(readFileSync(SHARED_SEED, 'utf8'));
});

function english(text: Text | undefined): string {
  return text === undefined ? '' : typeof text === 'string' ? text : text['en']!;
}

function form(id: string): Form {
  const found = findForm(id);
  if (!found) throw new Error(`no built-in form "${id}"`);
  return found;
}

function question(formId: string, id: string): Question {
  const found = questionsOf(form(formId)).find((q) => q.id === id);
  if (!found) throw new Error(`no question "${id}" in "${formId}"`);
  return found;
}

/** The values a question's answer can take, where they are few enough to list. */
function possibleValues(q: Question): (string | number)[] | undefined {
  if (q.type === 'yesno') return ['yes', 'no'];
  if (q.type === 'likert') return [1, 2, 3, 4, 5];
  if (q.type === 'single' || q.type === 'multi') return (q.options ?? []).map((o) => o.id);
  return undefined;
}

/** Annex II's numbered items, markdown and line breaks undone, each split into sentences. */
function annexQuestions(): Map<number, string[]> {
  const text = readFileSync(SEED_PATH, 'utf8');
  const annex = text.slice(text.indexOf('Annex II'));
  const items = new Map<number, string[]>();
  for (const match of annex.matchAll(/^- (\d)\. (.+)$/gm)) {
    const wording = (match[2] ?? '').replace(/\*\*(.+?)\*\*/g, '$1').replace(/\s+/g, ' ').trim();
    items.set(Number(match[1]), wording.split(/(?<=[?.!])\s+/));
  }
  return items;
}

describe('built-in forms', () => {
  it('lists the four forms in home-screen order', () => {
    expect(FORMS.map((f) => f.id)).toEqual(['project-questionnaire', 'gender-sensitivity', 'workshop-feedback', 'gfp-constraints']);
  });

  it.each(DEFINITIONS.map((d) => [d.id, d] as const))('%s parses unchanged at version 1', (_id, definition) => {
    const parsed = parseForm(definition);
    expect(parsed).toEqual(definition);
    expect(parsed.version).toBe(1);
  });

  describe.each(FORMS.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const questions = questionsOf(f);

    it('asks the respondent\'s sex, required, with the four options in order', () => {
      const sex = questions.find((q) => q.id === 'sex');
      expect(sex?.type).toBe('single');
      expect(sex?.required).toBe(true);
      expect(sex?.options?.map((o) => o.id)).toEqual([...SEX_OPTION_IDS]);
    });

    it('uses each question id and each section id once, all snake_case', () => {
      const ids = questions.map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      const sections = f.sections.map((s) => s.id);
      expect(new Set(sections).size).toBe(sections.length);
      for (const id of [...ids, ...sections]) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    });

    it('bases every condition on an earlier question and on a value it can take', () => {
      questions.forEach((q, index) => {
        if (!q.relevant || typeof q.relevant === 'string') return;
        const rule = q.relevant;
        const target = questions.slice(0, index).find((earlier) => earlier.id === rule.question);
        expect(target, `${q.id} depends on an earlier question`).toBeDefined();
        const possible = target && possibleValues(target);
        const wanted = 'equals' in rule ? [rule.equals] : 'includes' in rule ? [rule.includes] : rule.oneOf;
        if (possible) for (const value of wanted) expect(possible, `${q.id} waits for ${String(value)}`).toContain(value);
      });
    });

    it('asks for details whenever a multi question offers "other"', () => {
      for (const q of questions.filter((x) => x.type === 'multi' && x.options?.some((o) => o.id === 'other'))) {
        const followUp = questions.find((x) => typeof x.relevant === 'object' && 'includes' in x.relevant && x.relevant.question === q.id && x.relevant.includes === 'other');
        expect(followUp?.type, `follow-up of ${q.id}`).toBe('text');
      }
    });

    it('gives every question and option a non-empty English text', () => {
      for (const q of questions) {
        expect(english(q.label).trim()).not.toBe('');
        for (const o of q.options ?? []) expect(english(o.label).trim()).not.toBe('');
      }
    });
  });
});

describe('project-questionnaire and Annex II', () => {
  const annex = annexQuestions();
  const questions = questionsOf(form('project-questionnaire'));

  it('finds the eight questions of Annex II in the seed report', () => {
    expect([...annex.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(annex.get(5)).toEqual([
      'Do you think there was a balanced impact on men and women in your project?',
      'If so, what was the relationship between the two?',
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('keeps every sentence of question %i verbatim in its own labels', (n) => {
    const labels = questions.filter((q) => q.id.startsWith(`q${n}_`)).map((q) => english(q.label));
    const sentences = annex.get(n) ?? [];
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(labels.some((label) => label.includes(sentence)), sentence).toBe(true);
  });

  it.each([
    ['q1_raised_awareness', 'q1_how'],
    ['q2_further_activities', 'q2_which'],
    ['q3_encouraged', 'q3_encouraged_how'],
    ['q3_constraints', 'q3_constraints_which'],
    ['q5_balanced_impact', 'q5_relationship'],
    ['q6_enhanced_capacity', 'q6_capacity_how'],
    ['q6_network_increased', 'q6_network_with_whom'],
    ['q8_more_data', 'q8_which_data'],
  ])('splits %s into a yes/no part and a follow-up shown on yes', (yesNoId, followUpId) => {
    expect(question('project-questionnaire', yesNoId).type).toBe('yesno');
    const followUp = question('project-questionnaire', followUpId);
    expect(followUp.type).toBe('longtext');
    expect(followUp.relevant).toEqual({ question: yesNoId, equals: 'yes' });
  });

  it('keeps question 4 open and asks why for question 7 either way', () => {
    expect(questions.filter((q) => q.id.startsWith('q4_')).map((q) => q.type)).toEqual(['longtext']);
    expect(question('project-questionnaire', 'q7_why').relevant).toEqual({ question: 'q7_successful', oneOf: ['yes', 'no'] });
  });

  it('places the project context before the Annex II questions', () => {
    const ids = questions.map((q) => q.id);
    const context = ['project_title', 'mission', 'region', 'reporting_year', 'funding_usd', 'constraints_encountered', 'respondent_role', 'sex', 'women_reached', 'men_reached'];
    expect(ids.slice(0, context.length)).toEqual(context);
  });
});

describe('fields and bounds PRODUCT.md asks for', () => {
  it.each([
    ['project-questionnaire', 'reporting_year', 'integer', 1990, 2100],
    ['project-questionnaire', 'funding_usd', 'number', 0, undefined],
    ['project-questionnaire', 'women_reached', 'integer', 0, undefined],
    ['project-questionnaire', 'men_reached', 'integer', 0, undefined],
    ['gender-sensitivity', 'years_of_service', 'integer', 0, 60],
    ['gfp-constraints', 'working_time_percent', 'integer', 0, 100],
    ['workshop-feedback', 'workshop_date', 'date', undefined, undefined],
  ] as const)('%s.%s is %s within [%s, %s]', (formId, id, type, min, max) => {
    const q = question(formId, id);
    expect([q.type, q.min, q.max]).toEqual([type, min, max]);
  });

  it.each([
    ['gender-sensitivity', 'grade', ['senior', 'middle', 'junior']],
    ['gender-sensitivity', 'duty_station', ['headquarters', 'field']],
    ['workshop-feedback', 'grade', ['senior', 'middle', 'junior']],
    ['workshop-feedback', 'role', ['staff', 'government_counterpart', 'ngo', 'other']],
  ] as const)('%s.%s offers %j', (formId, id, options) => {
    expect(question(formId, id).options?.map((o) => o.id)).toEqual(options);
  });

  it('offers the Istanbul workshop topics for future sessions', () => {
    const labels = (question('workshop-feedback', 'future_topics').options ?? []).map((o) => english(o.label));
    for (const topic of ['HIV/AIDS', 'Counter-trafficking', 'Integration', 'Post-conflict activities', 'Unaccompanied minors', 'The male migrant perspective', 'Gender budgeting', 'Other']) {
      expect(labels).toContain(topic);
    }
  });

  it('keeps the three workshop fields the app carries from one participant to the next', () => {
    const ids = questionsOf(form('workshop-feedback')).map((q) => q.id);
    expect(ids.slice(0, 3)).toEqual(['workshop_name', 'workshop_date', 'workshop_place']);
  });

  it.each([
    ['gender-sensitivity', 7],
    ['workshop-feedback', 3],
    ['gfp-constraints', 1],
  ] as const)('%s rates %i statements on the likert scale', (formId, count) => {
    expect(questionsOf(form(formId)).filter((q) => q.type === 'likert')).toHaveLength(count);
  });

  it('rates the three aims of the May workshop in the report\'s words', () => {
    const labels = questionsOf(form('workshop-feedback')).filter((q) => q.type === 'likert').map((q) => english(q.label));
    expect(labels.join(' ')).toContain('sensitivity to gender issues in general');
    expect(labels.join(' ')).toContain('hands-on insight into gender mainstreaming from a regional perspective');
    expect(labels.join(' ')).toContain('issues and challenges for professional women in the public sector');
  });

  it.each([
    ['gender-sensitivity', 'gender_training', 'gender_training_details'],
    ['gender-sensitivity', 'duty_station', 'region'],
    ['workshop-feedback', 'role', 'role_other'],
    ['gfp-constraints', 'gfp_training', 'gfp_training_details'],
    ['gfp-constraints', 'regional_network', 'regional_network_name'],
  ] as const)('%s shows %s details only when they apply', (formId, parentId, childId) => {
    expect((question(formId, childId).relevant as RelevantRule | undefined)?.question).toBe(parentId);
  });
});
