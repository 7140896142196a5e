import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, storedSubmissions, valueOf, type Page, useAppInBrowser } from '../helpers/browser';

describeInBrowser('a draft survives a reload and is finalized', () => {
  const app = useAppInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await (await app.browser.newContext()).newPage();
  });

  it('keeps every answer typed before a reload, then finalizes durably', async () => {
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workshop feedback');

    // Half the form: text, date, a radio, a likert, a checkbox, a follow-up revealed by skip logic.
    await page.getByLabel('Workshop name', { exact: true }).fill('Gender mainstreaming, Istanbul');
    await page.getByLabel('Date', { exact: true }).fill('2003-10-14');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Female' }).check();
    await page.getByRole('group', { name: 'Your role' }).getByRole('radio', { name: 'Other' }).check();
    await page.getByLabel('Other, please specify', { exact: true }).fill('Journalist');
    await page
      .getByRole('group', { name: 'The workshop increased my sensitivity to gender issues in general.' })
      .getByRole('radio', { name: 'Strongly agree' })
      .check();
    await page.getByLabel('Comments', { exact: true }).fill('Très utile — مفيد جدا');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved' }).count(), { timeout: 5000 }).toBe(1);

    await page.reload();
    await expect.poll(() => valueOf(page, 'Workshop name')).toBe('Gender mainstreaming, Istanbul');
    expect(await valueOf(page, 'Date')).toBe('2003-10-14');
    expect(await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Female' }).isChecked()).toBe(true);
    expect(await valueOf(page, 'Other, please specify')).toBe('Journalist');
    expect(await valueOf(page, 'Comments')).toBe('Très utile — مفيد جدا');
    expect(
      await page
        .getByRole('group', { name: 'The workshop increased my sensitivity to gender issues in general.' })
        .getByRole('radio', { name: 'Strongly agree' })
        .isChecked(),
    ).toBe(true);

    // The draft is listed, resumed from the list, finished and finalized.
    await page.goto(`${app.server.url}/#/forms/workshop-feedback`);
    await page.getByRole('link', { name: /^Resume draft/ }).click();
    await page.getByRole('group', { name: 'Should training events like this one be organized at least once a year?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Saved');

    const [stored, ...others] = await storedSubmissions(page);
    expect(others).toHaveLength(0);
    expect(stored?.status).toBe('queued');
    expect(stored?.answers).toEqual({
      workshop_name: 'Gender mainstreaming, Istanbul',
      workshop_date: '2003-10-14',
      sex: 'female',
      role: 'other',
      role_other: 'Journalist',
      aim_gender_sensitivity: 5,
      training_yearly: 'yes',
      comments: 'Très utile — مفيد جدا',
    });
  });
});
