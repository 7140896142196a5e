// Workshop mode in the app as a whole: started from the form's card with a PIN typed twice and
// the session, then participant after participant, with every address of the app tried (and a
// fresh start of the app, as after a reload or in a new tab) without ever showing a previous
// participant's answers.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { findForm } from '../../../src/forms';
import type { Form } from '../../../src/forms/schema';
import { getWorkshopSession } from '../../../src/storage/settings';
import { getSubmission } from '../../../src/storage/submissions';
import { getActiveWorkshop } from '../../../src/storage/workshop';
import { App } from '../../../src/ui/App';
import { routeHash, type Route } from '../../../src/ui/router';
import { fillForm } from '../../helpers/fill-form';
import { resetStorage } from '../../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;

beforeEach(async () => {
  await resetStorage();
  history.replaceState(null, '', '/#/');
});

/** Moves the address as the address bar or the back button does: the hash changes, then `hashchange`. */
function goTo(hash: string): void {
  history.pushState(null, '', `/${hash}`);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Every value a person could read on the page: text, and what the fields hold. */
function visibleText(): string {
  const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')).map((f) => f.value);
  return `${document.body.textContent ?? ''} ${fields.join(' ')}`;
}

async function startFromCard(): Promise<void> {
  render(<App />);
  fireEvent.click(await screen.findByRole('link', { name: 'Workshop mode: Workshop feedback' }));
  await screen.findByRole('heading', { level: 1, name: 'Workshop mode: Workshop feedback' });
  fireEvent.input(screen.getByLabelText('Choose a PIN (4 to 8 digits)'), { target: { value: '2468' } });
  fireEvent.input(screen.getByLabelText('Type the PIN again'), { target: { value: '2468' } });
  fireEvent.input(screen.getByLabelText('Workshop name'), { target: { value: 'Bogotá workshop 3' } });
  fireEvent.input(screen.getByLabelText('Workshop date'), { target: { value: '2003-09-18' } });
  fireEvent.input(screen.getByLabelText('Workshop place'), { target: { value: 'Bogotá' } });
  fireEvent.click(screen.getByRole('button', { name: 'Start workshop mode' }));
  await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
}

/** Fills and finalizes one participant's form, then waits for the next blank one. */
async function participant(sex: string, comments: string): Promise<string> {
  const run = await getActiveWorkshop();
  fillForm(form, { sex, comments });
  fireEvent.click(screen.getByRole('button', { name: 'Finalize' }));
  await screen.findByRole('heading', { level: 1, name: 'Thank you!' });
  expect(visibleText()).not.toContain(comments);
  await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' }, { timeout: 2000 });
  expect((screen.getByLabelText('Comments') as HTMLTextAreaElement).value).toBe('');
  return run!.currentDraftId!;
}

// Each test draws the whole app many times over: room for a loaded machine.
describe('workshop mode', { timeout: 30_000 }, () => {
  it('refuses a PIN of the wrong shape or typed differently twice, and starts nothing', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: 'Workshop mode: Workshop feedback' }));
    const pin = await screen.findByLabelText('Choose a PIN (4 to 8 digits)');
    for (const [first, second, problem] of [
      ['123', '123', 'The PIN must be 4 to 8 digits.'],
      ['12ab', '12ab', 'The PIN must be 4 to 8 digits.'],
      ['123456789', '123456789', 'The PIN must be 4 to 8 digits.'],
      ['1234', '1243', 'The two PINs differ. Type the same PIN twice.'],
    ]) {
      fireEvent.input(pin, { target: { value: first } });
      fireEvent.input(screen.getByLabelText('Type the PIN again'), { target: { value: second } });
      fireEvent.click(screen.getByRole('button', { name: 'Start workshop mode' }));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(problem));
    }
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Workshop mode: Workshop feedback');
  });

  it('shows only the form, carries the session, and never shows a previous participant by any address', async () => {
    await startFromCard();
    // The calm layout: no menu, no lists, no update prompt; the language switch stays.
    expect(screen.queryByRole('navigation', { name: 'Main menu' })).toBeNull();
    expect(screen.getByLabelText('Language')).toBeTruthy();
    expect(location.hash).toBe('#/workshop');
    expect((screen.getByLabelText('Workshop name') as HTMLInputElement).value).toBe('Bogotá workshop 3');
    expect(await getWorkshopSession()).toEqual({ name: 'Bogotá workshop 3', date: '2003-09-18', place: 'Bogotá' });

    const first = await participant('female', 'First participant, private words');
    expect((await getSubmission(first))?.status).toBe('queued');
    expect((screen.getByLabelText('Place') as HTMLInputElement).value).toBe('Bogotá');

    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'fill', id: first },
      { screen: 'view', id: first },
      { screen: 'done', id: first },
      { screen: 'list', formId: form.id, page: 0 },
      { screen: 'results', formId: form.id },
      { screen: 'settings' },
      { screen: 'transfer' },
      { screen: 'coordinator', formId: form.id },
      { screen: 'workshop-start', formId: 'gender-sensitivity' },
      { screen: 'workshop-summary' },
    ];
    for (const route of routes) {
      goTo(routeHash(route));
      await waitFor(() => expect(location.hash).toBe('#/workshop'));
      await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
      expect(visibleText(), routeHash(route)).not.toContain('First participant');
    }

    // A reload or a new tab: the app starts again from the address and storage alone.
    for (const route of routes) {
      document.body.innerHTML = '';
      history.replaceState(null, '', `/${routeHash(route)}`);
      const { unmount } = render(<App />);
      await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
      expect(location.hash).toBe('#/workshop');
      expect(visibleText(), routeHash(route)).not.toContain('First participant');
      unmount();
    }

    // The PIN prompt is the one other screen, and it shows no answers either.
    history.replaceState(null, '', '/#/workshop');
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
    fireEvent.click(screen.getByRole('link', { name: 'Facilitator' }));
    await screen.findByRole('heading', { level: 1, name: 'Facilitator' });
    expect(screen.getByLabelText('PIN')).toBeTruthy();
    expect(visibleText()).not.toContain('First participant');
    fireEvent.click(screen.getByRole('link', { name: 'Back to the form' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });

    await participant('male', 'Second participant');
    const run = await getActiveWorkshop();
    expect(run?.draftIds).toHaveLength(3);
  });

  it('keeps a half-filled form for the same participant, until the facilitator clears it with the PIN', async () => {
    await startFromCard();
    fillForm(form, { comments: 'Walked away halfway' });
    await screen.findByText('Draft saved', { exact: false }, { timeout: 2000 });
    const walkedAway = (await getActiveWorkshop())!.currentDraftId!;

    fireEvent.click(screen.getByRole('link', { name: 'Facilitator' }));
    fireEvent.input(await screen.findByLabelText('PIN'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the form on screen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Wrong PIN.'));
    expect(await getSubmission(walkedAway)).toBeDefined();

    fireEvent.input(screen.getByLabelText('PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the form on screen' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
    await waitFor(() => expect((screen.getByLabelText('Comments') as HTMLTextAreaElement).value).toBe(''));
    expect(await getSubmission(walkedAway)).toBeUndefined();
    expect((screen.getByLabelText('Workshop name') as HTMLInputElement).value).toBe('Bogotá workshop 3');
  });

  it('leaves with the PIN for the session summary, and the app is whole again', async () => {
    await startFromCard();
    await participant('female', 'One');
    await participant('other', 'Two');
    fireEvent.click(screen.getByRole('link', { name: 'Facilitator' }));
    fireEvent.input(await screen.findByLabelText('PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave workshop mode' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop session: Workshop feedback' });
    expect(location.hash).toBe('#/workshop/summary');
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(within(screen.getByLabelText('This session in numbers')).getAllByRole('definition').map((d) => d.textContent)).toEqual(['2', '0', '2']);
    // The blank form left on screen is not a response: it was dropped.
    expect(screen.queryByText('Unfinished, kept as drafts')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
  });
});
