import { useState } from 'preact/hooks';
import { t, tn } from '../../i18n';
import { toStorageError } from '../../storage/errors';
import { describeFailure } from '../failure-text';
import { navigate, routeHash } from '../router';
import { checkPin, discardParticipant, leaveWorkshop, type PinOutcome } from './actions';

type State = { kind: 'idle' | 'checking' } | { kind: 'refused'; outcome: Extract<PinOutcome, { ok: false }> } | { kind: 'failed'; error: unknown };

/** Whole seconds left to wait, rounded up, so "0 seconds" is never shown while a wait remains. */
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function refusal(outcome: Extract<PinOutcome, { ok: false }>): string {
  if (!outcome.wrong) return tn(seconds(outcome.waitMs), 'Too many wrong PINs. Try again in {n} second.', 'Too many wrong PINs. Try again in {n} seconds.');
  if (outcome.waitMs > 0) return tn(seconds(outcome.waitMs), 'Wrong PIN. Try again in {n} second.', 'Wrong PIN. Try again in {n} seconds.');
  return t('Wrong PIN.');
}

/** The facilitator's PIN: to leave workshop mode, or to clear a form a participant left unfinished. */
export function PinPrompt() {
  const [pin, setPin] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const checking = state.kind === 'checking';

  const act = async (action: 'leave' | 'discard') => {
    setState({ kind: 'checking' });
    try {
      const outcome = await checkPin(pin);
      setPin('');
      if (!outcome.ok) return setState({ kind: 'refused', outcome });
      if (action === 'discard') {
        await discardParticipant();
        return navigate({ screen: 'workshop' }, true);
      }
      await leaveWorkshop();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      navigate({ screen: 'workshop-summary' }, true);
    } catch (error) {
      setState({ kind: 'failed', error: error ?? 'unknown' });
    }
  };

  return (
    <div class="workshop-pin">
      <h1>{t('Facilitator')}</h1>
      <p>{t('Enter the workshop PIN to leave workshop mode, or to clear the form on screen when a participant left without finishing (their answers are deleted).')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act('leave');
        }}
      >
        <div class="field">
          <label for="workshop-pin">{t('PIN')}</label>
          <input
            id="workshop-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            autoFocus
            value={pin}
            aria-describedby="workshop-pin-message"
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={checking}>
            {t('Leave workshop mode')}
          </button>
          <button type="button" class="danger" disabled={checking} onClick={() => void act('discard')}>
            {t('Clear the form on screen')}
          </button>
          <a class="button" href={routeHash({ screen: 'workshop' })}>
            {t('Back to the form')}
          </a>
        </div>
        <p id="workshop-pin-message" role="alert">
          {state.kind === 'refused' ? refusal(state.outcome) : state.kind === 'failed' ? describeFailure(toStorageError(state.error).failure) : ''}
        </p>
        <p role="status">{checking ? t('Checking the PIN…') : ''}</p>
      </form>
    </div>
  );
}
