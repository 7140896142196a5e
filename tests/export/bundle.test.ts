// Offline bundles: what is made is read back unchanged, and a damaged or foreign file is
// refused with a reason, never half-read.
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, bundleFileName, BundleSchema, makeBundle, readBundleText, sha256Hex, type BundleRead } from '../../src/export/bundle';
import { canonicalJson } from '../../src/export/canonical-json';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { variedSubmissions } from '../fixtures/varied-submissions';

const form = findForm('workshop-feedback') as Form;
const submissions = variedSubmissions(form, 20, 7);

const problemOf = (read: BundleRead) => (read.ok ? 'ok' : read.problem);

describe('a bundle made on a device', () => {
  it('reads back whole, its checksum the sha256 of the canonical submissions', async () => {
    const bundle = await makeBundle('device-a', submissions, '2024-05-14T10:00:00.000Z');
    expect(BundleSchema.parse(bundle)).toEqual(bundle);
    expect(bundle).toMatchObject({ format: BUNDLE_FORMAT, version: 1, deviceId: 'device-a', createdAt: '2024-05-14T10:00:00.000Z' });
    expect(bundle.checksum).toBe(await sha256Hex(canonicalJson(submissions)));
    const read = await readBundleText(JSON.stringify(bundle));
    expect(read).toEqual({ ok: true, bundle });
  });

  it('does not depend on key order or whitespace', async () => {
    const bundle = await makeBundle('device-a', submissions);
    const reordered = { ...bundle, submissions: bundle.submissions.map((s) => ({ meta: s.meta, answers: s.answers, formVersion: s.formVersion, formId: s.formId, id: s.id })) };
    expect(problemOf(await readBundleText(JSON.stringify(reordered, null, 2)))).toBe('ok');
  });

  it('can be empty', async () => {
    expect(problemOf(await readBundleText(JSON.stringify(await makeBundle('device-a', []))))).toBe('ok');
  });

  it('is named after the device and the day', () => {
    expect(bundleFileName('3f2a9c1b-aaaa-4bbb-8ccc-123456789012', new Date('2024-05-14T23:00:00Z'))).toBe('fieldbook-bundle-3f2a9c1b-2024-05-14.json');
  });
});

describe('a file that is refused', () => {
  async function bundleText(): Promise<string> {
    return JSON.stringify(await makeBundle('device-a', submissions));
  }

  it.each<[string, (text: string) => string, string]>([
    ['one answer changed', (t) => t.replace('"sex":"female"', '"sex":"male"'), 'checksum'],
    ['a response removed', (t) => { const b = JSON.parse(t); b.submissions.pop(); return JSON.stringify(b); }, 'checksum'],
    ['the checksum replaced', (t) => t.replace(/"checksum":"[0-9a-f]{64}"/, `"checksum":"${'0'.repeat(64)}"`), 'checksum'],
    ['cut short', (t) => t.slice(0, Math.floor(t.length * 0.6)), 'not-json'],
    ['empty', () => '', 'not-json'],
    ['another format', (t) => t.replace(`"format":"${BUNDLE_FORMAT}"`, '"format":"kobo-export"'), 'foreign'],
    ['plain JSON of something else', () => '{"submissions":[]}', 'foreign'],
    ['a JSON array', () => '[]', 'foreign'],
    ['a later version', (t) => t.replace('"version":1', '"version":2'), 'version'],
    ['a field missing', (t) => { const b = JSON.parse(t); delete b.deviceId; return JSON.stringify(b); }, 'malformed'],
    ['an unknown field', (t) => { const b = JSON.parse(t); b.extra = 1; return JSON.stringify(b); }, 'malformed'],
  ])('%s', async (_what, damage, problem) => {
    const text = await bundleText();
    const damaged = damage(text);
    expect(damaged).not.toBe(text);
    const read = await readBundleText(damaged);
    expect(problemOf(read)).toBe(problem);
    if (!read.ok) expect(read.message.length).toBeGreaterThan(20);
  });

  it('says what is wrong in words a coordinator can act on', async () => {
    const read = await readBundleText((await bundleText()).replace('"sex":"female"', '"sex":"male"'));
    expect(read.ok ? '' : read.message).toMatch(/damaged.*checksum/);
  });
});
