// Model → XLSForm → import gives the identical definition (same content hash, so publishing it
// again is `200 unchanged`): the four built-in forms, a rich imported XLSForm, and the original
// format's rules, bounds and types written in Fieldbook's own spellings.
import { describe, expect, it } from 'vitest';
import { FORMS } from '../../../src/forms/index';
import { addToHistory, checkPublication, contentText } from '../../../src/forms/publish-checks';
import { FormSchema, type Form, type FormInput } from '../../../src/forms/schema';
import { importXlsForm } from '../../../src/forms/xlsform';
import { formToSheets, formToXlsx } from '../../../src/forms/xlsform/write';
import { buildXlsx } from '../../helpers/xlsx';
import { importForm, importProblems } from './fixtures';
import { RICH_SHEETS } from './rich-form';

const parseForm = (input: FormInput) => FormSchema.parse(input);

/** Writes a form and imports it back. */
async function roundTrip(form: Form): Promise<Form> {
  const back = await importXlsForm(formToXlsx(form));
  if (!back.ok) throw new Error(`refused: ${JSON.stringify(back.problems, null, 1)}`);
  return back.form;
}

/** What the server decides for the re-imported form against a history of the original alone. */
function publishAgain(original: Form, again: Form) {
  const types = new Map();
  addToHistory(types, original);
  const hash = (text: string) => text;
  const { version: _v, ...input } = again;
  return checkPublication(input, { latestVersion: original.version, latestHash: contentText(original), questionTypes: types }, hash);
}

describe('XLSForm export round trip', () => {
  it.each(FORMS.map((f) => [f.id, f] as const))('%s: written and imported back, identical and unchanged', async (_id, form) => {
    const back = await roundTrip(form);
    expect(contentText(back)).toBe(contentText(form));
    expect(publishAgain(form, back)).toEqual({ ok: true, unchanged: true, version: 1 });
  });

  it('writes the built-in forms in English only, as stored, with their original types and rules spelled for Fieldbook', () => {
    const gender = FORMS.find((f) => f.id === 'gender-sensitivity')!;
    const [survey, choices, settings] = formToSheets(gender);
    const header = survey!.rows[0]!;
    expect(header.filter((h) => h.startsWith('label'))).toEqual(['label']);
    const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, survey!.rows.find((r) => r[1] === name)![i]]));
    expect(row('region')).toMatchObject({ type: 'select_one region', relevant: '{"question":"duty_station","equals":"field"}' });
    expect(row('years_of_service')).toMatchObject({ type: 'integer', min: '0', max: '60' });
    expect(row('is_gender_focal_point')).toMatchObject({ type: 'yesno' });
    expect(row('view_mainstreaming_automatic')).toMatchObject({ type: 'likert' });
    expect(row('about_you')).toMatchObject({ type: 'begin_group', label: 'About you' });
    expect(choices!.rows).toContainEqual(['sex', 'female', 'Female']);
    expect(settings!.rows).toEqual([['form_id', 'form_title'], ['gender-sensitivity', gender.title as string]]);
  });

  it('locations (geopoint, geotrace, geoshape, with a required, a hint and a constraint) come back identical', async () => {
    const { form } = await importForm([
      ['type', 'name', 'label', 'hint', 'required', 'constraint'],
      ['geopoint', 'where', 'Where are you?', 'Stand outside', 'yes', ''],
      ['geotrace', 'road', 'The road', '', '', ''],
      ['geoshape', 'plot', 'The plot', '', '', "selected(\${where}, '0') = false()"],
    ]);
    expect(form.sections[0]!.questions.map((q) => q.type)).toEqual(['geopoint', 'geotrace', 'geoshape']);
    const [survey] = formToSheets(form);
    expect(survey!.rows.map((r) => r[0])).toEqual(['type', 'geopoint', 'geotrace', 'geoshape']);
    const back = await roundTrip(form);
    expect(contentText(back)).toBe(contentText(form));
    expect(publishAgain(form, back)).toEqual({ ok: true, unchanged: true, version: 1 });
  });

  it('a rich XLSForm (groups, notes, calculate, constraints, choice_filter, or_other, three languages with Arabic, appearances) comes back identical', async () => {
    const { form } = await importForm([...RICH_SHEETS.survey!], [...RICH_SHEETS.choices!], [...RICH_SHEETS.settings!]);
    expect(form.languages).toEqual(['en', 'fr', 'ar']);
    expect(form.sections.map((s) => s.id)).toEqual(['part_1', 'household', 'place']);
    const back = await roundTrip(form);
    expect(contentText(back)).toBe(contentText(form));
    expect(publishAgain(form, back)).toEqual({ ok: true, unchanged: true, version: 1 });
    // Written loose, as the author had them; the or_other question and choice are not written twice.
    const survey = formToSheets(form)[0]!.rows;
    expect(survey[1]!.slice(0, 2)).toEqual(['start', 'started']);
    expect(survey.map((r) => r[1])).not.toContain('sector_other');
    expect(survey.find((r) => r[1] === 'sector')![0]).toBe('select_one sector or_other');
    expect(survey[0]).toContain('label::العربية (ar)');
  });

  it('the bytes are the same each time the same form is written', () => {
    const form = FORMS[0]!;
    expect(Buffer.from(formToXlsx(form)).equals(Buffer.from(formToXlsx(form)))).toBe(true);
  });

  it('the original format: rules with numbers, includes and oneOf, decimal bounds, shared and clashing lists, longtext with and without multiline', async () => {
    const input: FormInput = {
      id: 'original-format',
      version: 1,
      title: 'Original format',
      sections: [
        {
          id: 'only',
          title: 'Only',
          questions: [
            { id: 'sex', type: 'single', label: 'Sex', required: true, options: [{ id: 'female', label: 'Female' }, { id: 'male', label: 'Male' }] },
            { id: 'age', type: 'integer', label: 'Age', min: 15, max: 99 },
            { id: 'share', type: 'number', label: 'Share', min: 0.5, max: 99.75, relevant: { question: 'age', equals: 30 } },
            { id: 'tools', type: 'multi', label: 'Tools', listName: 'kit', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], max: 2 },
            { id: 'more_tools', type: 'multi', label: 'More tools', listName: 'kit', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
            { id: 'other_kit', type: 'single', label: 'Other kit', listName: 'kit', options: [{ id: 'c', label: 'C' }] },
            { id: 'why_a', type: 'longtext', label: 'Why A?', relevant: { question: 'tools', includes: 'a' } },
            { id: 'why_b', type: 'longtext', label: 'Why B?', appearance: 'multiline', relevant: { question: 'age', oneOf: [20, '21'] } },
            { id: 'agree', type: 'likert', label: 'Agree?', hint: 'Five points' },
            { id: 'ok', type: 'yesno', label: 'OK?', required: true },
          ],
        },
      ],
    };
    const form = parseForm(input);
    const back = await roundTrip(form);
    expect(back.sections[0]!.questions.find((q) => q.id === 'other_kit')!.listName).toBe('kit_2');
    // The clashing list is the one thing that cannot come back as it was: kit_2.
    const fixed = parseForm({ ...input, sections: [{ ...input.sections[0]!, questions: input.sections[0]!.questions.map((q) => (q.id === 'other_kit' ? { ...q, listName: 'kit_2' } : q)) }] });
    expect(contentText(back)).toBe(contentText(fixed));
  });

  it('a JSON form with texts in several languages but no `languages` keeps every text, and gains `languages`', async () => {
    const form = parseForm({
      id: 'bilingual',
      version: 1,
      title: 'Bilingual',
      sections: [{ id: 'one', title: { en: 'One', fr: 'Un' }, questions: [{ id: 'q', type: 'yesno', label: { fr: 'Oui ?', en: 'Yes?' }, hint: { en: 'Say it' } }] }],
    });
    const back = await roundTrip(form);
    expect(back.languages).toEqual(['en', 'fr']);
    expect(back.sections[0]).toEqual({ id: 'one', title: { en: 'One', fr: 'Un' }, questions: [{ id: 'q', type: 'yesno', label: { en: 'Yes?', fr: 'Oui ?' }, hint: { en: 'Say it' } }] });
  });
});

