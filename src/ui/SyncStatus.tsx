import { useEffect, useState } from 'preact/hooks';
import type { SyncState } from '../sync/engine';
import { loadSync } from './load-sync';
import { routeHash } from './router';

const time = (iso: string | number) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The sync state in words, for the header. */
export function describeSync(state: SyncState): string {
  const attention = state.rejected > 0 ? ` · ${state.rejected} need attention` : '';
  switch (state.phase) {
    case 'starting':
      return 'Checking what is waiting to send…';
    case 'not-enrolled':
      return `Not enrolled: ${state.queued} waiting to send`;
    case 're-enroll':
      return `Needs attention: enroll this device again (${state.queued} waiting to send)`;
    case 'sending':
      return state.progress ? `Sending ${state.progress.sent} of ${state.progress.total}` : 'Sending…';
    case 'busy-elsewhere':
      return `Sending from another tab (${state.queued} waiting)`;
    case 'retrying':
      return `Waiting to send ${state.queued}${state.nextAttemptAt ? `, next try at ${time(state.nextAttemptAt)}` : ''}${attention}`;
    case 'idle':
      if (state.queued > 0) return `Waiting to send ${state.queued}${attention}`;
      return `All sent${state.lastSyncAt ? `, last at ${time(state.lastSyncAt)}` : ''}${attention}`;
  }
}

/** Sync state at all times, a plain reason when something failed, and "Send now". */
export function SyncStatus() {
  const [state, setState] = useState<SyncState | undefined>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void loadSync().then((m) => {
      if (!gone) stop = m.syncEngine.subscribe(setState);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  if (!state) return null;
  const needsSettings = state.phase === 'not-enrolled' || state.phase === 're-enroll';
  return (
    <div class="sync-status">
      <p role="status" aria-live="polite" class={`sync-${state.phase}`}>
        {describeSync(state)}
      </p>
      {state.problem && <p class="sync-problem">{state.problem}</p>}
      {needsSettings ? (
        <a class="button" href={routeHash({ screen: 'settings' })}>
          Enroll this device
        </a>
      ) : (
        <button type="button" onClick={() => void loadSync().then((m) => m.syncEngine.sendNow())} disabled={state.phase === 'sending'}>
          Send now
        </button>
      )}
    </div>
  );
}
