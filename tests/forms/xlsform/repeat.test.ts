// XLSForm repeats (issue 14): begin_repeat/end_repeat (nested, with a fixed or computed
// repeat_count) import as repeat items, and the writer gives them back unchanged.
import { describe, expect, it } from 'vitest';
import { contentText } from '../../../src/forms/publish-checks';
import { importXlsForm } from '../../../src/forms/xlsform';
import { formToSheets, formToXlsx } from '../../../src/forms/xlsform/write';
import { importForm } from './fixtures';

const SURVEY = [
  ['type', 'name', 'label', 'repeat_count', 'relevant', 'calculation'],
  ['integer', 'hh_size', 'Household size', '', '', ''],
  ['begin_repeat', 'member', 'Household member', '${hh_size}', '', ''],
  ['text', 'member_name', 'Name', '', '', ''],
  ['integer', 'member_age', 'Age', '', '', ''],
  ['calculate', 'member_no', '', '', '', 'position(..)'],
  ['begin_repeat', 'job', 'Job', '', '${member_age} >= 15', ''],
  ['text', 'job_title', 'Title', '', '', ''],
  ['end_repeat', '', '', '', '', ''],
  ['end_repeat', '', '', '', '', ''],
  ['begin_repeat', 'plot', 'Plot', '2', '', ''],
  ['decimal', 'plot_area', 'Area', '', '', ''],
  ['end_repeat', '', '', '', '', ''],
  ['calculate', 'adults', '', '', '', 'count(${job})'],
];

describe('XLSForm repeats', () => {
  it('imports nested repeats with their counts and relevance', async () => {
    const { form } = await importForm(SURVEY);
    const items = form.sections[0]!.questions;
    expect(items.map((q) => [q.id, q.type])).toEqual([['hh_size', 'integer'], ['member', 'repeat'], ['plot', 'repeat'], ['adults', 'calculate']]);
    const member = items[1]!;
    expect(member).toMatchObject({ label: 'Household member', repeatCount: '${hh_size}' });
    expect(member.questions!.map((q) => q.id)).toEqual(['member_name', 'member_age', 'member_no', 'job']);
    expect(member.questions![3]).toMatchObject({ type: 'repeat', relevant: '${member_age} >= 15', questions: [{ id: 'job_title', type: 'text' }] });
    expect(items[2]!.repeatCount).toBe(2);
  });

  it('writes begin_repeat/end_repeat with repeat_count, and imports back the identical form', async () => {
    const { form } = await importForm(SURVEY);
    const survey = formToSheets(form).find((s) => s.name === 'survey')!.rows;
    const types = survey.map((r) => r[0]);
    expect(types.filter((t) => t === 'begin_repeat')).toHaveLength(3);
    expect(types.filter((t) => t === 'end_repeat')).toHaveLength(3);
    const countColumn = survey[0]!.indexOf('repeat_count');
    expect(survey.find((r) => r[1] === 'member')![countColumn]).toBe('${hh_size}');
    const back = await importXlsForm(formToXlsx(form));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(contentText(back.form)).toBe(contentText(form));
  });
});
