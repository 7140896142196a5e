// The results view (shared by the device and the coordinator) on forms that are not built in:
// women and men compared per answer (percent within each sex, with counts, and the gap in
// points) read from the tables and the chart as a screen reader would; and, for a form with no
// sex question, totals with a note saying why they are not split.
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FormSchema, type Form, type FormInput } from '../../src/forms/schema';
import { setLocale } from '../../src/i18n';
import { aggregate, type Answered } from '../../src/results/aggregate';
import { ResultsView } from '../../src/ui/results/ResultsView';
import type { QuestionInput } from '../fixtures/forms';

afterEach(() => setLocale('en'));

const formOf = (questions: QuestionInput[]): Form => FormSchema.parse({ id: 'imported', version: 1, title: 'Imported', sections: [{ id: 'main', title: 'Main', questions }] } satisfies FormInput);

const gender: QuestionInput = { id: 'gender', type: 'single', label: 'Gender', options: [{ id: 'f', label: 'F' }, { id: 'm', label: 'M' }] };
const trained: QuestionInput = { id: 'trained', type: 'yesno', label: 'Trained in the past year?' };
const promoted: QuestionInput = { id: 'promoted', type: 'yesno', label: 'Promoted?' };
const years: QuestionInput = { id: 'years_at_grade', type: 'integer', label: 'Years at grade' };

/** `n` copies of the same answers. */
const times = (n: number, answers: Record<string, unknown>): Answered[] => Array.from({ length: n }, () => ({ answers }));

/** A table's body and foot as text by row head (numbers without separators, any space as one). */
function cells(table: HTMLElement): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const [head, ...rest] = Array.from(row.children).map((c) => (c.textContent ?? '').replaceAll(',', '').replace(/\s/g, ' '));
    rows[head!] = rest;
  }
  return rows;
}
const columnsOf = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((c) => c.textContent);

describe('a form split by `gender` (f/m)', () => {
  const form = formOf([gender, trained, promoted, years]);
  // 10 women: 6 trained; 5 men: 2 trained. Promoted: asked of women only here.
  const submissions = [
    ...times(6, { gender: 'f', trained: 'yes', promoted: 'no', years_at_grade: 3 }),
    ...times(4, { gender: 'f', trained: 'no' }),
    ...times(2, { gender: 'm', trained: 'yes', years_at_grade: 5 }),
    ...times(3, { gender: 'm', trained: 'no' }),
  ];
  const results = aggregate(form, submissions);

  it('shows each answer’s share within each sex, with counts, and the gap in points', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Answers by sex' })).toBeTruthy();
    const compared = screen.getByRole('table', { name: 'Women and men compared: Trained in the past year?' });
    expect(columnsOf(compared)).toEqual(['Answer', 'Women', 'Men', 'Gap (women − men)']);
    expect(cells(compared)).toEqual({
      Yes: ['60% (6)', '40% (2)', '+20 points'],
      No: ['40% (4)', '60% (3)', '-20 points'],
      Answered: ['10', '5', ''],
    });
    // The counts stay behind "Show the numbers", every sex and in all.
    expect(cells(screen.getByRole('table', { name: 'Trained in the past year?: respondents by answer and sex' })).Yes).toEqual(['6', '2', '8']);
    expect(cells(screen.getByRole('table', { name: 'Responses by sex of the respondent' }))).toMatchObject({ Women: ['10'], Men: ['5'] });
  });

  it('draws shares within each sex, says the widest gap in its description, and writes the gap by each answer', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    const chart = screen.getByRole('img', { name: /^Trained in the past year\?/ });
    const description = chart.querySelector('desc')?.textContent ?? '';
    expect(description).toContain('Percent of the respondents of each sex who chose each answer');
    expect(description).toContain('15 respondents answered: 10 women, 5 men.');
    expect(description).toContain('Widest gap: Yes, +20 points (60% of women, 40% of men).');
    const bars = Array.from(chart.querySelectorAll('rect.bar'), (b) => b.querySelector('title')?.textContent);
    expect(bars).toEqual(['Women, Yes: 60% (6 of 10)', 'Men, Yes: 40% (2 of 5)', 'Women, No: 40% (4 of 10)', 'Men, No: 60% (3 of 5)']);
    expect(Array.from(chart.querySelectorAll('.category-note'), (n) => n.textContent)).toEqual(['Gap: +20 points', 'Gap: -20 points']);
    expect(Array.from(chart.querySelectorAll('.bar-value'), (n) => n.textContent)).toEqual(['60%', '40%', '40%', '60%']);
  });

  it('says when one sex did not answer, with no gap made up', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    const compared = screen.getByRole('table', { name: 'Women and men compared: Promoted?' });
    expect(cells(compared).No).toEqual(['100% (6)', 'n/a', 'n/a']);
    expect(screen.getAllByText('No men answered this question, so there is no gap to show.').length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: /^Promoted\?/ }).querySelector('.category-note')).toBeNull();
  });

  it('sums numbers by sex and shows no note about a missing split', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    const sums = screen.getByRole('table', { name: 'Sums of numeric answers, by sex of the respondent' });
    expect(cells(sums)['Years at grade']!.slice(0, 3)).toEqual(['18', '10', '28']);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('speaks French', async () => {
    await setLocale('fr');
    render(<ResultsView form={form} results={results} locale="fr" />);
    const compared = screen.getByRole('table', { name: /^Femmes et hommes comparés\s:\sTrained/ });
    expect(columnsOf(compared)).toEqual(['Réponse', 'Femmes', 'Hommes', 'Écart (femmes − hommes)']);
    expect(cells(compared).Oui).toEqual(['60 % (6)', '40 % (2)', '+20 points']);
  });
});

describe('a form with no sex question', () => {
  const form = formOf([trained, years]);
  const results = aggregate(form, [...times(2, { trained: 'yes', years_at_grade: 4 }), ...times(1, { trained: 'no' })]);

  it('shows totals, and a plain note saying why they are not split by sex', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('These results cannot be split by sex.');
    expect(note.textContent).toContain('The form has no question on the respondent’s sex');
    expect(screen.getByText('3 responses.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Answers' })).toBeTruthy();
    const counts = screen.getByRole('table', { name: 'Trained in the past year?: respondents by answer' });
    expect(columnsOf(counts)).toEqual(['Answer', 'All respondents']);
    expect(cells(counts)).toEqual({ Yes: ['2'], No: ['1'], Answered: ['3'] });
    const sums = screen.getByRole('table', { name: 'Sums of numeric answers' });
    expect(columnsOf(sums)).toEqual(['Question', 'All', 'Responses answering', 'Average']);
    expect(cells(sums)['Years at grade']).toEqual(['8', '2', '4']);
    // Nothing pretends to compare women and men.
    expect(screen.queryByRole('table', { name: /Women and men compared/ })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Responses by sex of the respondent' })).toBeNull();
    expect(screen.queryByText(/Women|Men/)).toBeNull();
  });

  it('names the questions when several could be the sex question', () => {
    const twice = formOf([gender, { ...gender, id: 'sex' }, trained]);
    render(<ResultsView form={twice} results={aggregate(twice, times(1, { gender: 'f', sex: 'm', trained: 'yes' }))} locale="en" />);
    expect(screen.getByRole('note').textContent).toContain('Several questions could be the respondent’s sex (gender, sex); name one with “sex_question” in the form’s settings.');
  });

  it('says so in Spanish', async () => {
    await setLocale('es');
    render(<ResultsView form={form} results={results} locale="es" />);
    expect(screen.getByRole('note').textContent).toContain('Estos resultados no se pueden desagregar por sexo.');
  });
});
