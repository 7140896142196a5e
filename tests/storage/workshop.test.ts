// The workshop record in the device settings: one atomic record, a mirror that never says "off"
// while workshop mode is on, and a record that does not read back whole treated as off.
import { set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsStore } from '../../src/storage/settings';
import { beginWorkshop, changeWorkshop, endWorkshop, getActiveWorkshop, getLastWorkshop, onWorkshopChange, workshopMirror, type WorkshopRun } from '../../src/storage/workshop';
import { resetStorage } from '../helpers/reset-storage';

const RUN: WorkshopRun = {
  formId: 'workshop-feedback',
  formVersion: 1,
  pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 1000 },
  session: { name: 'Istanbul', date: '2003-10-14', place: 'Istanbul' },
  startedAt: '2003-10-14T08:00:00.000Z',
  draftIds: [],
  currentDraftId: null,
  failures: { count: 0, lastAt: 0 },
};

beforeEach(resetStorage);

describe('the workshop record', () => {
  it('is off on a new device; the mirror learns it from the first read, so later starts need none', async () => {
    expect(workshopMirror()).toBeUndefined();
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(workshopMirror()).toBe(false);
  });

  it('never turns a mirrored "on" into "off" (a start in another tab writes "on" before its record)', async () => {
    localStorage.setItem('fieldbook.workshop', '1');
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(workshopMirror()).toBe(true);
  });

  it('turns on, changes and ends, telling listeners the new state each time', async () => {
    const seen: Array<WorkshopRun | undefined> = [];
    const stop = onWorkshopChange((active) => seen.push(active));
    await beginWorkshop(RUN);
    expect(workshopMirror()).toBe(true);
    await changeWorkshop((r) => ({ ...r, draftIds: ['a'], currentDraftId: 'a' }));
    expect((await getActiveWorkshop())?.currentDraftId).toBe('a');
    const ended = await endWorkshop('2003-10-14T17:00:00.000Z');
    stop();
    expect(workshopMirror()).toBe(false);
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(ended).toEqual({ formId: 'workshop-feedback', formVersion: 1, session: RUN.session, startedAt: RUN.startedAt, endedAt: '2003-10-14T17:00:00.000Z', draftIds: ['a'] });
    expect(await getLastWorkshop()).toEqual(ended);
    expect(seen.map((s) => s?.currentDraftId ?? s?.formId)).toEqual(['workshop-feedback', 'a', undefined]);
  });

  it('refuses to start a second workshop over a running one, and keeps the first', async () => {
    await beginWorkshop(RUN);
    await expect(beginWorkshop({ ...RUN, formId: 'gender-sensitivity' })).rejects.toThrow('already on');
    expect((await getActiveWorkshop())?.formId).toBe('workshop-feedback');
  });

  it('changes nothing when workshop mode is off', async () => {
    expect(await changeWorkshop((r) => ({ ...r, currentDraftId: 'x' }))).toBeUndefined();
    expect(await getActiveWorkshop()).toBeUndefined();
    expect(await endWorkshop('2003-10-14T17:00:00.000Z')).toBeUndefined();
  });

  it('puts a lost "on" back in the mirror (localStorage cleared alone)', async () => {
    await beginWorkshop(RUN);
    localStorage.clear();
    expect(workshopMirror()).toBeUndefined();
    expect(await getActiveWorkshop()).toBeDefined();
    expect(workshopMirror()).toBe(true);
  });

  it.each([
    ['no PIN hash', { ...RUN, pin: undefined }],
    ['a PIN hash without salt', { ...RUN, pin: { hash: 'aGFzaA==', iterations: 1000 } }],
    ['draft ids that are not strings', { ...RUN, draftIds: [1] }],
    ['wrong-try counts that are not numbers', { ...RUN, failures: { count: '3', lastAt: 0 } }],
  ])('reads a running workshop with %s as off', async (_name, active) => {
    await set('workshop', { active }, settingsStore());
    expect(await getActiveWorkshop()).toBeUndefined();
  });
});
