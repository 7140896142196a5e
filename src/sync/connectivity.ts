// Whether the server can be reached, confirmed by asking it: navigator.onLine only says a network
// interface is up (a captive portal or a dead uplink also count as "online").
import { API_PREFIX, isHealthy } from './health';

/** What the header shows: no network, asking, the server answered, or the network is up but the server did not answer. */
export type ConnectivityState = 'offline' | 'checking' | 'online' | 'unreachable';

/** A health check slower than this counts as no connection. */
export const HEALTH_TIMEOUT_MS = 5_000;
/** How often the server is asked again while the page is visible. */
export const HEALTH_CHECK_INTERVAL_MS = 60_000;

const listeners = new Set<(state: ConnectivityState) => void>();
let state: ConnectivityState | undefined;
let inFlight: Promise<ConnectivityState> | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

const browserOnline = () => globalThis.navigator?.onLine !== false;
const currentState = () => (state ??= browserOnline() ? 'checking' : 'offline');

function setState(next: ConnectivityState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener(next);
}

/** True when GET /api/v1/health answers {"status":"ok"} within the timeout. */
async function serverAnswers(): Promise<boolean> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), HEALTH_TIMEOUT_MS);
  try {
    const response = await fetch(`${API_PREFIX}/health`, { cache: 'no-store', signal: abort.signal });
    return response.ok && isHealthy(await response.json());
  } catch {
    return false;
  } finally {
    clearTimeout(timeout);
  }
}

/** Asks the server now (joining a check already under way) and resolves to the new state. */
export function checkNow(): Promise<ConnectivityState> {
  if (!browserOnline()) {
    setState('offline');
    return Promise.resolve('offline');
  }
  inFlight ??= (async () => {
    // Coming back from "Offline", say we are checking; a known answer stays on screen during a
    // routine re-check instead of flickering every minute.
    if (currentState() === 'offline') setState('checking');
    try {
      const answered = await serverAnswers();
      // The network may have gone while we waited; the browser's "offline" is always believed.
      const next: ConnectivityState = !browserOnline() ? 'offline' : answered ? 'online' : 'unreachable';
      setState(next);
      return next;
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

function startTimer(): void {
  clearInterval(timer);
  timer = setInterval(() => void checkNow(), HEALTH_CHECK_INTERVAL_MS);
}

const onOnline = () => void checkNow();
const onOffline = () => setState('offline');
const onVisibility = () => {
  if (document.visibilityState === 'visible') {
    void checkNow();
    startTimer();
  } else {
    // A hidden page does not poll: it checks again as soon as it is shown.
    clearInterval(timer);
  }
};

function start(): void {
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisibility);
  void checkNow();
  if (document.visibilityState !== 'hidden') startTimer();
}

function stop(): void {
  removeEventListener('online', onOnline);
  removeEventListener('offline', onOffline);
  document.removeEventListener('visibilitychange', onVisibility);
  clearInterval(timer);
}

/** Calls back with the state now and on every change; checks run while anyone listens. Returns a stop function. */
export function subscribeConnectivity(callback: (state: ConnectivityState) => void): () => void {
  listeners.add(callback);
  callback(currentState());
  if (listeners.size === 1) start();
  return () => {
    if (listeners.delete(callback) && listeners.size === 0) stop();
  };
}
