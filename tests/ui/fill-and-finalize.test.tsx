import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { FORMS, findForm } from '../../src/forms';
import { textIn } from '../../src/forms/texts';
import { setWorkshopSession } from '../../src/storage/settings';
import { listSubmissions } from '../../src/storage/submissions';
import { App } from '../../src/ui/App';
import { sampleAnswers } from '../fixtures/answers';
import { fillForm, clickWhenEnabled } from '../helpers/fill-form';
import { resetStorage } from '../helpers/reset-storage';

beforeEach(async () => {
  await resetStorage();
  history.replaceState(null, '', '/#/');
});

async function openNewResponse(title: string) {
  render(<App />);
  await clickWhenEnabled(`New response: ${title}`);
  await screen.findByRole('heading', { level: 1, name: title });
}

describe.each(FORMS.map((f) => [f.id, f] as const))('%s', (_id, form) => {
  const title = textIn(form.title, 'en');

  it('fills every question by label and finalizes', async () => {
    await openNewResponse(title);
    const answers = sampleAnswers(form);
    fillForm(form, answers);
    fireEvent.click(screen.getByRole('button', { name: 'Finalize' }));
    await screen.findByRole('heading', { level: 1, name: 'Saved' });
    const [stored] = await listSubmissions(form.id, { offset: 0, limit: 10 });
    expect(stored?.status).toBe('queued');
    expect(stored?.answers).toEqual(answers);
  });

  it('shows each missing required answer next to its question and stores nothing', async () => {
    await openNewResponse(title);
    if (form.id === 'workshop-feedback') fillForm(form, {}); // nothing prefilled without a session
    fireEvent.click(screen.getByRole('button', { name: 'Finalize' }));
    const summary = await screen.findByRole('alert');
    const required = form.sections.flatMap((s) => s.questions).filter((q) => q.required && !q.relevant);
    expect(within(summary).getAllByRole('link')).toHaveLength(required.length);
    for (const q of required) {
      const error = document.getElementById(`q-${q.id}-error`);
      expect(error?.textContent).toBe('This question needs an answer.');
      const described = document.querySelector(`[aria-describedby~="q-${q.id}-error"]`);
      expect(described, q.id).not.toBeNull();
    }
    const [stored] = await listSubmissions(form.id, { offset: 0, limit: 10 });
    expect(stored?.status).toBe('draft');
  });
});

describe('workshop session', () => {
  it('carries the session into each new participant, who never sees the previous answers', async () => {
    const form = findForm('workshop-feedback')!;
    await setWorkshopSession({ name: 'Istanbul workshop', date: '2003-10-14', place: 'Istanbul' });
    await openNewResponse('Workshop feedback');
    expect(screen.getByLabelText('Workshop name')).toHaveProperty('value', 'Istanbul workshop');
    fillForm(form, { sex: 'female', comments: 'First participant' });
    fireEvent.click(screen.getByRole('button', { name: 'Finalize' }));
    await screen.findByRole('heading', { level: 1, name: 'Saved' });
    expect(await screen.findByText(/1 collected today/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start another' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
    expect(screen.getByLabelText('Place')).toHaveProperty('value', 'Istanbul');
    expect(screen.getByLabelText('Comments')).toHaveProperty('value', '');
    const sex = screen.getByRole('group', { name: 'Sex' });
    expect(within(sex).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });
});
