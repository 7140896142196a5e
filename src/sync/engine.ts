// When to send: at start, when the browser comes online or the page becomes visible, when the
// outbox grows, on "Send now", on a Background Sync wake-up, and on a backoff timer after a failure.
import { watch } from '../storage/live';
import { outboxCounts } from '../storage/outbox';
import { getAccessWithdrawn, getEndpoint, getLastSyncAt, getToken, setAccessWithdrawn, setLastSyncAt } from '../storage/settings';
import { withSyncLock } from './lock';
import { backoffMs, type Failure } from './outbox';
import type { SendResult } from './sender';

/** What the user is told about sync, at all times. */
export interface SyncState {
  phase: 'starting' | 'idle' | 'sending' | 'retrying' | 'not-enrolled' | 're-enroll' | 'revoked' | 'busy-elsewhere';
  queued: number;
  rejected: number;
  progress?: { sent: number; total: number };
  lastSyncAt?: string;
  /** The last failure while retrying; the header puts it in words, in the language in use. */
  problem?: Failure;
  nextAttemptAt?: number;
}

type Listener = (state: SyncState) => void;

/** The page's sync scheduler; one per page, started once. */
export class SyncEngine {
  private state: SyncState = { phase: 'starting', queued: 0, rejected: 0 };
  private listeners = new Set<Listener>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stops: Array<() => void> = [];

  constructor(private readonly onFailure: (failure: Failure) => void = () => {}) {}

  /** Current state, and every change after it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Wires every trigger and sends once. */
  start(): void {
    const wake = () => void this.sendNow();
    const onVisible = () => document.visibilityState === 'visible' && wake();
    addEventListener('online', wake);
    document.addEventListener('visibilitychange', onVisible);
    this.stops.push(() => removeEventListener('online', wake), () => document.removeEventListener('visibilitychange', onVisible));
    let lastQueued = -1;
    this.stops.push(
      watch(outboxCounts, (counts) => {
        this.set(counts);
        // New work (a response finalized here or in another tab) is sent at once, unless backing off.
        if (counts.queued > lastQueued && lastQueued >= 0 && this.timer === undefined) wake();
        lastQueued = counts.queued;
      }),
    );
    void getLastSyncAt().then((lastSyncAt) => this.set({ lastSyncAt }));
    wake();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.stops.forEach((stop) => stop());
    this.stops = [];
  }

  /** Sends now ("Send now", a trigger, or a wake-up); joins a send already running here. */
  sendNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const endpoint = (await getEndpoint()) ?? location.origin;
    // Every reason to send is also a moment to learn of new forms and versions; it never holds up sending.
    const catalog = import('./catalog').then((m) => m.refreshCatalog(endpoint));
    const token = await getToken();
    if (!token) return this.set({ phase: 'not-enrolled', progress: undefined });
    const counts = await outboxCounts();
    // Access withdrawn: no request at all until the device is enrolled again (no loop of 401s).
    if (await getAccessWithdrawn()) return this.set({ ...counts, phase: 'revoked', progress: undefined, problem: { kind: 'revoked' }, nextAttemptAt: undefined });
    this.set(counts);
    if (counts.queued === 0) return this.settle({ kind: 'done', sent: 0 });
    // The sender (and the schemas it checks answers with) loads only when there is something to send.
    const { sendQueued } = await import('./sender');
    const result = await withSyncLock(() => {
      this.set({ phase: 'sending', problem: undefined });
      return sendQueued({ endpoint, token, appVersion: __APP_VERSION__, onProgress: (sent, total) => this.set({ progress: { sent, total } }) });
    });
    if (result === 'busy') return this.retryIn(5_000, { phase: 'busy-elsewhere' });
    await this.settle(result);
    // After a send the catalog is asked again: a response may have been refused because its form closed.
    if (result.sent > 0) void catalog.then(() => import('./catalog')).then((m) => m.refreshCatalog(endpoint));
  }

  private async settle(result: SendResult): Promise<void> {
    // Counts from the outbox itself: another tab or the worker may have changed it meanwhile.
    this.set(await outboxCounts());
    if (result.sent > 0) {
      const lastSyncAt = new Date().toISOString();
      await setLastSyncAt(lastSyncAt);
      this.set({ lastSyncAt });
    }
    if (result.kind === 'done') {
      this.attempt = 0;
      return this.set({ phase: 'idle', progress: undefined, problem: undefined, nextAttemptAt: undefined });
    }
    const { failure } = result;
    this.onFailure(failure);
    if (failure.kind === 'unauthorized') return this.set({ phase: 're-enroll', progress: undefined, problem: failure });
    if (failure.kind === 'revoked') {
      await setAccessWithdrawn(true);
      return this.set({ phase: 'revoked', progress: undefined, problem: failure, nextAttemptAt: undefined });
    }
    const delay = failure.kind === 'rate-limited' ? failure.retryAfterMs : backoffMs(this.attempt++);
    this.retryIn(delay, { phase: 'retrying', progress: undefined, problem: failure });
  }

  private retryIn(delayMs: number, patch: Partial<SyncState>): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sendNow(), delayMs);
    this.set({ ...patch, nextAttemptAt: Date.now() + delayMs });
  }
}
