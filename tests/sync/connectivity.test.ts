// "Online" only once the server has answered; the browser's word is believed only for "offline".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Connectivity from '../../src/sync/connectivity';

let connectivity: typeof Connectivity;
let online = true;

const ok = () => Promise.resolve(new Response(JSON.stringify({ status: 'ok' }), { status: 200 }));

beforeEach(async () => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  // The module keeps one state per page: each test gets a fresh page's worth.
  vi.resetModules();
  connectivity = await import('../../src/sync/connectivity');
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Subscribes and records every state reported, starting with the current one. */
function record(): { states: Connectivity.ConnectivityState[]; stop: () => void } {
  const states: Connectivity.ConnectivityState[] = [];
  const stop = connectivity.subscribeConnectivity((s) => states.push(s));
  return { states, stop };
}

describe('connectivity', () => {
  it.each([
    ['the server answers ok', 'online', ok],
    ['the server answers 503', 'unreachable', () => Promise.resolve(new Response('{}', { status: 503 }))],
    ['something else answers 200 (a captive portal)', 'unreachable', () => Promise.resolve(new Response('<html>', { status: 200 }))],
    ['the request fails', 'unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
  ] as const)('when %s, says %s', async (_case, expected, answer) => {
    const fetch = vi.fn(answer);
    vi.stubGlobal('fetch', fetch);
    const { states, stop } = record();
    await expect.poll(() => states.at(-1)).toBe(expected);
    expect(states[0]).toBe('checking');
    expect(fetch).toHaveBeenCalledWith('/api/v1/health', expect.objectContaining({ cache: 'no-store' }));
    stop();
  });

  it('says offline without asking when the browser has no network, and checks again on the online event', async () => {
    online = false;
    const fetch = vi.fn(ok);
    vi.stubGlobal('fetch', fetch);
    const { states, stop } = record();
    expect(states).toEqual(['offline']);
    expect(fetch).not.toHaveBeenCalled();

    online = true;
    dispatchEvent(new Event('online'));
    await expect.poll(() => states).toEqual(['offline', 'checking', 'online']);
    online = false;
    dispatchEvent(new Event('offline'));
    expect(states.at(-1)).toBe('offline');
    stop();
  });

  it('gives up on a silent server after the timeout, and asks again every minute while visible', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    vi.stubGlobal('fetch', fetch);
    const { states, stop } = record();
    await vi.advanceTimersByTimeAsync(connectivity.HEALTH_TIMEOUT_MS);
    expect(states.at(-1)).toBe('unreachable');

    fetch.mockImplementation(ok);
    await vi.advanceTimersByTimeAsync(connectivity.HEALTH_CHECK_INTERVAL_MS);
    expect(states.at(-1)).toBe('online');
    expect(fetch).toHaveBeenCalledTimes(2);
    stop();
    // Nobody listens: no more checks.
    await vi.advanceTimersByTimeAsync(3 * connectivity.HEALTH_CHECK_INTERVAL_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('joins a check already under way, and checkNow resolves to the new state', async () => {
    const fetch = vi.fn(ok);
    vi.stubGlobal('fetch', fetch);
    const [a, b] = await Promise.all([connectivity.checkNow(), connectivity.checkNow()]);
    expect([a, b]).toEqual(['online', 'online']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
