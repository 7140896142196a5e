// The PIN: stored salted and hashed, checked exactly, and slowed down after wrong tries.
import { describe, expect, it } from 'vitest';
import { FIRST_PIN_WAIT_MS, hashPin, isValidPin, MAX_PIN_WAIT_MS, pinWaitAfter, pinWaitLeft, verifyPin } from '../../src/workshop/pin';

describe('the PIN hash', () => {
  it('is salted: the same PIN hashes differently each time, and neither holds the PIN', async () => {
    const [a, b] = await Promise.all([hashPin('4821', 1000), hashPin('4821', 1000)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(atob(a.salt)).toHaveLength(16);
    expect(atob(a.hash)).toHaveLength(32);
    expect(JSON.stringify([a, b])).not.toContain('4821');
  });

  it('accepts the right PIN only', async () => {
    const stored = await hashPin('482193', 1000);
    expect(await verifyPin('482193', stored)).toBe(true);
    for (const wrong of ['482194', '48219', '4821930', '', 'abcdef', ' 482193']) expect(await verifyPin(wrong, stored), wrong).toBe(false);
  });

  it('uses the rounds it was stored with', async () => {
    const stored = await hashPin('1234', 2000);
    expect(stored.iterations).toBe(2000);
    expect(await verifyPin('1234', { ...stored, iterations: 2001 })).toBe(false);
  });

  it('refuses to hash a PIN that is not 4 to 8 digits', async () => {
    await expect(hashPin('123')).rejects.toThrow();
    await expect(hashPin('123456789')).rejects.toThrow();
    await expect(hashPin('12a4')).rejects.toThrow();
  });

  it.each([
    ['1234', true],
    ['12345678', true],
    ['0000', true],
    ['123', false],
    ['123456789', false],
    ['12 34', false],
    ['١٢٣٤', false],
    ['', false],
  ])('%j is a valid PIN: %s', (pin, valid) => expect(isValidPin(pin)).toBe(valid));
});

describe('waiting after wrong PINs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, FIRST_PIN_WAIT_MS],
    [4, 2 * FIRST_PIN_WAIT_MS],
    [5, 4 * FIRST_PIN_WAIT_MS],
    [8, 32 * FIRST_PIN_WAIT_MS],
    [9, MAX_PIN_WAIT_MS],
    [1000, MAX_PIN_WAIT_MS],
  ])('%i wrong tries earn a wait of %i ms', (count, wait) => expect(pinWaitAfter(count)).toBe(wait));

  const at = 1_700_000_000_000;
  it.each([
    ['no wrong try yet', { count: 0, lastAt: 0 }, at, 0],
    ['two wrong tries: free', { count: 2, lastAt: at }, at, 0],
    ['third just now', { count: 3, lastAt: at }, at, FIRST_PIN_WAIT_MS],
    ['third 2 s ago', { count: 3, lastAt: at - 2000 }, at, FIRST_PIN_WAIT_MS - 2000],
    ['third long ago', { count: 3, lastAt: at - 60_000 }, at, 0],
    ['clock set back an hour', { count: 4, lastAt: at + 3_600_000 }, at, 2 * FIRST_PIN_WAIT_MS],
  ])('%s', (_name, failures, now, left) => expect(pinWaitLeft(failures, now)).toBe(left));
});
