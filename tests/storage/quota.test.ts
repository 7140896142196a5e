import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Quota from '../../src/storage/quota';

let quota: typeof Quota;

/** Gives the page a navigator.storage of our making (happy-dom has none). */
function fakeStorage(storage: Partial<StorageManager> | undefined): void {
  Object.defineProperty(navigator, 'storage', { configurable: true, value: storage });
}

beforeEach(async () => {
  // The persist request is asked once per page: each test gets a fresh page's worth.
  vi.resetModules();
  quota = await import('../../src/storage/quota');
});
afterEach(() => fakeStorage(undefined));

describe('formatMegabytes', () => {
  it.each([
    [undefined, 'unknown'],
    [Number.NaN, 'unknown'],
    [-1, 'unknown'],
    [0, '0.0 MB'],
    [400 * 1024, '0.4 MB'],
    [9.96 * 1024 * 1024, '10.0 MB'],
    [12.4 * 1024 * 1024, '12 MB'],
    [2048 * 1024 * 1024, '2,048 MB'],
  ])('%s bytes → %s', (bytes, text) => {
    expect(quota.formatMegabytes(bytes)).toBe(text);
  });
});

describe('persistent storage', () => {
  it('asks once per page, and not at all when already granted', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    fakeStorage({ persisted: () => Promise.resolve(false), persist });
    expect(await Promise.all([quota.requestPersistentStorage(), quota.requestPersistentStorage()])).toEqual([true, true]);
    expect(persist).toHaveBeenCalledTimes(1);

    vi.resetModules();
    quota = await import('../../src/storage/quota');
    const persistAgain = vi.fn(() => Promise.resolve(true));
    fakeStorage({ persisted: () => Promise.resolve(true), persist: persistAgain });
    expect(await quota.requestPersistentStorage()).toBe(true);
    expect(persistAgain).not.toHaveBeenCalled();
  });

  it('is simply not granted where the browser has no storage manager, or refuses', async () => {
    expect(await quota.requestPersistentStorage()).toBe(false);
    expect(await quota.storageStatus()).toEqual({ persisted: undefined, usageBytes: undefined, quotaBytes: undefined });
  });

  it('reports persistence and the estimate, after a pending persist request settles', async () => {
    let granted = false;
    fakeStorage({
      persisted: () => Promise.resolve(granted),
      persist: () => new Promise((resolve) => setTimeout(() => resolve((granted = true)), 10)),
      estimate: () => Promise.resolve({ usage: 3 * 1024 * 1024, quota: 500 * 1024 * 1024 }),
    });
    void quota.requestPersistentStorage();
    expect(await quota.storageStatus()).toEqual({ persisted: true, usageBytes: 3 * 1024 * 1024, quotaBytes: 500 * 1024 * 1024 });
  });
});
