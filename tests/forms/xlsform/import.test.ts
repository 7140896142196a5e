// The XLSForm importer, column by column and quirk by quirk, on .xlsx files built here.
import { describe, expect, it } from 'vitest';
import { questionsOf, type Question } from '../../../src/forms/schema';
import { ResponseState } from '../../../src/forms/logic';
import { importXlsForm } from '../../../src/forms/xlsform';
import { importForm, importProblems, importRows } from './fixtures';

const YES_NO = [
  ['list_name', 'name', 'label'],
  ['yes_no', 'yes', 'Yes'],
  ['yes_no', 'no', 'No'],
];

function find(form: { sections: { questions: Question[] }[] }, id: string): Question {
  const all: Question[] = [];
  const walk = (items: Question[]) => items.forEach((q) => (all.push(q), q.questions && walk(q.questions)));
  form.sections.forEach((s) => walk(s.questions));
  const q = all.find((x) => x.id === id);
  if (!q) throw new Error(`no ${id}`);
  return q;
}

describe('importXlsForm reads', () => {
  it('a minimal form, its id made kebab-case and its title', async () => {
    const { form, warnings } = await importForm([['type', 'name', 'label'], ['text', 'name', 'Your name']], undefined, [['form_id', 'form_title'], ['HouseholdSurvey_v2', 'Household survey']]);
    expect(form.id).toBe('household-survey-v2');
    expect(form.title).toBe('Household survey');
    expect(questionsOf(form).map((q) => [q.id, q.type, q.label])).toEqual([['name', 'text', 'Your name']]);
    expect(warnings).toEqual([]);
  });

  it('sheet and column names in any case', async () => {
    const result = await importXlsForm(
      (await import('../../helpers/xlsx')).buildXlsx({
        SURVEY: [['TYPE', 'Name', 'LABEL'], ['Select_One yn', 'ok', 'OK?']],
        Choices: [['LIST_NAME', 'NAME', 'Label'], ['yn', 'y', 'Yes'], ['yn', 'n', 'No']],
        SETTINGS: [['FORM_ID'], ['caps']],
      }),
    );
    expect(result.ok && questionsOf(result.form)[0]).toMatchObject({ id: 'ok', type: 'single', options: [{ id: 'y' }, { id: 'n' }] });
  });

  it('skips blank and # comment rows, keeping row numbers', async () => {
    const problems = await importProblems([['type', 'name', 'label'], [], ['# a comment', 'x', 'y'], ['text', 'a', 'A'], [null, null, null], ['rank', 'code', 'Code']]);
    expect(problems).toEqual([{ sheet: 'survey', row: 6, column: 'type', message: 'type `rank` (a ranking) is not supported yet' }]);
  });

  it('numbers and dates Excel stored in cells that are text to the form', async () => {
    const { form } = await importForm(
      [['type', 'name', 'label', 'default'], ['select_one nums', 'n', 2024, 1], ['date', 'd', 'Day', new Date(Date.UTC(2024, 0, 2))], ['decimal', 'x', 'X', 0.3]],
      [['list_name', 'name', 'label'], ['nums', 1, 'One'], ['nums', 2, new Date(Date.UTC(2020, 4, 6))]],
    );
    expect(find(form, 'n')).toMatchObject({ label: '2024', default: '1', options: [{ id: '1', label: 'One' }, { id: '2', label: '2020-05-06' }] });
    expect(find(form, 'd').default).toBe('2024-01-02');
    expect(find(form, 'x').default).toBe('0.3');
  });

  it.each([
    ['select_one yes_no', 'single'],
    ['select one yes_no', 'single'],
    ['select one from yes_no', 'single'],
    ['select1 yes_no', 'single'],
    ['select_multiple yes_no', 'multi'],
    ['select all that apply yes_no', 'multi'],
    ['select all that apply from yes_no', 'multi'],
  ])('the type `%s`', async (type, expected) => {
    const { form } = await importForm([['type', 'name', 'label'], [type, 'q', 'Q']], YES_NO);
    expect(questionsOf(form)[0]).toMatchObject({ type: expected, listName: 'yes_no', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] });
  });

  it('`list name` with a space, and extra choice columns kept for choice_filter', async () => {
    const { form } = await importForm(
      [['type', 'name', 'label', 'choice_filter'], ['select_one c', 'region', 'Region', ''], ['select_one d', 'district', 'District', 'region = ${region}']],
      [['list name', 'name', 'label', 'region'], ['c', 'north', 'North'], ['c', 'south', 'South'], ['d', 'n1', 'N1', 'north'], ['d', 's1', 'S1', 'south']],
    );
    expect(find(form, 'district')).toMatchObject({ choiceFilter: 'region = ${region}', options: [{ id: 'n1', data: { region: 'north' } }, { id: 's1', data: { region: 'south' } }] });
  });

  it('or_other: an `other` choice and a `<name>_other` question shown when it is chosen', async () => {
    const { form } = await importForm([['type', 'name', 'label'], ['select_one yes_no or_other', 'q', 'Q']], YES_NO);
    expect(find(form, 'q')).toMatchObject({ orOther: true, options: [{ id: 'yes' }, { id: 'no' }, { id: 'other', label: 'Other' }] });
    expect(find(form, 'q_other')).toMatchObject({ type: 'text', relevant: "selected(${q}, 'other')" });
  });

  it('labels in any language and every spelling of their columns', async () => {
    const { form } = await importForm(
      [
        ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'label::العربية', 'hint:english', 'constraint message::English (en)'],
        ['integer', 'age', 'Age', 'Âge', 'العمر', 'In years', 'Too old'],
      ],
      undefined,
      [['form_id', 'default_language'], ['multi', 'Français (fr)']],
    );
    expect(form.languages).toEqual(['en', 'fr', 'ar']);
    expect(form.defaultLanguage).toBe('fr');
    expect(find(form, 'age')).toMatchObject({ label: { en: 'Age', fr: 'Âge', ar: 'العمر' }, hint: { en: 'In years' }, constraintMessage: { en: 'Too old' } });
  });

  it('a form in one language named by default_language: plain texts, the language known', async () => {
    const { form } = await importForm([['type', 'name', 'label'], ['text', 'n', 'الاسم']], undefined, [['form_id', 'default_language'], ['ar-form', 'Arabic (ar)']]);
    expect(form).toMatchObject({ languages: ['ar'], defaultLanguage: 'ar' });
    expect(find(form, 'n').label).toBe('الاسم');
  });

  it('a label without a language joins the default language', async () => {
    const { form } = await importForm([['type', 'name', 'label', 'label::Kiswahili'], ['text', 'n', 'Name', 'Jina']], undefined, [['form_id', 'default_language'], ['sw', 'English']]);
    expect(form.languages).toEqual(['en', 'sw']);
    expect(find(form, 'n').label).toEqual({ en: 'Name', sw: 'Jina' });
  });

  it('required, required_message, relevant, constraint, constraint_message, read_only, default, calculation', async () => {
    const { form } = await importForm([
      ['type', 'name', 'label', 'required', 'required message', 'relevant', 'constraint', 'constraint_message', 'read_only', 'default', 'calculation'],
      ['integer', 'age', 'Age', 'yes', 'Say the age', '', '. >= 0 and . < 120', 'Between 0 and 119', '', '30', ''],
      ['text', 'job', 'Job', '${age} >= 18', '', '${age} > 15', '', '', 'TRUE', '', ''],
      ['calculate', 'decade', '', '', '', '', '', '', '', '', 'int(${age} div 10)'],
      ['integer', 'kids', 'Children', 'no', '', '', '', '', 'false', '', ''],
    ]);
    expect(find(form, 'age')).toMatchObject({ required: true, requiredMessage: 'Say the age', constraint: '. >= 0 and . < 120', constraintMessage: 'Between 0 and 119', default: '30' });
    expect(find(form, 'job')).toMatchObject({ required: '${age} >= 18', relevant: '${age} > 15', readOnly: true });
    expect(find(form, 'decade')).toMatchObject({ type: 'calculate', calculation: 'int(${age} div 10)' });
    expect(find(form, 'kids').required).toBeUndefined();
    expect(find(form, 'kids').readOnly).toBeUndefined();
  });

  it("ODK's area(), distance(), checklist(), digest() … in calculations, evaluated as the device and the server do", async () => {
    const { form } = await importForm([
      ['type', 'name', 'label', 'calculation'],
      ['geoshape', 'plot', 'Plot', ''],
      ['text', 'code', 'Code', ''],
      ['calculate', 'size', '', 'round(area(${plot}))'],
      ['calculate', 'fence', '', 'round(distance(${plot}), 2)'],
      ['calculate', 'big', '', 'checklist(1, -1, ${size} > 1000, ${fence} > 100)'],
      ['calculate', 'hash', '', "digest(${code}, 'SHA-256', 'hex')"],
      ['calculate', 'v', '', 'version()'],
    ]);
    const state = new ResponseState(form, { plot: '0 0;0 0.001;0.001 0.001;0.001 0;0 0', code: 'abc' });
    expect(state.value('size')).toBe('12392'); // R² · Δλ · sin(0.001°)
    expect(state.value('fence')).toBe('445.28'); // 4 × 111.32 m
    expect(state.value('big')).toBe('true');
    expect(state.value('hash')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(state.value('v')).toBe(String(form.version));
  });

  it('every question type it supports', async () => {
    const types = [
      ['text', 'text'], ['string', 'text'], ['integer', 'integer'], ['int', 'integer'], ['decimal', 'number'], ['date', 'date'], ['time', 'time'],
      ['dateTime', 'datetime'], ['note', 'note'], ['acknowledge', 'acknowledge'], ['start', 'start'], ['end', 'end'], ['today', 'today'], ['deviceid', 'deviceid'], ['username', 'username'],
      ['geopoint', 'geopoint'], ['geotrace', 'geotrace'], ['geoshape', 'geoshape'],
    ];
    const { form } = await importForm([['type', 'name', 'label'], ...types.map(([t], i) => [t!, `q${i}`, ['start', 'end', 'today', 'deviceid', 'username'].includes(t!) ? null : `Q${i}`])]);
    const all = form.sections.flatMap((s) => s.questions);
    expect(all.map((q) => q.type)).toEqual(types.map(([, t]) => t));
  });

  it('curly quotes in expressions as straight ones (as pyxform), and names in any script', async () => {
    const { form, warnings } = await importForm([['type', 'name', 'label', 'relevant'], ['text', 'état', 'État', ''], ['text', 'pourquoi', 'Pourquoi ?', '${état} = \u2018non\u2019']]);
    expect(find(form, 'pourquoi').relevant).toBe("${état} = 'non'");
    expect(warnings).toEqual([{ sheet: 'survey', row: 3, column: 'relevant', message: 'curly quotes in expressions are read as straight quotes, as pyxform does' }]);
  });

  it('text with the multiline appearance is a long text', async () => {
    const { form } = await importForm([['type', 'name', 'label', 'appearance'], ['text', 'story', 'Story', 'multiline']]);
    expect(find(form, 'story')).toMatchObject({ type: 'longtext', appearance: 'multiline' });
  });

  it('groups: top-level ones become sections (pages), nested ones stay groups', async () => {
    const { form } = await importForm([
      ['type', 'name', 'label', 'relevant', 'appearance'],
      ['text', 'intro', 'Intro', '', ''],
      ['begin group', 'household', 'Household', '${intro} != \'\'', 'field-list'],
      ['integer', 'size', 'Size', '', ''],
      ['begin_group', 'head', 'Head of household', '${size} > 0', ''],
      ['text', 'head_name', 'Name', '', ''],
      ['end_group', '', '', '', ''],
      ['end group', '', '', '', ''],
    ]);
    expect(form.sections.map((s) => [s.id, s.title, s.relevant])).toEqual([
      ['part_1', 'Test form', undefined],
      ['household', 'Household', "${intro} != ''"],
    ]);
    expect(find(form, 'head')).toMatchObject({ type: 'group', label: 'Head of household', relevant: '${size} > 0', questions: [{ id: 'head_name' }] });
    expect(questionsOf(form).map((q) => q.id)).toEqual(['intro', 'size', 'head_name']);
  });

  it('warns, without refusing, about what it leaves out', async () => {
    const { warnings } = await importForm([
      ['type', 'name', 'label', 'media::image', 'colour', 'appearance'],
      ['text', 'a', 'A', 'a.png', 'red', 'masked'],
      ['simserial', 'sim', '', '', '', ''],
    ], undefined, [['form_id', 'version', 'instance_name'], ['w', '2024010101', 'x']]);
    expect(warnings).toEqual([
      { sheet: 'survey', row: 1, column: 'colour', message: 'column `colour` is not an XLSForm column Fieldbook reads; it is ignored' },
      { sheet: 'survey', row: 2, column: 'appearance', message: 'appearance `masked` does not change how Fieldbook shows the question; the question works without it' },
      { sheet: 'survey', row: 2, column: 'media::image', message: 'images, audio and video in forms are not shown yet; the column `media::image` is ignored (first used here)' },
      { sheet: 'survey', row: 3, column: 'type', message: 'type `simserial` is metadata Fieldbook does not record; the row is left out' },
      { sheet: 'settings', row: 2, column: 'instance_name', message: 'the setting `instance_name` does not change anything on Fieldbook; it is ignored' },
      { sheet: 'settings', row: 2, column: 'version', message: 'the server numbers versions itself (1, 2, 3 …); the version `2024010101` is kept only as a note here' },
    ]);
  });

  it('warns about columns that mean nothing on a group', async () => {
    const { warnings } = await importForm([['type', 'name', 'label', 'hint', 'required'], ['begin_group', 'g', 'G', 'A hint', 'yes'], ['text', 'a', 'A', '', ''], ['end_group', '', '', '', '']]);
    expect(warnings).toEqual([
      { sheet: 'survey', row: 2, column: 'hint', message: '`hint` on a group has no effect; it is ignored' },
      { sheet: 'survey', row: 2, column: 'required', message: '`required` on a group has no effect; it is ignored' },
    ]);
  });

  it('a workbook of one sheet, whatever its name, as the survey (as pyxform); no-break spaces as spaces', async () => {
    const result = await importXlsForm((await import('../../helpers/xlsx')).buildXlsx({ Feuil1: [['type', 'name', 'label'], ['text', 'a', 'Nom\u00a0complet']] }), { formId: 'one-sheet' });
    expect(result.ok && questionsOf(result.form)[0]!.label).toBe('Nom complet');
  });

  it('the form id from the options before the settings', async () => {
    const result = await importRows([['type', 'name', 'label'], ['text', 'a', 'A']], undefined, null, { formId: 'given-id' });
    expect(result.ok && result.form.id).toBe('given-id');
  });

  it('sex_question from the settings', async () => {
    const { form } = await importForm([['type', 'name', 'label'], ['select_one g', 'gender_resp', 'Gender']], [['list_name', 'name', 'label'], ['g', 'f', 'Woman'], ['g', 'm', 'Man']], [['form_id', 'sex_question'], ['s', 'gender_resp']]);
    expect(form.sexQuestion).toBe('gender_resp');
  });
});

