// Every refusal a publish can meet, from one table; then what passes and how versions are given.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addToHistory, checkPublication, contentText, NO_HISTORY, type PublishedHistory } from '../../src/forms/publish-checks';
import type { Form, QuestionType } from '../../src/forms/schema';
import { definitionWith, type QuestionInput } from '../fixtures/forms';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const AGE: QuestionInput = { id: 'age', type: 'integer', label: 'Age' };
const V1 = { ...definitionWith([AGE]), version: 1 } as Form;
const PHOTO: QuestionInput = { id: 'photo', type: 'image', label: 'Photo', maxPixels: 1024 };
/** A roster holding a photo per member, inside a group. */
const rosterWith = (photo: QuestionInput): QuestionInput[] => [{ id: 'g', type: 'group', questions: [{ id: 'member', type: 'repeat', label: 'Member', questions: [{ id: 'name', type: 'text', label: 'Name' }, photo] }] }];
const MEDIA_V1 = { ...definitionWith([PHOTO, { id: 'voice', type: 'audio', label: 'Voice' }, ...rosterWith({ ...PHOTO, id: 'card' })]), version: 1 } as Form;

/** The history after publishing `forms` in order. */
function historyOf(...forms: Form[]): PublishedHistory {
  const questionTypes = new Map<string, { type: QuestionType; version: number }>();
  for (const f of forms) addToHistory(questionTypes, f);
  const latest = forms.at(-1);
  return latest ? { latestVersion: latest.version, latestHash: hash(contentText(latest)), questionTypes } : NO_HISTORY;
}

const withoutVersion = (questions: QuestionInput[]) => {
  const { version: _v, ...rest } = definitionWith(questions);
  return rest;
};

type Case = [name: string, input: unknown, history: PublishedHistory, column: string | null, message: RegExp];
const REFUSALS: Case[] = [
  ['not the wire format: no sections', { id: 'test-form', title: 'T' }, NO_HISTORY, 'sections', /expected array/],
  ['an unknown question type', withoutVersion([{ ...AGE, type: 'rating' as QuestionType }]), NO_HISTORY, 'sections[0].questions[0].type', /Invalid option/],
  ['an extra field', { ...withoutVersion([AGE]), colour: 'red' }, NO_HISTORY, null, /Unrecognized key/],
  ['a question id that is not a name', withoutVersion([{ ...AGE, id: 'my age' }]), NO_HISTORY, 'sections[0].questions[0].id', /must be a name/],
  ['duplicate question ids', withoutVersion([AGE, { ...AGE, label: 'Again' }]), NO_HISTORY, 'sections[0].questions[1].id', /"age" is used twice/],
  ['duplicate option ids', withoutVersion([{ id: 'c', type: 'single', label: 'C', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }]), NO_HISTORY, 'sections[0].questions[0].options', /repeats an option id/],
  ['a relevant on an unknown question', withoutVersion([{ id: 'why', type: 'text', label: 'Why?', relevant: { question: 'nowhere', equals: 'yes' } }]), NO_HISTORY, 'sections[0].questions[0].relevant.question', /depends on "nowhere"/],
  ['a relevant on a later question', withoutVersion([{ id: 'why', type: 'text', label: 'Why?', relevant: { question: 'age', equals: 1 } }, AGE]), NO_HISTORY, 'sections[0].questions[0].relevant.question', /not an earlier question/],
  ['a question whose type changed', withoutVersion([{ ...AGE, type: 'text' }]), historyOf(V1), 'sections[0].questions[0].type', /"age" was "integer" in version 1 and cannot become "text"/],
  ['a type change against an older version', withoutVersion([{ ...AGE, type: 'number' }]), historyOf(V1, { ...(definitionWith([{ id: 'other', type: 'text', label: 'O' }]) as Form), version: 2 }), 'sections[0].questions[0].type', /in version 1/],
  ['a photo that becomes a file', withoutVersion([{ ...PHOTO, type: 'file', maxPixels: undefined }]), historyOf(MEDIA_V1), 'sections[0].questions[0].type', /"photo" was "image" in version 1 and cannot become "file"/],
  ['a recording that becomes a text', withoutVersion([{ id: 'voice', type: 'text', label: 'Voice' }]), historyOf(MEDIA_V1), 'sections[0].questions[0].type', /"voice" was "audio" in version 1 and cannot become "text"/],
  [
    'a photo in a repeat in a group that becomes a video',
    withoutVersion(rosterWith({ id: 'card', type: 'video', label: 'Card' })),
    historyOf(MEDIA_V1),
    'sections[0].questions[0].questions[0].questions[1].type',
    /"card" was "image" in version 1 and cannot become "video"/,
  ],
  ['a version not above the latest', { ...withoutVersion([AGE, { id: 'more', type: 'text', label: 'More' }]), version: 1 }, historyOf(V1), 'version', /not above the latest published version, 1/],
  ['a version that is not a positive integer', { ...withoutVersion([AGE]), version: 0 }, NO_HISTORY, 'version', /expected number to be >0/],
  ['a section id used twice', { id: 'test-form', title: 'T', sections: [{ id: 's', title: 'S', questions: [AGE] }, { id: 's', title: 'S2', questions: [{ id: 'b', type: 'text', label: 'B' }] }] }, NO_HISTORY, 'sections[1].id', /section id is used twice/],
];

