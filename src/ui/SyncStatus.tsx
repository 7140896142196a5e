import { useEffect, useState } from 'preact/hooks';
import { formatDate, t, tn } from '../i18n';
import type { SyncState } from '../sync/engine';
import type { Failure } from '../sync/outbox';
import { accessWithdrawnText } from './enroll-text';
import { afterFirstScreen } from './first-screen';
import { loadSync } from './load-sync';
import { routeHash } from './router';

const time = (at: string | number) => formatDate(at, { hour: '2-digit', minute: '2-digit' });

/** Plain-language reason for a failed send. */
export function describeSendFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'offline':
      return t('The server cannot be reached. Responses stay on this device and will be sent automatically.');
    case 'server':
      return t('The server had a problem ({status}). Sending will be retried automatically.', { status: String(failure.status) });
    case 'rate-limited':
      return t('The server asked to wait before sending more. Sending will resume automatically.');
    case 'unauthorized':
      return t('This device is no longer enrolled with the server. Open a new enrollment link from your coordinator.');
    case 'revoked':
      return accessWithdrawnText();
    case 'refused':
      // The reason is the server's own words.
      return t('The server refused the batch: {reason}', { reason: failure.message });
  }
}

/** The sync state in words, for the header. */
export function describeSync(state: SyncState): string {
  const attention = state.rejected > 0 ? ` · ${tn(state.rejected, '{n} needs attention', '{n} need attention')}` : '';
  const queued = state.queued;
  switch (state.phase) {
    case 'starting':
      return t('Checking what is waiting to send…');
    case 'not-enrolled':
      return t('Not enrolled: {queued} waiting to send', { queued });
    case 're-enroll':
      return t('Needs attention: enroll this device again ({queued} waiting to send)', { queued });
    case 'revoked':
      return t('Access withdrawn: {queued} kept on this device', { queued });
    case 'sending':
      return state.progress ? t('Sending {sent} of {total}', state.progress) : t('Sending…');
    case 'busy-elsewhere':
      return t('Sending from another tab ({queued} waiting)', { queued });
    case 'retrying':
      return (
        (state.nextAttemptAt ? t('Waiting to send {queued}, next try at {time}', { queued, time: time(state.nextAttemptAt) }) : t('Waiting to send {queued}', { queued })) +
        attention
      );
    case 'idle':
      if (queued > 0) return t('Waiting to send {queued}', { queued }) + attention;
      return (state.lastSyncAt ? t('All sent, last at {time}', { time: time(state.lastSyncAt) }) : t('All sent')) + attention;
  }
}

/** Sync state at all times, a plain reason when something failed, and "Send now". */
export function SyncStatus() {
  const [state, setState] = useState<SyncState | undefined>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void afterFirstScreen(loadSync).then((m) => {
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
      {/* Polite: saved, sending and sent are news, never an interruption. */}
      <p role="status" aria-live="polite" class={`sync-${state.phase}`}>
        {describeSync(state)}
      </p>
      {/* Withdrawn access is an alert: the person must act, and should hear it at once. */}
      {state.problem && (
        <p class="sync-problem" role={state.problem.kind === 'revoked' ? 'alert' : undefined}>
          {describeSendFailure(state.problem)}
        </p>
      )}
      {state.phase === 'revoked' ? (
        <a class="button" href={routeHash({ screen: 'transfer' })}>
          {t('Export to a file')}
        </a>
      ) : needsSettings ? (
        <a class="button" href={routeHash({ screen: 'settings' })}>
          {t('Enroll this device')}
        </a>
      ) : (
        <button type="button" onClick={() => void loadSync().then((m) => m.syncEngine.sendNow())} disabled={state.phase === 'sending'}>
          {t('Send now')}
        </button>
      )}
    </div>
  );
}
