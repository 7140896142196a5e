// The facilitator's PIN prompt: a wrong PIN is refused, repeated wrong PINs are slowed down, the
// wait outlives a reload, and the PIN is stored only as a salted hash.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { get } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findForm } from '../../../src/forms';
import type { Form } from '../../../src/forms/schema';
import { settingsStore } from '../../../src/storage/settings';
import { getActiveWorkshop } from '../../../src/storage/workshop';
import { App } from '../../../src/ui/App';
import { startWorkshop } from '../../../src/ui/workshop/actions';
import { FIRST_PIN_WAIT_MS } from '../../../src/workshop/pin';
import { resetStorage } from '../../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;
const PIN = '73915';

beforeEach(async () => {
  await resetStorage();
  await startWorkshop(form, PIN, { name: 'Istanbul', date: '2003-10-14', place: 'Istanbul' });
  history.replaceState(null, '', '/#/workshop/pin');
});
afterEach(() => vi.useRealTimers());

async function tryPin(pin: string, button = 'Leave workshop mode'): Promise<string> {
  fireEvent.input(await screen.findByLabelText('PIN'), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: button }));
  // The same message twice in a row is still a new answer: wait for this check to finish.
  expect(screen.getByText('Checking the PIN…')).toBeTruthy();
  await waitFor(() => expect(screen.queryByText('Checking the PIN…')).toBeNull());
  return document.getElementById('workshop-pin-message')?.textContent ?? '';
}

// Every check derives a PBKDF2 key: room for a loaded machine.
describe('the PIN prompt', { timeout: 30_000 }, () => {
  it('stores the PIN hashed with a salt, never as typed', async () => {
    const stored = JSON.stringify(await get('workshop', settingsStore()));
    expect(stored).not.toContain(PIN);
    const run = await getActiveWorkshop();
    expect(run?.pin.salt.length).toBeGreaterThan(0);
    expect(run?.pin.hash.length).toBeGreaterThan(0);
    expect(localStorage.getItem('fieldbook.workshop')).toBe('1');
  });

  it('refuses a wrong PIN, slows down repeated ones even for the right PIN, across a reload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { unmount } = render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Facilitator' });
    expect(await tryPin('0000')).toBe('Wrong PIN.');
    expect(await tryPin('1111', 'Clear the form on screen')).toBe('Wrong PIN.');
    expect(await tryPin('7391')).toBe('Wrong PIN. Try again in 5 seconds.');
    expect((await getActiveWorkshop())?.failures.count).toBe(3);

    // During the wait the right PIN is not even checked.
    expect(await tryPin(PIN)).toBe('Too many wrong PINs. Try again in 5 seconds.');
    expect(await getActiveWorkshop()).toBeDefined();

    // A reload does not reset the wait.
    unmount();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Facilitator' });
    vi.setSystemTime(Date.now() + 2_000);
    expect(await tryPin(PIN)).toBe('Too many wrong PINs. Try again in 3 seconds.');

    // After the wait, another wrong PIN doubles it.
    vi.setSystemTime(Date.now() + FIRST_PIN_WAIT_MS);
    expect(await tryPin('9999')).toBe('Wrong PIN. Try again in 10 seconds.');
    vi.setSystemTime(Date.now() + 2 * FIRST_PIN_WAIT_MS);

    // The right PIN, heard: workshop mode ends and the count is gone with it.
    fireEvent.input(screen.getByLabelText('PIN'), { target: { value: PIN } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave workshop mode' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop session: Workshop feedback' });
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(localStorage.getItem('fieldbook.workshop')).toBe('0');
  });

  it('clears the wrong-try count once the right PIN is given', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Facilitator' });
    expect(await tryPin('0000', 'Clear the form on screen')).toBe('Wrong PIN.');
    expect(await tryPin('0001', 'Clear the form on screen')).toBe('Wrong PIN.');
    fireEvent.input(screen.getByLabelText('PIN'), { target: { value: PIN } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the form on screen' }));
    await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
    expect((await getActiveWorkshop())?.failures).toEqual({ count: 0, lastAt: 0 });
  });
});
