// The whole path of issue 14 in real Chromium against the real server: a field XLSForm with a
// household roster, a GPS point and a photo is published, filled offline on a laptop (three
// members added by hand, the location typed, the photo chosen from a file), and synced. The
// server then holds the photo byte for byte, the repeat's CSV has three rows, and the main CSV
// names the photo's file; the coordinator's ZIP of the form's files holds it under the row's id.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeInBrowser, enrollAndFindForm, publishXlsForm, storedSubmissions, useAppInBrowser } from '../helpers/browser';
import { parseCsv } from '../helpers/csv-parse';
import { makePng } from '../helpers/png';
import { buildXlsx } from '../helpers/xlsx';

const WORKBOOK = buildXlsx({
  survey: [
    ['type', 'name', 'label', 'required', 'parameters', 'constraint'],
    ['select_one sex', 'resp_sex', 'Sex of the respondent', 'yes', '', ''],
    ['begin_repeat', 'member', 'Household member', '', '', ''],
    ['text', 'member_name', 'Name', 'yes', '', ''],
    ['integer', 'member_age', 'Age', 'yes', '', '. >= 0 and . < 130'],
    ['select_one sex', 'member_sex', 'Sex', 'yes', '', ''],
    ['end_repeat', '', '', '', '', ''],
    ['geopoint', 'home', 'Where is the house?', 'yes', '', ''],
    ['image', 'house_photo', 'Photo of the house', 'yes', 'max-pixels=1024', ''],
  ],
  choices: [
    ['list_name', 'name', 'label'],
    ['sex', 'female', 'Female'],
    ['sex', 'male', 'Male'],
  ],
  settings: [['form_id', 'form_title'], ['household', 'Household survey']],
});
/** A real PNG under max-pixels: kept as chosen, so the server's copy must equal it byte for byte. */
const PNG = makePng(64, 48);

describeInBrowser('a household survey with a roster, a location and a photo', () => {
  const app = useAppInBrowser();

  it('is published, filled offline, synced, and exported', async () => {
    const { server } = app;
    const auth = { Authorization: `Bearer ${server.tokens.coordinator}` };
    const published = await publishXlsForm(server, WORKBOOK);
    expect(published.status).toBe(201);

    const context = await app.browser.newContext();
    const page = await context.newPage();
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const start = await enrollAndFindForm(page, server, 'Household survey');

    await context.setOffline(true);
    await start.click();
    await expect.poll(heading).toBe('Household survey');
    await page.getByRole('group', { name: 'Sex of the respondent' }).getByRole('radio', { name: 'Female', exact: true }).check();
    const members = [
      ['Amina', '34', 'Female'],
      ['Yusuf', '36', 'Male'],
      ['Layla', '7', 'Female'],
    ] as const;
    for (const [i, [name, age, sex]] of members.entries()) {
      await page.getByRole('button', { name: 'Add Household member' }).click();
      const instance = page.getByRole('region', { name: `Household member ${i + 1}` });
      await instance.getByLabel('Name', { exact: true }).fill(name);
      await instance.getByLabel('Age', { exact: true }).fill(age);
      await instance.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: sex, exact: true }).check();
    }
    const home = page.getByRole('group', { name: /Where is the house\?/ });
    await home.getByLabel('Latitude (-90 to 90)').fill('12.6392');
    await home.getByLabel('Longitude (-180 to 180)').fill('-8.0029');
    await page.getByLabel('Photo of the house').setInputFiles({ name: 'house.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: /Photo of the house/ }).waitFor();
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    const [queued] = await storedSubmissions(page);
    expect(queued?.status).toBe('queued');
    const photoName = queued!.answers.house_photo as string;
    expect(photoName).toMatch(/^house_photo-[0-9a-f]{12}\.png$/);
    expect((queued!.answers.member as unknown[]).length).toBe(3);

    await context.setOffline(false);
    await expect.poll(async () => (await storedSubmissions(page))[0]?.status, { timeout: 30_000 }).toBe('synced');

    const photo = await fetch(`${server.url}/api/v1/forms/household/submissions/${queued!.id}/attachments/${photoName}`, { headers: auth });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);

    const csv = async (query = '') => parseCsv((await (await fetch(`${server.url}/api/v1/forms/household/submissions.csv${query}`, { headers: auth })).text()).replace(/^\uFEFF/, ''));
    const roster = await csv('?repeat=member');
    expect(roster[0]).toEqual(['submission_id', 'repeat_index', 'parent_index', 'member_name', 'member_age', 'member_sex']);
    expect(roster.slice(1)).toEqual(members.map(([name, age, sex], i) => [queued!.id, String(i + 1), '', name, age, sex.toLowerCase()]));
    const main = await csv();
    const header = main[0]!;
    expect(main).toHaveLength(2);
    expect(main[1]![header.indexOf('house_photo')]).toBe(photoName);
    expect(main[1]![header.indexOf('home/latitude')]).toBe('12.6392');

    // The coordinator downloads every file of the form as one ZIP, laid out as the CSV names them.
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Coordinator' }).click();
    await page.getByLabel('Coordinator token').fill(server.tokens.coordinator);
    await page.getByRole('button', { name: 'Show results' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download photos and files (ZIP): Household survey' }).click()]);
    expect(download.suggestedFilename()).toBe('household-files.zip');
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip)).toEqual([`${queued!.id}/${photoName}`]);
    expect(Buffer.from(zip[`${queued!.id}/${photoName}`]!).equals(PNG)).toBe(true);
    await context.close();
  });
});