describe('checkPublication refuses', () => {
  it.each(REFUSALS)('%s', (_name, input, history, column, message) => {
    const check = checkPublication(input, history, hash);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const problem = check.problems.find((p) => p.column === column && message.test(p.message));
    expect(problem, JSON.stringify(check.problems)).toBeDefined();
    expect(problem).toMatchObject({ sheet: null, row: null });
  });
});

describe('checkPublication accepts', () => {
  it('a new form as version 1, without the sex question (section 7 allows it)', () => {
    const check = checkPublication({ id: 'no-sex', title: 'T', sections: [{ id: 's', title: 'S', questions: [AGE] }] }, NO_HISTORY, hash);
    expect(check).toMatchObject({ ok: true, unchanged: false, form: { id: 'no-sex', version: 1 } });
  });

  it('the next version when none is given, and a given version above the latest', () => {
    const next = withoutVersion([AGE, { id: 'more', type: 'text', label: 'More' }]);
    expect(checkPublication(next, historyOf(V1), hash)).toMatchObject({ ok: true, form: { version: 2 } });
    expect(checkPublication({ ...next, version: 7 }, historyOf(V1), hash)).toMatchObject({ ok: true, form: { version: 7 } });
  });

  it('content equal to the latest version as unchanged, whatever version it names', () => {
    expect(checkPublication(withoutVersion([AGE]), historyOf(V1), hash)).toEqual({ ok: true, unchanged: true, version: 1 });
    expect(checkPublication({ ...withoutVersion([AGE]), version: 1 }, historyOf(V1), hash)).toEqual({ ok: true, unchanged: true, version: 1 });
  });

  it('removed and added questions, and a removed question that comes back with its type', () => {
    const v2 = { ...(definitionWith([{ id: 'other', type: 'text', label: 'O' }]) as Form), version: 2 };
    expect(checkPublication(withoutVersion([AGE]), historyOf(V1, v2), hash)).toMatchObject({ ok: true, unchanged: false, form: { version: 3 } });
  });

  it('photos, recordings, videos and files, at the top and in repeats, and a next version keeping their types', () => {
    const media = withoutVersion([PHOTO, { id: 'voice', type: 'audio', label: 'Voice' }, { id: 'walk', type: 'video', label: 'Walk' }, { id: 'doc', type: 'file', label: 'Doc' }, ...rosterWith({ ...PHOTO, id: 'card' })]);
    const first = checkPublication(media, NO_HISTORY, hash);
    expect(first).toMatchObject({ ok: true, unchanged: false, form: { version: 1 } });
    expect(first.ok && !first.unchanged && first.form.sections[0]!.questions[0]).toEqual({ id: 'photo', type: 'image', label: 'Photo', maxPixels: 1024 });
    const next = withoutVersion([{ ...PHOTO, maxPixels: 640 }, { id: 'voice', type: 'audio', label: 'Voice note' }, ...rosterWith({ ...PHOTO, id: 'card' })]);
    expect(checkPublication(next, historyOf(MEDIA_V1), hash)).toMatchObject({ ok: true, unchanged: false, form: { version: 2 } });
  });

  it('flags only a version clash as a conflict', () => {
    const clash = checkPublication({ ...withoutVersion([AGE, { id: 'x', type: 'text', label: 'X' }]), version: 1 }, historyOf(V1), hash);
    expect(clash).toMatchObject({ ok: false, conflict: true });
    const invalid = checkPublication(withoutVersion([{ ...AGE, type: 'text' }]), historyOf(V1), hash);
    expect(invalid).toMatchObject({ ok: false, conflict: false });
  });
});
