// What the coordinator's screen says of a definition file before sending it, from a table: each
// refusal it can make alone, and the version a good file previews as.
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { MAX_DEFINITION_BYTES, type FormSummary } from '../../src/sync/forms-api';
import { checkDefinitionText, readDefinitionFile } from '../../src/ui/coordinator/definition-file';

const workshop = findForm('workshop-feedback') as Form;
const { version: _v, ...unversioned } = workshop;

/** The server holds workshop-feedback versions 1 (which this device holds too) and 2 (which it does not). */
const SERVER: FormSummary[] = [
  {
    id: 'workshop-feedback',
    state: 'open',
    title: workshop.title,
    versions: [1, 2].map((version) => ({ version, publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: 'seed', responses: 0 })),
  },
];

/** The workshop definition with its first question changed. */
const withFirst = (change: object) => ({ ...unversioned, sections: [{ ...workshop.sections[0]!, questions: [{ ...workshop.sections[0]!.questions[0]!, ...change }, ...workshop.sections[0]!.questions.slice(1)] }, ...workshop.sections.slice(1)] });

describe('checkDefinitionText', () => {
  it.each([
    ['text that is not JSON', '{"id":', 'unreadable', /^This file is not JSON/],
    ['JSON that is not an object', '[1, 2]', 'unreadable', /a definition is one JSON object/],
    ['no id', JSON.stringify({ ...unversioned, id: undefined }), 'refused', [{ sheet: null, row: null, column: 'id', message: expect.stringMatching(/expected string/) }]],
    ['an id that is not kebab-case', JSON.stringify({ ...unversioned, id: 'Workshop_Feedback' }), 'refused', [{ sheet: null, row: null, column: 'id', message: 'must be kebab-case' }]],
    ['a version not above the latest on the server', JSON.stringify({ ...unversioned, version: 2 }), 'refused', [expect.objectContaining({ column: 'version', message: expect.stringContaining('not above the latest published version, 2') })]],
    ['a type change against a version this device holds', JSON.stringify(withFirst({ type: 'integer' })), 'refused', [expect.objectContaining({ column: 'sections[0].questions[0].type' })]],
    ['a relevance rule on a later question', JSON.stringify(withFirst({ relevant: { question: 'comments', equals: 'x' } })), 'refused', [expect.objectContaining({ column: 'sections[0].questions[0].relevant.question' })]],
  ] as const)('refuses %s', (_case, text, kind, expected) => {
    const read = checkDefinitionText(text, SERVER);
    expect(read.kind).toBe(kind);
    if (read.kind === 'unreadable') expect(read.message).toMatch(expected as RegExp);
    if (read.kind === 'refused') expect(read.problems).toEqual(expected);
  });

  it.each([
    ['the next version of a form on the server', JSON.stringify(withFirst({ label: 'Name of the workshop' })), 3],
    ['a version it names above the latest', JSON.stringify({ ...withFirst({ label: 'Name of the workshop' }), version: 7 }), 7],
    ['a new form', JSON.stringify({ ...unversioned, id: 'next-workshop' }), 1],
  ])('previews %s as version %s, and keeps the text as chosen', (_case, text, version) => {
    const read = checkDefinitionText(text, SERVER);
    expect(read.kind === 'ready' && read.form.version).toBe(version);
    expect(read.kind === 'ready' && read.body).toEqual({ kind: 'json', json: text });
  });
});

describe('readDefinitionFile', () => {
  it('refuses a file over 10 MB without reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_DEFINITION_BYTES + 1)]);
    expect(await readDefinitionFile(big, SERVER)).toEqual({ kind: 'unreadable', message: 'This file is larger than 10 MB, the most a form definition can be.' });
  });
});
