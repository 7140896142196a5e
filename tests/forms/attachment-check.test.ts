// The manifest check of docs/attachments.md ("Names and the manifest"), as the server's ingest and
// the device's bundle import run it through checkAgainstForm: a table of submissions of a form
// with media questions at the top, in a repeat and in a nested repeat, each accepted or refused
// at the paths and with the words expected.
import { describe, expect, it } from 'vitest';
import { hasMediaQuestions, mediaAnswers } from '../../src/forms/attachment-check';
import { checkAgainstForm } from '../../src/forms/check';
import { findForm } from '../../src/forms/index';
import { makeSubmission } from '../fixtures/submissions';
import { CARD_1, CARD_2, CLIP, MEDIA_FORM, NESTED_MEDIA as NESTED, PDF, PHOTO, VOICE, mediaLookup as lookup, mediaSubmission as submission } from '../fixtures/media-form';

interface Case {
  name: string;
  input: ReturnType<typeof submission>;
  /** The paths refused, each with words its message holds; empty: accepted. */
  errors: [path: string, words: string][];
}

const CASES: Case[] = [
  { name: 'no files at all', input: submission({}), errors: [] },
  { name: 'one photo listed', input: submission({ photo: PHOTO.name }, [PHOTO]), errors: [] },
  { name: 'files at every depth of the repeats', input: submission(NESTED, [PHOTO, CARD_1, CARD_2, VOICE, CLIP]), errors: [] },
  { name: 'one file answering two instances', input: submission({ member: [{ id_card: CARD_1.name }, { id_card: CARD_1.name }] }, [CARD_1]), errors: [] },
  { name: 'a PDF for a file question', input: submission({ report: PDF.name }, [PDF]), errors: [] },
  { name: 'the manifest in another order', input: submission(NESTED, [CLIP, VOICE, CARD_2, CARD_1, PHOTO]), errors: [] },
  { name: 'a photo answer without any manifest', input: submission({ photo: PHOTO.name }), errors: [['answers.photo', 'lists no attachments']] },
  { name: 'an empty manifest', input: submission({}, []), errors: [['attachments', 'leave it out']] },
  { name: 'a photo answer naming a file not listed', input: submission({ photo: PHOTO.name }, [PDF]), errors: [['answers.photo', 'not in the submission\'s attachments'], ['attachments.0', 'no answer names it']] },
  {
    name: 'a nested answer naming a file not listed',
    input: submission(NESTED, [PHOTO, CARD_1, CARD_2, CLIP]),
    errors: [['answers.member.0.visit.0.voice', `"${VOICE.name}", which is not in`]],
  },
  { name: 'a listed file no answer names', input: submission({ photo: PHOTO.name }, [PHOTO, CARD_1]), errors: [['attachments.1', `"${CARD_1.name}" is listed but no answer names it`]] },
  {
    name: 'a name whose hex is not the start of its hash',
    input: submission({ photo: PHOTO.name }, [{ ...PHOTO, sha256: 'f'.repeat(64) }]),
    errors: [['attachments.0.name', 'first 12 hex digits of its sha256 (ffffffffffff)']],
  },
  { name: 'a PDF answering an image question', input: submission({ photo: PHOTO.name }, [{ ...PHOTO, type: 'application/pdf' }]), errors: [['attachments.0.type', 'an image question takes image/jpeg']] },
  { name: 'an SVG answering an image question', input: submission({ photo: PHOTO.name }, [{ ...PHOTO, type: 'image/svg+xml' }]), errors: [['attachments.0.type', 'cannot answer "photo"']] },
  { name: 'a video answering an audio question', input: submission({ member: [{ visit: [{ voice: VOICE.name }] }] }, [{ ...VOICE, type: 'video/mp4' }]), errors: [['attachments.0.type', 'audio/*']] },
  { name: 'an HTML page answering a file question', input: submission({ report: PDF.name }, [{ ...PDF, type: 'text/html' }]), errors: [['attachments.0.type', 'web pages']] },
  {
    name: 'a misfit file named twice, said once',
    input: submission({ member: [{ id_card: CARD_1.name }, { id_card: CARD_1.name }] }, [{ ...CARD_1, type: 'audio/ogg' }]),
    errors: [['attachments.0.type', 'cannot answer "id_card"']],
  },
  { name: 'an answer that is not a file name', input: submission({ photo: 'holiday.jpg' }), errors: [['answers.photo', 'does not name an attached file']] },
  { name: 'a name listed twice', input: submission({ photo: PHOTO.name }, [PHOTO, PHOTO]), errors: [['attachments', 'appears once']] },
];

describe('a submission\'s attachments against its media answers', () => {
  it.each(CASES)('$name', ({ input, errors }) => {
    const checked = checkAgainstForm(input, lookup);
    if (errors.length === 0) {
      expect(checked).toEqual({ ok: true, submission: input });
      return;
    }
    expect(checked.ok).toBe(false);
    const found = checked.ok ? [] : checked.errors;
    expect(found.map((e) => e.path)).toEqual(errors.map(([path]) => path));
    errors.forEach(([, words], i) => expect(found[i]?.message).toContain(words));
  });

  it('refuses attachments on a form without media questions, clearly', () => {
    const plain = makeSubmission('workshop-feedback');
    expect(hasMediaQuestions(findForm('workshop-feedback')!)).toBe(false);
    const checked = checkAgainstForm({ ...plain, attachments: [PHOTO] });
    expect(checked).toEqual({
      ok: false,
      id: plain.id,
      errors: [{ path: 'attachments', message: `Form "workshop-feedback" version ${plain.formVersion} has no photo, recording or file question, so its submissions carry no attachments.` }],
    });
  });

  it('finds media answers at every depth, with dotted 0-based paths', () => {
    expect(hasMediaQuestions(MEDIA_FORM)).toBe(true);
    expect(mediaAnswers(MEDIA_FORM, NESTED).map((a) => [a.path, a.question.type])).toEqual([
      ['answers.photo', 'image'],
      ['answers.member.0.id_card', 'image'],
      ['answers.member.0.visit.0.voice', 'audio'],
      ['answers.member.0.visit.1.clip', 'video'],
      ['answers.member.1.id_card', 'image'],
    ]);
  });
});
