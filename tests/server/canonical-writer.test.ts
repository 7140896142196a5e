// The canonical text the server hashes: `canonicalWriterFor(form)` (written from the form's sorted
// question ids) gives the same text as the generic `canonicalSubmissionJson` and as `canonicalJson`,
// for submissions with nested repeats and with attached files; and the fast ingest path never
// vouches for a form with media questions or a submission with a manifest (check.ts judges those).
import { describe, expect, it } from 'vitest';
import { canonicalWriterFor } from '../../server/canonical';
import { fastAccept } from '../../server/fast-check';
import { checkSubmission } from '../../server/ingest';
import { canonicalJson, canonicalSubmissionJson } from '../../src/export/canonical-json';
import { readDefinition } from '../../src/forms/load';
import type { Answers } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { HOUSEHOLD } from '../fixtures/household-repeat';
import { CARD_1, CARD_2, CLIP, MEDIA_FORM, NESTED_MEDIA, PHOTO, VOICE, mediaLookup, mediaSubmission } from '../fixtures/media-form';
import { makeSubmission } from '../fixtures/submissions';

const read = readDefinition(HOUSEHOLD);
if (!read.ok) throw new Error('the household fixture is invalid');
const HOUSEHOLD_FORM = read.form;

/** The same record with its keys in reverse order, at every depth of its instances. */
function reversed(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers)
      .reverse()
      .map(([k, v]) => [k, Array.isArray(v) && typeof v[0] === 'object' ? (v as Answers[]).map(reversed) : v]),
  );
}

const ROSTER: Answers = {
  village: 'Kara',
  member: [
    { member_name: 'Ana', member_age: 34, member_no: '1' },
    { member_name: 'Cy', member_age: 81, visit: [{ visit_place: 'Town' }, { visit_place: 'Port' }], member_no: '2' },
    {},
  ],
  members: '3',
  sex: 'female',
};

describe('canonicalWriterFor', () => {
  it('writes nested repeats as the generic writer does, whatever the key order at any depth', () => {
    const base = makeSubmission('workshop-feedback');
    const s: Submission = { ...base, formId: 'household', formVersion: 1, answers: ROSTER };
    const text = canonicalSubmissionJson(s);
    expect(text).toBe(canonicalJson(s));
    expect(canonicalWriterFor(HOUSEHOLD_FORM)(s)).toBe(text);
    expect(canonicalWriterFor(HOUSEHOLD_FORM)({ ...s, answers: reversed(ROSTER) })).toBe(text);
    // Instance keys come out sorted: the second member's `member_age` before `member_name`, `visit` last.
    expect(text).toContain('{"member_age":81,"member_name":"Cy","member_no":"2","visit":[{"visit_place":"Town"},{"visit_place":"Port"}]}');
  });

  it('writes the manifest of attached files, in its own order, with sorted keys', () => {
    const manifest = [PHOTO, CARD_1, CARD_2, VOICE, CLIP];
    const s = mediaSubmission(NESTED_MEDIA, manifest.map((a) => ({ type: a.type, size: a.size, sha256: a.sha256, name: a.name })));
    const text = canonicalSubmissionJson(s);
    expect(text).toBe(canonicalJson(s));
    expect(canonicalWriterFor(MEDIA_FORM)(s)).toBe(text);
    expect(canonicalWriterFor(MEDIA_FORM)({ ...s, answers: reversed(s.answers) })).toBe(text);
    expect(text).toContain(`"attachments":[{"name":"${PHOTO.name}","sha256":"${PHOTO.sha256}","size":2048,"type":"image/jpeg"},`);
    // Another order of the manifest is another content.
    expect(canonicalWriterFor(MEDIA_FORM)({ ...s, attachments: [...(s.attachments ?? [])].reverse() })).not.toBe(text);
  });

  it('leaves `attachments` out when a submission has none, so its hash is as before', () => {
    const s = mediaSubmission({ member: [{}] });
    expect(canonicalWriterFor(MEDIA_FORM)(s)).toBe(canonicalJson(s));
    expect(canonicalWriterFor(MEDIA_FORM)(s)).not.toContain('attachments');
  });
});

describe('the fast ingest path and attached files', () => {
  it('never vouches for a form with media questions; check.ts accepts and hashes it the same way', () => {
    const s = mediaSubmission(NESTED_MEDIA, [PHOTO, CARD_1, CARD_2, VOICE, CLIP]);
    expect(fastAccept(s, mediaLookup)).toBeUndefined();
    expect(fastAccept(mediaSubmission({}), mediaLookup)).toBeUndefined();
    const checked = checkSubmission(s, mediaLookup);
    expect(checked.ok && checked.item.json).toBe(canonicalSubmissionJson(s));
  });

  it('never vouches for a submission with a manifest, even of a form it compiles', () => {
    const plain = makeSubmission('workshop-feedback');
    expect(fastAccept(plain)).toBeDefined();
    const withFiles = { ...plain, attachments: [PHOTO] };
    expect(fastAccept(withFiles)).toBeUndefined();
    const checked = checkSubmission(withFiles);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors[0]?.path).toBe('attachments');
  });
});
