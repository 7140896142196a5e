import { render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { countUnsent } from '../../src/storage/counts';
import { finalize, startDraft, type DraftContext } from '../../src/storage/submissions';
import { StoragePanel } from '../../src/ui/StoragePanel';
import { resetStorage } from '../helpers/reset-storage';

const MB = 1024 * 1024;
const context: DraftContext = { deviceId: 'device-1', enumerator: 'Amina', locale: 'en', appVersion: 'test' };
const form = findForm('workshop-feedback') as Form;
const valid = { workshop_name: 'Istanbul', workshop_date: '2003-10-14', sex: 'female' };

beforeEach(async () => {
  await resetStorage();
  const storage: Partial<StorageManager> = {
    persisted: () => Promise.resolve(false),
    estimate: () => Promise.resolve({ usage: 1.5 * MB, quota: 300 * MB }), // 298.5 MB left, shown whole
  };
  Object.defineProperty(navigator, 'storage', { configurable: true, value: storage });
});
afterEach(() => Object.defineProperty(navigator, 'storage', { configurable: true, value: undefined }));

it('counts only finalized responses not yet sent, from the status index', async () => {
  const drafts = await Promise.all([0, 1, 2].map(() => startDraft(form, context)));
  expect(await countUnsent()).toBe(0);
  await finalize(form, drafts[0]!.id, valid);
  await finalize(form, drafts[1]!.id, valid);
  expect(await countUnsent()).toBe(2);
});

it('shows persistence, space used and available, and what is waiting to be sent', async () => {
  const draft = await startDraft(form, context);
  await finalize(form, draft.id, valid);
  render(<StoragePanel />);
  await screen.findByText(/^Not persistent: the browser may clear it/);
  expect(screen.getByText('Space used').nextElementSibling?.textContent).toBe('1.5 MB');
  expect(screen.getByText('Space available').nextElementSibling?.textContent).toBe('299 MB');
  expect(await screen.findByText('1 response')).toBeTruthy();

  // Another response finalized: the count follows the database.
  const next = await startDraft(form, context);
  await finalize(form, next.id, valid);
  expect(await screen.findByText('2 responses')).toBeTruthy();
});
