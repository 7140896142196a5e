// What the device fills by itself: metadata when a response starts and ends, and defaults.
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import { endingAnswers, hasStartingAnswers, startingAnswers } from '../../src/forms/metadata';
import type { Form, FormInput } from '../../src/forms/schema';
import { FORMS } from '../../src/forms/index';

const INPUT: FormInput = {
  id: 'meta',
  version: 1,
  title: 'Meta',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'started', type: 'start' },
        { id: 'ended', type: 'end' },
        { id: 'day', type: 'today' },
        { id: 'device', type: 'deviceid' },
        { id: 'who', type: 'username' },
        { id: 'visits', type: 'integer', label: 'Visits', default: '2' },
        { id: 'tags', type: 'multi', label: 'Tags', default: 'a b', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
        { id: 'next', type: 'integer', label: 'Next', default: '${visits} + 1' },
        { id: 'when', type: 'date', label: 'When', default: 'today()' },
      ],
    },
  ],
};
const read = readDefinition(INPUT);
const FORM = read.ok ? read.form : (undefined as unknown as Form);
const AT = new Date(2024, 4, 14, 9, 30, 5, 250);

describe('startingAnswers', () => {
  it('fills metadata and defaults, literal and computed, where nothing is answered yet', () => {
    const answers = startingAnswers(FORM, { visits: 5 }, { deviceId: 'dev-1', username: 'Awa' }, AT);
    expect(answers).toMatchObject({ day: '2024-05-14', device: 'dev-1', who: 'Awa', visits: 5, tags: ['a', 'b'], next: 6, when: '2024-05-14' });
    expect(answers['started']).toMatch(/^2024-05-14T09:30:05\.250[+-]\d\d:\d\d$/);
    expect(answers['ended']).toBeUndefined();
  });

  it('keeps what a draft already holds', () => {
    expect(startingAnswers(FORM, { started: 'x', visits: 1 }, { deviceId: 'd', username: '' }, AT)).toMatchObject({ started: 'x', visits: 1, next: 2 });
  });

  it('has nothing to fill in the built-in forms', () => {
    for (const form of FORMS) expect(hasStartingAnswers(form), form.id).toBe(false);
  });
});

describe('endingAnswers', () => {
  it('sets end when the response is finalized', () => {
    expect(endingAnswers(FORM, { visits: 1 }, AT)['ended']).toMatch(/^2024-05-14T09:30:05\.250/);
    expect(endingAnswers(FORMS[0]!, { a: 'b' }, AT)).toEqual({ a: 'b' });
  });
});
