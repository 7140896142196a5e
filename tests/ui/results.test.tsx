// The results screen on the device: the numbers it shows, read from its data tables as a screen
// reader would, against counts made directly from the stored answers.
import { render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { textIn } from '../../src/forms/texts';
import { ResultsScreen } from '../../src/ui/ResultsScreen';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;

beforeEach(resetStorage);

/** A table's body as text: row head, then each cell, commas removed from numbers. */
function cells(table: HTMLElement): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const [head, ...rest] = Array.from(row.children).map((c) => (c.textContent ?? '').replaceAll(',', ''));
    rows[head!] = rest;
  }
  return rows;
}

const columnsOf = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((c) => c.textContent);

describe('results on the device', () => {
  it('shows responses by sex and each answer by sex, as counted from the answers', async () => {
    const submissions = variedSubmissions(form, 240, 5);
    await storeFinalized(submissions, (i) => (i % 4 ? 'queued' : 'synced'));
    await storeDraft(variedSubmissions(form, 1, 6)[0]!); // drafts are not results
    render(<ResultsScreen formId={form.id} />);
    await screen.findByRole('heading', { level: 2, name: 'Respondents' });

    const count = (predicate: (a: Record<string, unknown>) => boolean) => String(submissions.filter((s) => predicate(s.answers)).length);
    const respondents = screen.getByRole('table', { name: 'Responses by sex of the respondent' });
    expect(cells(respondents)).toMatchObject({
      Women: [count((a) => a.sex === 'female')],
      Men: [count((a) => a.sex === 'male')],
      Other: [count((a) => a.sex === 'other')],
      'Prefer not to say': [count((a) => a.sex === 'prefer_not_to_say')],
      All: ['240'],
    });

    const yearly = screen.getByRole('table', { name: /^Should training events like this one be organized at least once a year\?/ });
    expect(columnsOf(yearly)).toEqual(['Answer', 'Women', 'Men', 'Other', 'Prefer not to say', 'All']);
    const sexes = ['female', 'male', 'other', 'prefer_not_to_say'];
    const row = (value: string) => [...sexes.map((sex) => count((a) => a.sex === sex && a.training_yearly === value)), count((a) => a.training_yearly === value)];
    expect(cells(yearly)).toMatchObject({ Yes: row('yes'), No: row('no') });

    const topics = screen.getByRole('table', { name: /^Which topics should future sessions cover\?/ });
    const chose = (sex: string, option: string) => count((a) => a.sex === sex && Array.isArray(a.future_topics) && a.future_topics.includes(option));
    expect(cells(topics)['Gender budgeting']!.slice(0, 4)).toEqual(sexes.map((sex) => chose(sex, 'gender_budgeting')));

    const likert = screen.getByRole('table', { name: /^The workshop increased my sensitivity/ });
    expect(cells(likert)['Strongly agree']![0]).toBe(count((a) => a.sex === 'female' && a.aim_gender_sensitivity === 5));
  });

  it('draws each question as an image named by its question, with a description and a value on every bar', async () => {
    await storeFinalized(variedSubmissions(form, 30, 8));
    render(<ResultsScreen formId={form.id} />);
    const chart = await screen.findByRole('img', { name: /^Which topics should future sessions cover\?/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('desc')?.textContent).toMatch(/respondents answered/);
    const bars = chart.querySelectorAll('rect.bar');
    const topicsCount = form.sections.flatMap((s) => s.questions).find((q) => q.id === 'future_topics')!.options!.length;
    expect(bars.length).toBe(topicsCount * 4);
    expect(bars[0]!.querySelector('title')?.textContent).toMatch(/^Women, HIV\/AIDS: \d+/);
    // Series differ by pattern too, not by colour alone.
    const fills = new Set(Array.from(bars).map((b) => b.getAttribute('fill')));
    expect([...fills].filter((f) => f?.startsWith('url(#'))).toHaveLength(3);
  });

  it('says so when there is nothing to count yet', async () => {
    render(<ResultsScreen formId={form.id} />);
    expect(await screen.findByText('No finalized responses yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: `${textIn(form.title, 'en')}: results` })).toBeTruthy();
  });
});
