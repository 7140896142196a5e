import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/forms/attachments';
import type { Form } from '../../src/forms/schema';
import {
  attachFile,
  attachmentBlob,
  attachmentsOf,
  blobSha256,
  forgetUploads,
  markUploaded,
  unsentAttachments,
} from '../../src/storage/attachments';
import { deleteDraft, finalize, getSubmission, saveDraft, startDraft, type DraftContext } from '../../src/storage/submissions';
import { StorageError } from '../../src/storage/errors';
import { resetStorage } from '../helpers/reset-storage';

const context: DraftContext = { deviceId: 'device-1', enumerator: 'Amina', locale: 'en', appVersion: 'test' };
const form: Form = {
  id: 'site-visit',
  version: 1,
  title: 'Site visit',
  sections: [{ id: 's', title: 'Site', questions: [{ id: 'photo', type: 'image', label: 'Photo of the site' }, { id: 'note', type: 'text', label: 'Note' }] }],
};
const jpeg = (fill: number, size = 1000) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, ...new Array<number>(size - 3).fill(fill)])], { type: 'image/jpeg' });

beforeEach(resetStorage);

describe('files kept with a draft', () => {
  it('keeps the Blob and a manifest entry named by question and hash', async () => {
    const draft = await startDraft(form, context);
    const blob = jpeg(1);
    const result = await attachFile(draft.id, 'photo', blob, 'IMG_0001.JPG');
    if (!result.ok) throw new Error('refused');
    const sha = await blobSha256(blob);
    expect(result.attachment).toEqual({ name: `photo-${sha.slice(0, 12)}.jpg`, sha256: sha, size: 1000, type: 'image/jpeg' });
    expect((await getSubmission(draft.id))?.attachments).toEqual([result.attachment]);
    // Node's structured clone (fake-indexeddb) does not keep a Blob's bytes; the browser tests read them back.
    expect(await attachmentBlob(draft.id, result.attachment.name)).toBeDefined();
    expect(await attachmentBlob(draft.id, 'photo-000000000000.jpg')).toBeUndefined();
  });

  it('keeps one copy when the same file is chosen twice, and saving answers keeps the manifest', async () => {
    const draft = await startDraft(form, context);
    const first = await attachFile(draft.id, 'photo', jpeg(2));
    const again = await attachFile(draft.id, 'photo', jpeg(2));
    expect(again).toEqual(first);
    if (!first.ok) throw new Error('refused');
    await saveDraft(draft.id, { photo: first.attachment.name });
    expect((await getSubmission(draft.id))?.attachments).toHaveLength(1);
    expect(await attachmentsOf(draft.id)).toHaveLength(1);
  });

  it('refuses a file over the cap and writes nothing', async () => {
    const draft = await startDraft(form, context);
    const result = await attachFile(draft.id, 'photo', new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], { type: 'image/jpeg' }));
    expect(result).toEqual({ ok: false, refusal: { kind: 'too-large', limit: MAX_ATTACHMENT_BYTES } });
    expect((await getSubmission(draft.id))?.attachments).toBeUndefined();
    expect(await attachmentsOf(draft.id)).toEqual([]);
  });

  it('refuses a file for a finalized submission', async () => {
    const draft = await startDraft(form, context);
    await finalize(form, draft.id, { note: 'done' });
    await expect(attachFile(draft.id, 'photo', jpeg(3))).rejects.toBeInstanceOf(StorageError);
  });

  it('finalize keeps only the files the answers name, and drops the others', async () => {
    const draft = await startDraft(form, context);
    const replaced = await attachFile(draft.id, 'photo', jpeg(4));
    const chosen = await attachFile(draft.id, 'photo', jpeg(5));
    if (!replaced.ok || !chosen.ok) throw new Error('refused');
    const done = await finalize(form, draft.id, { photo: chosen.attachment.name });
    expect(done.ok).toBe(true);
    expect((await getSubmission(draft.id))?.attachments).toEqual([chosen.attachment]);
    expect((await attachmentsOf(draft.id)).map((a) => a.name)).toEqual([chosen.attachment.name]);
  });

  it('deleting a draft deletes its files', async () => {
    const draft = await startDraft(form, context);
    await attachFile(draft.id, 'photo', jpeg(6));
    await deleteDraft(draft.id);
    expect(await attachmentsOf(draft.id)).toEqual([]);
  });
});

describe('upload marks', () => {
  it('lists unsent files, marks them uploaded, and forgets the marks when the server lost them', async () => {
    const draft = await startDraft(form, context);
    const a = await attachFile(draft.id, 'photo', jpeg(7));
    if (!a.ok) throw new Error('refused');
    expect(await unsentAttachments(draft.id)).toEqual([a.attachment]);
    await markUploaded(draft.id, a.attachment.name);
    expect(await unsentAttachments(draft.id)).toEqual([]);
    await forgetUploads(draft.id);
    expect(await unsentAttachments(draft.id)).toEqual([a.attachment]);
  });
});
