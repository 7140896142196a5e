// The bridge applies a new version only on consent, and reloads only after asking for it.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type * as Bridge from '../../src/pwa/sw-bridge';

/** A stand-in for workbox-window's Workbox: records listeners, lets the test fire events. */
class FakeWorkbox {
  static last: FakeWorkbox | undefined;
  readonly listeners = new Map<string, Array<() => void>>();
  readonly messageSkipWaiting = vi.fn();
  readonly update = vi.fn(() => Promise.resolve());
  constructor(readonly url: string) {
    FakeWorkbox.last = this;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  register(): Promise<object> {
    return Promise.resolve({ installing: null });
  }
  fire(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}
vi.mock('workbox-window', () => ({ Workbox: FakeWorkbox }));

let bridge: typeof Bridge;
let waiting: object | null;
const reload = vi.fn();

/** A browser with service workers; `controlled` says whether a worker already runs this page. */
async function startPage({ controlled }: { controlled: boolean }): Promise<FakeWorkbox> {
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: controlled ? {} : null, getRegistration: () => Promise.resolve({ waiting }) },
  });
  bridge.registerServiceWorker();
  return FakeWorkbox.last!;
}

beforeEach(async () => {
  vi.stubEnv('PROD', true);
  vi.spyOn(location, 'reload').mockImplementation(reload);
  reload.mockClear();
  waiting = {};
  FakeWorkbox.last = undefined;
  vi.resetModules();
  bridge = await import('../../src/pwa/sw-bridge');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

it('registers /sw.js in production only', async () => {
  vi.stubEnv('PROD', false);
  await startPage({ controlled: false });
  expect(FakeWorkbox.last).toBeUndefined();
  vi.stubEnv('PROD', true);
  expect((await startPage({ controlled: false })).url).toBe('/sw.js');
});

it('reports a waiting version to every listener, even one that comes later, and never reloads by itself', async () => {
  const wb = await startPage({ controlled: true });
  const early = vi.fn();
  bridge.onUpdateReady(early);
  wb.fire('waiting');
  const late = vi.fn();
  bridge.onUpdateReady(late);
  expect(early).toHaveBeenCalledTimes(1);
  expect(late).toHaveBeenCalledTimes(1);
  expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  expect(reload).not.toHaveBeenCalled();
});

it('on consent, asks the waiting worker to take over and reloads once it controls the page', async () => {
  const wb = await startPage({ controlled: true });
  wb.fire('waiting');
  await bridge.applyUpdate();
  expect(wb.messageSkipWaiting).toHaveBeenCalledTimes(1);
  expect(reload).not.toHaveBeenCalled();
  wb.fire('controlling');
  expect(reload).toHaveBeenCalledTimes(1);
});

it('when another tab applied the update, offers a reload instead of reloading under an open form', async () => {
  const wb = await startPage({ controlled: true });
  const ready = vi.fn();
  bridge.onUpdateReady(ready);
  wb.fire('controlling');
  expect(reload).not.toHaveBeenCalled();
  expect(ready).toHaveBeenCalledTimes(1);
  // Nothing waits any more: Update simply reloads into the version already running the worker.
  waiting = null;
  await bridge.applyUpdate();
  expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  expect(reload).toHaveBeenCalledTimes(1);
});

it('takes the first install quietly: no prompt, no reload', async () => {
  const wb = await startPage({ controlled: false });
  const ready = vi.fn();
  bridge.onUpdateReady(ready);
  wb.fire('controlling');
  expect(ready).not.toHaveBeenCalled();
  expect(reload).not.toHaveBeenCalled();
});
