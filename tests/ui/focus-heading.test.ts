// Focus after a screen change: the new heading, whenever the screen draws it, unless the screen
// focused one of its own controls first.
import { afterEach, expect, it } from 'vitest';
import { focusHeadingWhenShown } from '../../src/ui/focus-heading';

const main = () => {
  const el = document.createElement('main');
  el.tabIndex = -1;
  document.body.append(el);
  return el;
};

afterEach(() => document.body.replaceChildren());

it('focuses a heading already drawn', () => {
  const m = main();
  m.innerHTML = '<h1>Surveys</h1>';
  focusHeadingWhenShown(m);
  expect(document.activeElement?.textContent).toBe('Surveys');
});

it('waits for a heading drawn later (a screen loading its code, then its data)', async () => {
  const m = main();
  m.innerHTML = '<p role="status">Opening…</p>';
  focusHeadingWhenShown(m);
  expect(document.activeElement).toBe(document.body);
  m.innerHTML = '<h1>Project questionnaire</h1>';
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(document.activeElement?.textContent).toBe('Project questionnaire');
});

it('leaves focus on a control the screen focused itself', () => {
  const m = main();
  m.innerHTML = '<h1>Saved</h1><button>Start another</button>';
  m.querySelector('button')!.focus();
  focusHeadingWhenShown(m);
  expect(document.activeElement?.textContent).toBe('Start another');
});

it('gives up quietly when no heading comes', async () => {
  const m = main();
  const stop = focusHeadingWhenShown(m, 10);
  await new Promise((resolve) => setTimeout(resolve, 30));
  m.innerHTML = '<h1>Too late</h1>';
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(document.activeElement).toBe(document.body);
  stop();
});
