import { beforeEach, expect, it } from 'vitest';
import { getDeviceId, getEnumerator, getLocale, getWorkshopSession, setEnumerator, setLocale, setWorkshopSession } from '../../src/storage/settings';
import { resetStorage } from '../helpers/reset-storage';

beforeEach(resetStorage);

it('makes a device id once and keeps it', async () => {
  const first = await getDeviceId();
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  expect(await getDeviceId()).toBe(first);
});

it('keeps the enumerator name trimmed, the locale and the workshop session', async () => {
  expect(await getEnumerator()).toBe('');
  expect(await getLocale()).toBeUndefined();
  expect(await getWorkshopSession()).toBeUndefined();
  await setEnumerator('  Jean  ');
  await setLocale('fr');
  await setWorkshopSession({ name: 'Istanbul workshop', date: '2003-10-14', place: 'Istanbul' });
  expect(await getEnumerator()).toBe('Jean');
  expect(await getLocale()).toBe('fr');
  expect(await getWorkshopSession()).toEqual({ name: 'Istanbul workshop', date: '2003-10-14', place: 'Istanbul' });
});
