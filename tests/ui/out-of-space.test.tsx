// A full disk is said plainly, and nothing typed or saved is lost.
import { clickWhenEnabled } from '../helpers/fill-form';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../src/storage/db';
import { listSubmissions } from '../../src/storage/submissions';
import { App } from '../../src/ui/App';
import { resetStorage } from '../helpers/reset-storage';

const OUT_OF_SPACE = /This device is out of storage space/;

/** What IndexedDB does on a full disk, as Dexie reports it: an AbortError wrapping the QuotaExceededError. */
function diskFull(): never {
  throw new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
}

beforeEach(async () => {
  await resetStorage();
  history.replaceState(null, '', '/#/');
});
afterEach(() => vi.restoreAllMocks());

it('says the device is out of space, keeps the typed answers on screen and the saved draft intact', async () => {
  render(<App />);
  await clickWhenEnabled('New response: Workshop feedback');
  await screen.findByRole('heading', { level: 1, name: 'Workshop feedback' });
  const name = screen.getByLabelText('Workshop name') as HTMLInputElement;
  fireEvent.input(name, { target: { value: 'Saved before the disk filled' } });
  fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2003-10-14' } });
  fireEvent.click(within(screen.getByRole('group', { name: 'Sex' })).getByRole('radio', { name: 'Female' }));
  await screen.findByText(/Draft saved on this device/);
  // Changes made while one write runs are written together right after it: wait for that one too.
  await waitFor(async () => {
    const [draft] = await listSubmissions('workshop-feedback', { offset: 0, limit: 5 });
    expect(draft?.answers).toEqual({ workshop_name: 'Saved before the disk filled', workshop_date: '2003-10-14', sex: 'female' });
  });

  // From here on every write fails as on a full disk.
  const put = vi.spyOn(db().submissions, 'put').mockImplementation(diskFull);
  fireEvent.input(screen.getByLabelText('Comments'), { target: { value: 'Typed on a full disk' } });
  await screen.findByText(OUT_OF_SPACE, {}, { timeout: 3000 });
  expect(put).toHaveBeenCalled();
  expect(name.value).toBe('Saved before the disk filled');
  expect((screen.getByLabelText('Comments') as HTMLTextAreaElement).value).toBe('Typed on a full disk');

  // Finalizing fails the same way, plainly, and leaves the form as it was.
  fireEvent.click(screen.getByRole('button', { name: 'Finalize' }));
  await waitFor(() => expect(screen.getAllByText(OUT_OF_SPACE).length).toBe(2));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Workshop feedback');
  expect((screen.getByLabelText('Comments') as HTMLTextAreaElement).value).toBe('Typed on a full disk');

  // What was saved before is still there, still a draft.
  put.mockRestore();
  const [stored] = await listSubmissions('workshop-feedback', { offset: 0, limit: 5 });
  expect(stored?.status).toBe('draft');
  expect(stored?.answers).toEqual({ workshop_name: 'Saved before the disk filled', workshop_date: '2003-10-14', sex: 'female' });
});
