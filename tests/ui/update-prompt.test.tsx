import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, expect, it, vi } from 'vitest';

const calls: string[] = [];
let announce: (() => void) | undefined;
let flushFails = false;

vi.mock('../../src/pwa/sw-bridge', () => ({
  onUpdateReady: (callback: () => void) => {
    announce = callback;
    return () => (announce = undefined);
  },
  applyUpdate: vi.fn(async () => void calls.push('apply')),
}));
vi.mock('../../src/ui/use-autosave', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  flushOpenDrafts: vi.fn(async () => {
    calls.push('flush');
    if (flushFails) throw new Error('An open draft could not be saved.');
  }),
}));

const { UpdatePrompt } = await import('../../src/ui/UpdatePrompt');

beforeEach(() => {
  calls.length = 0;
  flushFails = false;
});

it('shows nothing until a new version waits, then offers it', async () => {
  render(<UpdatePrompt />);
  expect(screen.queryByRole('button', { name: 'Update' })).toBeNull();
  announce?.();
  expect(await screen.findByText('A new version is ready.')).toBeTruthy();
  expect(calls).toEqual([]);
});

it('on Update, saves open drafts first and only then switches version', async () => {
  render(<UpdatePrompt />);
  announce?.();
  fireEvent.click(await screen.findByRole('button', { name: 'Update' }));
  await vi.waitFor(() => expect(calls).toEqual(['flush', 'apply']));
});

it('does not switch when an open draft could not be saved, and says why', async () => {
  flushFails = true;
  render(<UpdatePrompt />);
  announce?.();
  fireEvent.click(await screen.findByRole('button', { name: 'Update' }));
  expect(await screen.findByText(/the open form could not be saved, so the update waits/)).toBeTruthy();
  expect(calls).toEqual(['flush']);
});
