// Workshop mode driven in Chromium as a facilitator and participants would: by role and label.
import { expect } from 'vitest';
import type { Page } from './browser';

/** Everything a person could read: the page's text and what every field holds. */
export function readable(page: Page): Promise<string> {
  return page.evaluate(() => `${document.body.innerText} ${Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'), (f) => f.value).join(' ')}`);
}

/** From home: the form card's "Workshop mode", the PIN twice and the session, then Start. */
export async function startWorkshopMode(page: Page, pin: string, session: { name: string; date: string; place: string }): Promise<void> {
  await page.getByRole('link', { name: 'Workshop mode: Workshop feedback' }).click();
  await page.getByLabel('Choose a PIN (4 to 8 digits)').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByLabel('Workshop name').fill(session.name);
  await page.getByLabel('Workshop date').fill(session.date);
  await page.getByLabel('Workshop place').fill(session.place);
  await page.getByRole('button', { name: 'Start workshop mode' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workshop feedback');
}

/**
 * One participant fills and finalizes; returns how long (ms, measured in the page as the screen
 * changes) from the thank-you appearing to the next participant's form appearing.
 */
export async function finishParticipant(page: Page, sex: 'Female' | 'Male', words: string): Promise<number> {
  await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: sex, exact: true }).check();
  await page.getByRole('group', { name: /^Should training events like this one be organized/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByLabel('Comments', { exact: true }).fill(words);
  // Watching starts before the click (the page runs commands in order).
  const thankYouMs = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let thanked: number | undefined;
        const observer = new MutationObserver(() => {
          if (thanked === undefined && document.querySelector('.workshop-thanks')) thanked = performance.now();
          else if (thanked !== undefined && document.querySelector('.workshop-participant form')) {
            observer.disconnect();
            resolve(performance.now() - thanked);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
  );
  await page.getByRole('button', { name: 'Finalize' }).click();
  const ms = await thankYouMs;
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workshop feedback');
  return ms;
}

/** The participant's blank form is on screen, with the session carried over and nothing of `earlier`. */
export async function expectBlankForm(page: Page, sessionName: string, earlier: readonly string[], route: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Workshop feedback');
  await expect.poll(() => new URL(page.url()).hash).toBe('#/workshop');
  expect(await page.getByLabel('Workshop name', { exact: true }).inputValue()).toBe(sessionName);
  expect(await page.getByLabel('Comments', { exact: true }).inputValue()).toBe('');
  const text = await readable(page);
  for (const words of earlier) expect(text, `${route}: ${words}`).not.toContain(words);
}

/** The facilitator leaves with the PIN and lands on the session summary. */
export async function leaveWithPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('link', { name: 'Facilitator' }).click();
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Leave workshop mode' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workshop session: Workshop feedback' }).waitFor();
}

/** A number of the summary's "This session in numbers" list, by its term. */
export function sessionNumber(page: Page, term: string): Promise<string | null> {
  return page.getByLabel('This session in numbers').locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent();
}
