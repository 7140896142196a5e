// The results view (device and coordinator) on a form with repeats: each repeat's instances
// across responses in a sentence, by the respondent's sex, in the chosen language; and nothing
// of the kind for results from a server that does not count them.
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import type { Answers } from '../../src/forms/schema';
import { setLocale } from '../../src/i18n';
import { aggregate } from '../../src/results/aggregate';
import { ResultsView } from '../../src/ui/results/ResultsView';
import { HOUSEHOLD } from '../fixtures/household-repeat';

afterEach(() => setLocale('en'));

const read = readDefinition(HOUSEHOLD);
if (!read.ok) throw new Error('the household fixture does not load');
const form = read.form;

const members = (n: number, visits = 0): Answers[] =>
  Array.from({ length: n }, () => ({ member_name: 'X', member_age: 50, ...(visits > 0 ? { visit: Array.from({ length: visits }, () => ({ visit_place: 'Town' })) } : {}) }));
const results = aggregate(form, [
  { answers: { sex: 'female', member: members(3, 1) } },
  { answers: { sex: 'female', member: members(2) } },
  { answers: { sex: 'male', member: members(1) } },
  { answers: { sex: 'male' } },
]);
const items = (heading = 'Repeated entries') => within(screen.getByRole('region', { name: heading })).getAllByRole('listitem').map((li) => li.textContent);

describe('repeat instances in the results view', () => {
  it('says how many instances of each repeat across how many responses, by sex', () => {
    render(<ResultsView form={form} results={results} locale="en" />);
    expect(items()).toEqual([
      'Household member: 6 across 3 responses (women: 5 across 2 responses, men: 1 across 1 response).',
      'Visit: 3 across 1 response (women: 3 across 1 response, men: 0 across 0 responses).',
    ]);
  });

  it('says it in French', async () => {
    await setLocale('fr');
    render(<ResultsView form={form} results={results} locale="fr" />);
    // French puts a no-break space before a colon.
    expect(items('Entrées répétées')[0]).toBe('Household member\u00a0: 6 sur 3 réponses (femmes\u00a0: 5 sur 2 réponses, hommes\u00a0: 1 sur 1 réponse).');
  });

  it('shows no such section for results without the field (an older server)', () => {
    const { repeats: _dropped, ...old } = results;
    render(<ResultsView form={form} results={old} locale="en" />);
    expect(screen.queryByRole('region', { name: 'Repeated entries' })).toBeNull();
    expect(screen.getByText(/4 responses:/)).toBeTruthy();
  });
});