describe('importXlsForm refuses, at the sheet, row and column', () => {
  const at = (row: number | null, column: string | null, message: string | RegExp, sheet: string | null = 'survey') => ({ sheet, row, column, message: typeof message === 'string' ? message : expect.stringMatching(message) });
  it.each([
    ['an unsupported type', [['type', 'name', 'label'], ['text', 'a', 'A'], ['rank', 'code', 'Code']], undefined, [at(3, 'type', 'type `rank` (a ranking) is not supported yet')]],
    ['a type it does not know', [['type', 'name', 'label'], ['txt', 'a', 'A']], undefined, [at(2, 'type', 'type `txt` is not an XLSForm type Fieldbook knows')]],
    ['an unclosed repeat', [['type', 'name', 'label'], ['text', 'a', 'A'], ['begin_repeat', 'kids', 'Kids'], ['text', 'kid', 'Kid']], undefined, [at(3, 'type', 'the repeat `kids` has no `end_repeat`')]],
    ['a repeat_count over the limit', [['type', 'name', 'label', 'repeat_count'], ['begin_repeat', 'kids', 'Kids', '501'], ['text', 'kid', 'Kid', ''], ['end_repeat', '', '', '']], undefined, [at(2, 'repeat_count', 'a repeat can have at most 500 instances, not 501')]],
    ['a missing choice list', [['type', 'name', 'label'], ['select_one colours', 'c', 'Colour']], undefined, [at(2, 'type', 'the choice list `colours` is not on the choices sheet')]],
    ['a name used twice', [['type', 'name', 'label'], ['text', 'a', 'A'], ['text', 'a', 'Again']], undefined, [at(3, 'name', 'the name `a` is already used on row 2; each question and group needs its own name')]],
    ['an invalid name', [['type', 'name', 'label'], ['text', 'my name', 'A']], undefined, [at(2, 'name', /^`my name` is not a valid name/)]],
    ['a question without a name', [['type', 'name', 'label'], ['text', '', 'A']], undefined, [at(2, 'name', 'this text question has no name')]],
    ['a question without a label', [['type', 'name', 'label'], ['text', 'a', '']], undefined, [at(2, 'label', '`a` has no label: write what the person is asked')]],
    ['a row without a type', [['type', 'name', 'label'], ['text', 'a', 'A'], ['', 'b', 'B']], undefined, [at(3, 'type', 'this row has no type')]],
    ['a group never closed', [['type', 'name', 'label'], ['begin_group', 'g', 'G'], ['text', 'a', 'A']], undefined, [at(2, 'type', 'the group `g` has no `end_group`')]],
    ['an end without a begin', [['type', 'name', 'label'], ['text', 'a', 'A'], ['end_group', '', '']], undefined, [at(3, 'type', '`end_group` has no `begin_group` before it')]],
    ['an empty group', [['type', 'name', 'label'], ['text', 'a', 'A'], ['begin_group', 'g', 'G'], ['end_group', '', '']], undefined, [at(3, 'type', 'the group `g` has no questions')]],
    ['a form with no questions', [['type', 'name', 'label'], ['note', 'hello', 'Hello']], undefined, [at(null, null, 'the form has no questions: add at least one row a person answers')]],
    ['a reference to an unknown question', [['type', 'name', 'label', 'relevant'], ['integer', 'age', 'Age', ''], ['text', 'job', 'Job', '${agee} > 15']], undefined, [at(3, 'relevant', 'in `relevant`, at character 1: ${agee} is not a question of this form')]],
    ['an unknown function', [['type', 'name', 'label', 'constraint'], ['integer', 'age', 'Age', 'pulldata(1)']], undefined, [at(2, 'constraint', /^in `constraint`, at character 1: unknown function pulldata\(\)/)]],
    ['a digest() algorithm not computed here', [['type', 'name', 'label', 'calculation'], ['text', 'a', 'A', ''], ['calculate', 'h', '', "digest(${a}, 'SHA-512')"]], undefined, [at(3, 'calculation', /^in `calculation`, at character 14: digest\(\) computes MD5, SHA-1, SHA-256 here; SHA-512 is not supported/)]],
    ['a syntax error', [['type', 'name', 'label', 'constraint'], ['integer', 'age', 'Age', '. >']], undefined, [at(2, 'constraint', /^in `constraint`, at character 3: /)]],
    [
      'a cycle between calculations',
      [['type', 'name', 'label', 'calculation'], ['integer', 'x', 'X', ''], ['calculate', 'a', '', '${b} + 1'], ['calculate', 'b', '', '${a} + 1']],
      undefined,
      [at(3, 'calculation', /cycle: \$\{a\} → \$\{b\} → \$\{a\}|cycle: \$\{b\} → \$\{a\} → \$\{b\}/), at(4, 'calculation', /cycle/)],
    ],
    ['a calculate without calculation', [['type', 'name', 'label', 'calculation'], ['text', 'a', 'A', ''], ['calculate', 'c', '', '']], undefined, [at(3, 'calculation', 'the calculate `c` has no calculation')]],
    ['${name} in a label that names nothing', [['type', 'name', 'label'], ['text', 'a', 'Hello ${nobody}']], undefined, [at(2, 'label', '${nobody} in the label is not a question of this form')]],
    ['a choice name used twice in a list', [['type', 'name', 'label'], ['select_one yes_no', 'q', 'Q']], [...YES_NO, ['yes_no', 'yes', 'Again']], [at(4, 'name', 'the list `yes_no` already has a choice named `yes` (row 2)', 'choices')]],
    ['a choice name with a space', [['type', 'name', 'label'], ['select_one l', 'q', 'Q']], [['list_name', 'name', 'label'], ['l', 'a b', 'AB']], [at(2, 'name', /^the choice name `a b` has a space/, 'choices')]],
    ['a column twice', [['type', 'name', 'label', 'caption'], ['text', 'a', 'A', 'B']], undefined, [at(1, 'caption', 'the column `caption` repeats `label`; keep one of them')]],
    ['choices from a file', [['type', 'name', 'label'], ['select_one_from_file places.csv', 'q', 'Q']], undefined, [at(2, 'type', /choices from a file are not supported yet/)]],
    ['choices from a file by appearance', [['type', 'name', 'label', 'appearance'], ['select_one yes_no', 'q', 'Q', "search('places')"]], YES_NO, [at(2, 'appearance', /^the appearance `search\('places'\)` takes choices from a file/)]],
    ['${name} in a choice label that names nothing', [['type', 'name', 'label'], ['select_one yes_no', 'q', 'Q']], [...YES_NO, ['yes_no', 'maybe', 'Maybe ${who}']], [at(2, 'label', '${who} in the label is not a question of this form')]],
  ])('%s', async (_name, survey, choices, expected) => {
    expect(await importProblems(survey as never, choices as never)).toEqual(expected);
  });

  it('warns of a choice_filter on a column the choices sheet lacks, which reads as empty as in ODK', async () => {
    const { warnings } = await importForm([['type', 'name', 'label', 'choice_filter'], ['select_one yes_no', 'q', 'Q', 'colour = 1']], YES_NO);
    expect(warnings).toEqual([at(2, 'choice_filter', "in `choice_filter`, at character 1: `colour` is not a column of the choices sheet, so it reads as empty (for the text, write 'colour')")]);
  });

  it('a form without an id, in the settings or the request', async () => {
    expect(await importProblems([['type', 'name', 'label'], ['text', 'a', 'A']], undefined, null)).toEqual([at(null, 'form_id', /^the form has no id/, 'settings')]);
  });

  it('a workbook without a survey sheet', async () => {
    const result = await importXlsForm((await import('../../helpers/xlsx')).buildXlsx({ Sheet1: [['type', 'name'], ['text', 'a']], Sheet2: [['x']] }));
    expect(result.ok ? [] : result.problems).toEqual([at(null, null, /^the workbook has no `survey` sheet/, null)]);
  });

  it('bytes that are not an .xlsx file', async () => {
    const result = await importXlsForm(new TextEncoder().encode('type,name,label\ntext,a,A\n'));
    expect(result.ok ? [] : result.problems).toEqual([at(null, null, /^the file is not a readable \.xlsx workbook/, null)]);
  });
});
