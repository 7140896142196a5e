import { render } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Answers } from '../../src/forms/relevance';
import { AUTOSAVE_DEBOUNCE_MS, useAutosave } from '../../src/ui/use-autosave';

let schedule: (answers: Answers) => void;
const saved: Answers[] = [];

function Probe() {
  ({ schedule } = useAutosave(async (answers) => void saved.push(answers)));
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  saved.length = 0;
  render(<Probe />);
});
afterEach(() => vi.useRealTimers());

it('writes the first change after a quiet spell at once', async () => {
  schedule({ a: '1' });
  await vi.advanceTimersByTimeAsync(0);
  expect(saved).toEqual([{ a: '1' }]);
});

it('writes changes made during typing together, at most one interval later', async () => {
  schedule({ a: '1' });
  schedule({ a: '12' });
  schedule({ a: '123' });
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS - 1);
  expect(saved).toEqual([{ a: '1' }]);
  await vi.advanceTimersByTimeAsync(1);
  expect(saved).toEqual([{ a: '1' }, { a: '123' }]);
});

it('keeps saving during continuous typing instead of waiting for a pause', async () => {
  let text = '';
  for (let i = 0; i < 20; i++) {
    text += 'x';
    schedule({ a: text });
    await vi.advanceTimersByTimeAsync(100);
  }
  // 2 s of typing: a write at the start and one per interval, never more than an interval behind.
  expect(saved.length).toBeGreaterThanOrEqual(5);
  expect(String(saved.at(-1)?.a).length).toBeGreaterThanOrEqual(20 - AUTOSAVE_DEBOUNCE_MS / 100);
});

it('says "saved" only once the last change is written, never while one waits', async () => {
  const states: string[] = [];
  function Status() {
    const autosave = useAutosave(async () => {});
    schedule = autosave.schedule;
    states.push(autosave.state.kind);
    return null;
  }
  render(<Status />);
  schedule({ a: '1' });
  await vi.advanceTimersByTimeAsync(0);
  schedule({ a: '12' }); // typed while the window is open: not yet written
  await vi.advanceTimersByTimeAsync(0);
  expect(states.at(-1)).toBe('saving');
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
  expect(states.at(-1)).toBe('saved');
});
