import { beforeEach, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { StorageError } from '../../src/storage/errors';
import {
  deleteDraft,
  finalize,
  getSubmission,
  listSubmissions,
  saveDraft,
  startDraft,
  type DraftContext,
} from '../../src/storage/submissions';
import { countSubmissions } from '../../src/storage/counts';
import { resetStorage } from '../helpers/reset-storage';

const context: DraftContext = { deviceId: 'device-1', enumerator: 'Amina', locale: 'en', appVersion: 'test' };
const form = findForm('workshop-feedback') as Form;
const valid = { workshop_name: 'Istanbul', workshop_date: '2003-10-14', sex: 'female' };

beforeEach(resetStorage);

describe('drafts', () => {
  it('starts a draft with a UUID, the form version, the context and a prefill', async () => {
    const draft = await startDraft(form, context, { workshop_name: 'Istanbul' });
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await getSubmission(draft.id);
    expect(stored).toMatchObject({ status: 'draft', formId: 'workshop-feedback', formVersion: form.version, answers: { workshop_name: 'Istanbul' } });
    expect(stored?.meta).toMatchObject({ deviceId: 'device-1', enumerator: 'Amina', locale: 'en' });
    expect(stored?.meta.completedAt).toBeUndefined();
  });

  it('saves answers as typed and moves updatedAt forward', async () => {
    const draft = await startDraft(form, context);
    await new Promise((r) => setTimeout(r, 5));
    await saveDraft(draft.id, { workshop_place: 'Geneva' });
    const stored = await getSubmission(draft.id);
    expect(stored?.answers).toEqual({ workshop_place: 'Geneva' });
    expect(stored!.meta.updatedAt > draft.meta.updatedAt).toBe(true);
  });

  it('refuses to save a draft that does not exist', async () => {
    await expect(saveDraft(crypto.randomUUID(), {})).rejects.toMatchObject({ failure: { kind: 'missing' } });
  });

  it('deletes a draft but never a finalized submission', async () => {
    const a = await startDraft(form, context);
    await deleteDraft(a.id);
    expect(await getSubmission(a.id)).toBeUndefined();
    const b = await startDraft(form, context);
    await finalize(form, b.id, valid);
    await expect(deleteDraft(b.id)).rejects.toBeInstanceOf(StorageError);
    expect(await getSubmission(b.id)).toBeDefined();
  });
});

describe('finalize', () => {
  it('refuses invalid answers, names the questions, and writes nothing', async () => {
    const draft = await startDraft(form, context, { workshop_name: 'x' });
    const result = await finalize(form, draft.id, { workshop_name: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['sex', 'workshop_date']);
    expect((await getSubmission(draft.id))?.status).toBe('draft');
  });

  it('queues valid answers, drops irrelevant and empty ones, and stamps completedAt', async () => {
    const draft = await startDraft(form, context);
    const result = await finalize(form, draft.id, { ...valid, role: 'staff', role_other: 'left over', comments: '' });
    expect(result.ok).toBe(true);
    const stored = await getSubmission(draft.id);
    expect(stored?.status).toBe('queued');
    expect(stored?.answers).toEqual({ ...valid, role: 'staff' });
    expect(stored?.meta.completedAt).toBeDefined();
  });

  it('makes a finalized submission read-only', async () => {
    const draft = await startDraft(form, context);
    await finalize(form, draft.id, valid);
    await expect(saveDraft(draft.id, { sex: 'male' })).rejects.toMatchObject({ failure: { kind: 'finalized' } });
    await expect(finalize(form, draft.id, valid)).rejects.toMatchObject({ failure: { kind: 'finalized' } });
    expect((await getSubmission(draft.id))?.answers).toEqual(valid);
  });
});

describe('listing and counts', () => {
  it('lists one form newest first, a page at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await startDraft(form, context)).id);
      await new Promise((r) => setTimeout(r, 2));
    }
    await startDraft(findForm('gfp-constraints') as Form, context);
    const first = await listSubmissions(form.id, { offset: 0, limit: 5 });
    const second = await listSubmissions(form.id, { offset: 5, limit: 5 });
    expect(first.map((s) => s.id)).toEqual(ids.slice(2).reverse());
    expect(second.map((s) => s.id)).toEqual(ids.slice(0, 2).reverse());
  });

  it('counts by status and today', async () => {
    const a = await startDraft(form, context);
    await startDraft(form, context);
    await finalize(form, a.id, valid);
    const counts = await countSubmissions(form.id);
    expect(counts).toMatchObject({ draft: 1, queued: 1, synced: 0, rejected: 0, total: 2, today: 1 });
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await countSubmissions(form.id, tomorrow)).today).toBe(0);
    expect((await countSubmissions('gfp-constraints')).total).toBe(0);
  });
});
