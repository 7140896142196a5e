// Results by sex on a form with photos, recordings and files (issue 14): media questions are left
// out of the per-question results (a file name is no category or amount), without disturbing the
// counts by sex, the other questions' charts or the repeats' instance counts.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/forms/load';
import type { Answers } from '../../src/forms/schema';
import { aggregate } from '../../src/results/aggregate';
import { FormResultsSchema, SEX_KEYS, type ChoiceResult } from '../../src/results/schema';
import { definitionWith } from '../fixtures/forms';
import { CARD_1, CARD_2, NESTED_MEDIA, PDF, PHOTO } from '../fixtures/media-form';

const form = parseForm({
  ...definitionWith([
    { id: 'photo', type: 'image', label: 'Photo' },
    { id: 'trained', type: 'yesno', label: 'Trained?' },
    { id: 'report', type: 'file', label: 'Report' },
    { id: 'voice_note', type: 'audio', label: 'Voice note' },
    { id: 'walk', type: 'video', label: 'Walk' },
    {
      id: 'member',
      type: 'repeat',
      label: 'Member',
      questions: [
        { id: 'id_card', type: 'image', label: 'ID card' },
        { id: 'visit', type: 'repeat', label: 'Visit', questions: [{ id: 'voice', type: 'audio', label: 'Voice note' }, { id: 'clip', type: 'video', label: 'Clip' }] },
      ],
    },
  ]),
  id: 'media-results',
});

const bySex = (counts: Partial<Record<(typeof SEX_KEYS)[number], number>>) => SEX_KEYS.map((k) => counts[k] ?? 0);

const rows: { answers: Answers }[] = [
  { answers: { ...NESTED_MEDIA, sex: 'female', trained: 'yes', report: PDF.name } },
  { answers: { sex: 'female', trained: 'no', photo: PHOTO.name, member: [{ id_card: CARD_1.name }] } },
  { answers: { sex: 'male', trained: 'yes', member: [{ id_card: CARD_2.name }, {}] } },
  { answers: { photo: PHOTO.name, voice_note: 'voice_note-0123456789ab.ogg', walk: 'walk-0123456789ab.mp4' } },
];

describe('media questions in results by sex', () => {
  const results = aggregate(form, rows);

  it('have no chart, while the other questions and the counts by sex are as without them', () => {
    expect(results.questions.map((q) => q.questionId)).toEqual(['trained']);
    expect(results.total).toBe(4);
    expect(results.bySex).toEqual(bySex({ female: 2, male: 1, not_stated: 1 }));
    const trained = results.questions[0] as ChoiceResult;
    expect(trained.categories).toEqual(['yes', 'no']);
    expect(trained.counts).toEqual([bySex({ female: 1, male: 1 }), bySex({ female: 1 })]);
    expect(FormResultsSchema.parse(results)).toEqual(results);
  });

  it('count the instances of repeats holding files, nested ones too', () => {
    expect(results.repeats).toEqual([
      { repeatId: 'member', instances: bySex({ female: 3, male: 2 }), responses: bySex({ female: 2, male: 1 }) },
      { repeatId: 'visit', instances: bySex({ female: 2 }), responses: bySex({ female: 1 }) },
    ]);
  });
});
