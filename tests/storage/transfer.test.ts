// Device to device with a bundle file (fake-indexeddb plays both devices in turn): what one
// exports the other imports as queued, once; a damaged or foreign file changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { bundleChecksum } from '../../src/export/bundle';
import { exportBundle, importBundleFile, importBundleText } from '../../src/export/device-bundle';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { db } from '../../src/storage/db';
import { toWire } from '../../src/sync/outbox';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const workshop = findForm('workshop-feedback') as Form;
const staff = findForm('gender-sensitivity') as Form;
const statuses = ['queued', 'synced', 'rejected'] as const;

beforeEach(resetStorage);

const everything = () => db().submissions.orderBy('id').toArray();

/** Device A: finalized responses of two forms in every status, and a draft. Returns its bundle's text. */
async function bundleFromDeviceA(scope: 'all' | 'unsent'): Promise<{ text: string; sent: Submission[]; unsent: Submission[] }> {
  const submissions = [...variedSubmissions(workshop, 30, 41, 'device-a'), ...variedSubmissions(staff, 12, 42, 'device-a')];
  await storeFinalized(submissions, (i) => statuses[i % 3]!);
  await storeDraft(variedSubmissions(workshop, 1, 43)[0]!);
  const file = await exportBundle(scope, 'device-a');
  expect(file.fileName).toMatch(/^fieldbook-bundle-device-a-\d{4}-\d{2}-\d{2}\.json$/);
  const unsent = submissions.filter((_, i) => statuses[i % 3] === 'queued');
  expect(file.count).toBe(scope === 'all' ? submissions.length : unsent.length);
  const text = await file.blob.text();
  await resetStorage(); // from here on, this is device B
  return { text, sent: submissions, unsent };
}

describe('device to device', () => {
  it('imports every finalized response as queued with its id and meta, and a second import stores nothing twice', async () => {
    const { text, sent } = await bundleFromDeviceA('all');
    const first = await importBundleText(text);
    expect(first).toMatchObject({ ok: true, total: sent.length, plan: { skipped: [], conflicts: [] } });
    const stored = await everything();
    expect(stored.map(toWire)).toEqual([...sent].sort((a, b) => a.id.localeCompare(b.id)));
    expect(stored.every((r) => r.status === 'queued')).toBe(true);

    const again = await importBundleText(text);
    expect(again).toMatchObject({ ok: true, plan: { add: [], conflicts: [] } });
    expect(again.ok && again.plan.skipped).toHaveLength(sent.length);
    expect(await everything()).toEqual(stored);
  });

  it('exports only what is not yet sent when asked', async () => {
    const { text, unsent } = await bundleFromDeviceA('unsent');
    expect(await importBundleText(text)).toMatchObject({ ok: true, total: unsent.length });
    expect((await everything()).map((r) => r.id)).toEqual(unsent.map((s) => s.id).sort());
  });

  it('reports a held id with other content as a conflict and changes neither copy', async () => {
    const { text, sent } = await bundleFromDeviceA('all');
    const mine = { ...sent[0]!, answers: { ...sent[0]!.answers, workshop_name: 'Edited elsewhere' } };
    const [record] = await storeFinalized([mine], 'synced');
    const outcome = await importBundleText(text);
    expect(outcome).toMatchObject({ ok: true, plan: { conflicts: [mine.id] } });
    expect(await db().submissions.get(mine.id)).toEqual(record);
    expect(await db().submissions.count()).toBe(sent.length);
  });
});

describe('a refused file changes nothing', () => {
  async function refusal(damage: (bundle: Record<string, unknown>, text: string) => string | Promise<string>): Promise<string> {
    const { text } = await bundleFromDeviceA('all');
    await storeFinalized(variedSubmissions(workshop, 2, 77, 'device-b'));
    const before = await everything();
    const outcome = await importBundleText(await damage(JSON.parse(text) as Record<string, unknown>, text));
    expect(await everything()).toEqual(before);
    if (outcome.ok) throw new Error('the file was imported');
    return outcome.message;
  }

  it('a changed answer: checksum', async () => {
    expect(await refusal((_, text) => text.replace('"sex":"female"', '"sex":"male"'))).toMatch(/checksum/);
  });

  it('a truncated file', async () => {
    expect(await refusal((_, text) => text.slice(0, text.length - 200))).toMatch(/not readable JSON/);
  });

  it('another program’s file', async () => {
    expect(await refusal(() => JSON.stringify({ format: 'other-app', records: [] }))).toMatch(/not a Fieldbook bundle/);
  });

  it.each<[string, (s: Submission) => unknown, RegExp]>([
    ['an unknown form', (s) => ({ ...s, formId: 'household-census' }), /Unknown form "household-census"/],
    ['a form version this app does not have', (s) => ({ ...s, formVersion: 99 }), /version 99/],
    ['an invalid answer', (s) => ({ ...s, answers: { ...s.answers, sex: 'unknown' } }), /answers\.sex/],
    ['a malformed submission', (s) => ({ ...s, id: 'not-a-uuid' }), /response 3/],
  ])('a properly sealed bundle holding %s', async (_what, spoil, reason) => {
    const message = await refusal((bundle) => {
      // Sealed again after the change, so only the check of each submission can catch it.
      const submissions = (bundle.submissions as Submission[]).map((s, i) => (i === 2 ? spoil(s) : s));
      return bundleChecksum(submissions).then((checksum) => JSON.stringify({ ...bundle, submissions, checksum }));
    });
    expect(message).toMatch(reason);
    expect(message).toMatch(/Nothing was changed/);
  });

  it('a file larger than any bundle may be is refused before it is read', async () => {
    // Its first bytes say JSON (a ZIP bundle may be larger: tests/storage/bundle-files.test.ts).
    const huge = { size: 60 * 1024 * 1024, slice: () => new Blob(['{"format"']), text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await importBundleFile(huge)).toMatchObject({ ok: false, message: expect.stringMatching(/larger than a bundle/) });
  });
});
