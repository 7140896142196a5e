// The media widget in the renderer, on the real storage module (fake-indexeddb): a file chosen
// inside a repeat instance is named by the question's own id and answered at the instance's path;
// a file of the wrong kind, an image whose bytes are not its format, an empty file and a full disk
// are each said in words with nothing changed; a preview has no draft to keep files in.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import type { AnswerValue, Answers } from '../../src/forms/relevance';
import type { Form, FormInput } from '../../src/forms/schema';
import { db } from '../../src/storage/db';
import { getSubmission, startDraft } from '../../src/storage/submissions';
import { FormRenderer } from '../../src/ui/FormRenderer';
import { captureFor } from '../../src/ui/MediaField';
import { resetStorage } from '../helpers/reset-storage';

function load(input: FormInput): Form {
  const read = readDefinition(input);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const FORM = load({
  id: 'household',
  version: 1,
  title: 'Household',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'house', type: 'image', label: 'Photo of the house' },
        { id: 'letter', type: 'file', label: 'Signed letter' },
        { id: 'member', type: 'repeat', label: 'Household member', questions: [{ id: 'id_card', type: 'image', label: 'Identity card' }] },
      ],
    },
  ],
});

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (fill: number) => new File([new Uint8Array([...PNG_HEAD, ...new Array<number>(200).fill(fill)])], 'card.png', { type: 'image/png' });

let last: Answers = {};
function Harness({ submissionId }: { submissionId: string | undefined }) {
  const [answers, setAnswers] = useState<Answers>({});
  const onChange = (id: string, value: AnswerValue | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      last = next;
      return next;
    });
  };
  return <FormRenderer form={FORM} answers={answers} errors={{}} locale="en" onChange={onChange} submissionId={submissionId} />;
}

/** Chooses `file` in a file input, as the browser's picker would. */
function choose(input: HTMLElement, file: File): void {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  fireEvent.change(input);
}

beforeEach(async () => {
  await resetStorage();
  last = {};
});
afterEach(() => vi.restoreAllMocks());

describe('a photo or file question', () => {
  it('inside a repeat, names the file by the question id and answers at the instance', async () => {
    const draft = await startDraft(FORM, { deviceId: 'd', enumerator: 'Amina', locale: 'en', appVersion: 'test' });
    render(<Harness submissionId={draft.id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add Household member' }));
    const instance = await screen.findByRole('region', { name: 'Household member 1' });
    const input = within(instance).getByLabelText('Identity card');
    expect(input.getAttribute('accept')).toBe('image/jpeg,image/png,image/gif,image/webp');
    expect(input.hasAttribute('capture')).toBe(false);
    choose(input, png(7));
    await waitFor(() => expect(last.member).toEqual([{ id_card: expect.stringMatching(/^id_card-[0-9a-f]{12}\.png$/) }]));
    const name = (last.member as Answers[])[0]!.id_card;
    expect((await getSubmission(draft.id))?.attachments?.map((a) => a.name)).toEqual([name]);
    // Node's fake IndexedDB keeps no Blob bytes, so the size shows once read back in a browser; the name shows here.
    await within(instance).findByText(new RegExp(`^${String(name).replace('.', '\\.')}`));
    expect(within(instance).getByRole('button', { name: 'Remove photo' })).toBeTruthy();
  });

  it.each([
    ['Photo of the house', 'a web page', new File(['<html></html>'], 'page.html', { type: 'text/html' }), 'This file is not a photo Fieldbook can keep. Choose a JPEG, PNG, GIF or WebP picture.'],
    ['Photo of the house', 'text calling itself a PNG', new File(['not a picture at all'], 'fake.png', { type: 'image/png' }), 'This file is not a photo Fieldbook can keep. Choose a JPEG, PNG, GIF or WebP picture.'],
    ['Signed letter', 'an SVG picture', new File(['<svg/>'], 'drawing.svg', { type: 'image/svg+xml' }), 'This kind of file cannot be kept (a web page, script or SVG picture could run in a browser). Choose another.'],
    ['Signed letter', 'an empty file', new File([], 'empty.pdf', { type: 'application/pdf' }), 'This file is empty. Choose another.'],
  ])('"%s" refuses %s in words, and changes nothing', async (label, _what, file, message) => {
    const draft = await startDraft(FORM, { deviceId: 'd', enumerator: 'Amina', locale: 'en', appVersion: 'test' });
    render(<Harness submissionId={draft.id} />);
    choose(screen.getByLabelText(label), file);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(last).toEqual({});
    expect((await getSubmission(draft.id))?.attachments).toBeUndefined();
  });

  it('says a full disk in the words used everywhere, and keeps no answer', async () => {
    const draft = await startDraft(FORM, { deviceId: 'd', enumerator: 'Amina', locale: 'en', appVersion: 'test' });
    vi.spyOn(db().attachments, 'put').mockImplementation(() => {
      throw new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    });
    render(<Harness submissionId={draft.id} />);
    choose(screen.getByLabelText('Photo of the house'), png(1));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This device is out of storage space\. Nothing already saved is lost/);
    expect(last).toEqual({});
    expect((await getSubmission(draft.id))?.attachments).toBeUndefined();
  });

  it('in a preview, without a draft, offers nothing to choose and says why', () => {
    render(<Harness submissionId={undefined} />);
    expect((screen.getByLabelText('Photo of the house') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('A file can be chosen once a response is started.')).toHaveLength(2);
  });

  it('opens the camera directly only when the appearance asks, as ODK does', () => {
    expect(captureFor('image', undefined)).toBeUndefined();
    expect(captureFor('image', 'new')).toBe('environment');
    expect(captureFor('video', 'new')).toBe('environment');
    expect(captureFor('audio', 'new')).toBe('user');
    expect(captureFor('image', 'selfie')).toBe('user');
    expect(captureFor('image', 'annotate new-front')).toBe('user');
    expect(captureFor('file', 'new')).toBeUndefined();
  });
});