describe('what the importer reads for the export', () => {
  it('a rule relevance, bounds and the yesno, likert and longtext types', async () => {
    const { form } = await importForm([
      ['type', 'name', 'label', 'relevant', 'min', 'max'],
      ['yesno', 'ok', 'OK?', '', '', ''],
      ['integer', 'n', 'How many?', '{"question":"ok","equals":"yes"}', '1', '10.5'],
      ['likert', 'agree', 'Agree?', '', '', ''],
      ['longtext', 'notes', 'Notes', '', '', '200'],
    ]);
    expect(form.sections[0]!.questions).toEqual([
      { id: 'ok', type: 'yesno', label: 'OK?' },
      { id: 'n', type: 'integer', label: 'How many?', relevant: { question: 'ok', equals: 'yes' }, min: 1, max: 10.5 },
      { id: 'agree', type: 'likert', label: 'Agree?' },
      { id: 'notes', type: 'longtext', label: 'Notes', max: 200 },
    ]);
  });

  it('refuses a relevance starting with { that is no rule, and a bound that is not a number, at their cells', async () => {
    const problems = await importProblems([
      ['type', 'name', 'label', 'relevant', 'min'],
      ['integer', 'n', 'N', '{"question":"n"}', 'ten'],
    ]);
    expect(problems).toEqual([
      { sheet: 'survey', row: 2, column: 'relevant', message: expect.stringContaining('is not a rule such as') },
      { sheet: 'survey', row: 2, column: 'min', message: '`min` must be a number, not `ten`' },
    ]);
  });

  it('keeps listName only when the list is not named like its question', async () => {
    const { form } = await importForm(
      [
        ['type', 'name', 'label'],
        ['select_one colour', 'colour', 'Colour'],
        ['select_one colour', 'paint', 'Paint'],
      ],
      [
        ['list_name', 'name', 'label'],
        ['colour', 'red', 'Red'],
      ],
    );
    const [colour, paint] = form.sections[0]!.questions;
    expect(colour).not.toHaveProperty('listName');
    expect(paint).toMatchObject({ listName: 'colour' });
    const xlsx = buildXlsx({ survey: formToSheets(form)[0]!.rows, choices: formToSheets(form)[1]!.rows, settings: formToSheets(form)[2]!.rows });
    const back = await importXlsForm(xlsx);
    expect(back.ok && contentText(back.form)).toBe(contentText(form));
  });
});
