// Figures of XLSForm (issue 13), against the real server and in real Chromium: importing a
// 1,000-row XLSForm with 5,000 choices on the server (a publish over HTTP) and in the browser (the
// coordinator's preview), and the time from an answer to the updated page of that form.
import type { Browser } from 'playwright-core';
import { largeXlsForm, LARGE_FORM_TITLE } from '../../tests/fixtures/large-xlsform';
import { HOME_READY } from '../lib/first-visit';
import { sample } from '../lib/stats';

type Serve = () => Promise<{ url: string; deviceToken: string; coordinatorToken: string; close: () => Promise<void> }>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KEEP_NAMES_SHIM = 'globalThis.__name = (f) => f';

/** Ms of one publish of the large form over HTTP: read, import, check, store (201 the first time, then 200 unchanged). */
async function publishMs(url: string, token: string, bytes: Uint8Array): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/forms`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': XLSX_TYPE }, body: Buffer.from(bytes) });
  await response.arrayBuffer();
  if (response.status !== 201 && response.status !== 200) throw new Error(`publishing the large XLSForm: ${response.status}`);
  return performance.now() - started;
}

/** The large XLSForm: server import, browser import and preview, and answer-to-page in its 1,000 questions. */
export async function largeXlsFormFigures(browser: Browser, serve: Serve, runs: number): Promise<{ server: number[]; browser: number[]; answer: number[] }> {
  const bytes = largeXlsForm();
  const site = await serve();
  const context = await browser.newContext();
  await context.addInitScript(KEEP_NAMES_SHIM);
  try {
    const server = await sample(runs, () => publishMs(site.url, site.coordinatorToken, bytes), 1);

    const coordinator = await context.newPage();
    await coordinator.goto(`${site.url}/#/coordinator`);
    await coordinator.getByLabel('Coordinator token').fill(site.coordinatorToken);
    await coordinator.getByRole('button', { name: 'Show results' }).click();
    await coordinator.getByLabel('Form definition (JSON or XLSForm .xlsx file)').waitFor();
    // Timed in the page, from the input's change event to the last question in the preview (found by
    // id: a label query over 12,000 controls costs Playwright seconds and would be what got measured).
    const inBrowser = await sample(
      runs,
      async () => {
        // CSS selectors only: Playwright's label and role queries walk the whole 12,000-control page on its main thread.
        await coordinator.setInputFiles('#publish-file', []);
        await coordinator.waitForSelector('.preview', { state: 'detached' });
        await coordinator.evaluate(() => {
          const w = window as unknown as { benchElapsed?: number };
          w.benchElapsed = undefined;
          document.getElementById('publish-file')!.addEventListener(
            'change',
            () => {
              const started = performance.now();
              const check = () => (document.querySelector('.preview #q-q999') ? (w.benchElapsed = performance.now() - started) : requestAnimationFrame(check));
              requestAnimationFrame(check);
            },
            { once: true },
          );
        });
        await coordinator.setInputFiles('#publish-file', { name: 'large.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
        await coordinator.waitForFunction(() => (window as unknown as { benchElapsed?: number }).benchElapsed !== undefined, undefined, { timeout: 60_000, polling: 100 });
        return coordinator.evaluate(() => (window as unknown as { benchElapsed: number }).benchElapsed);
      },
      1,
    );

    const page = await context.newPage();
    await page.goto(`${site.url}/#enroll=${site.deviceToken}`);
    await page.waitForFunction(HOME_READY, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: `New response: ${LARGE_FORM_TITLE}` }).click({ timeout: 60_000 });
    await page.locator('#q-q2').waitFor();
    let n = 0;
    // q3 depends on q2: each answer shows or hides it. Timed in the page until the next task, after
    // Preact's render (a microtask) has updated the page; the paint itself waits for the next frame.
    const answer = await sample(
      Math.max(runs, 15),
      () =>
        page.evaluate((value) => {
          const input = document.getElementById('q-q2') as HTMLInputElement;
          const started = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return new Promise<number>((resolve, reject) =>
            setTimeout(() => {
              const elapsed = performance.now() - started;
              // The page must really have changed: q3 is shown exactly when q2 has an answer.
              if ((document.getElementById('q-q3') !== null) !== (value !== '')) reject(new Error('q3 did not follow q2'));
              resolve(elapsed);
            }, 0),
          );
        }, n++ % 2 === 0 ? `answer ${n}` : ''),
      3,
    );
    return { server, browser: inBrowser, answer };
  } finally {
    await context.close();
    await site.close();
  }
}
