import { useEffect, useRef, useState } from 'preact/hooks';
import { FORM_STATES, type FormState } from '../../forms/schema';
import { t } from '../../i18n';
import { changeFormState } from '../../sync/forms-admin';
import { currentEndpoint } from '../../sync/device-sync';
import { isRefusal, messageOf } from './use-server-catalog';

/** A form state in words. */
export function stateName(state: FormState): string {
  switch (state) {
    case 'open':
      return t('Open');
    case 'closing':
      return t('Closing');
    case 'closed':
      return t('Closed');
  }
}

function changedText(state: FormState, title: string): string {
  switch (state) {
    case 'open':
      return t('“{title}” is now open: devices can start new responses.', { title });
    case 'closing':
      return t('“{title}” is now closing: devices start no new response, and what they hold is still accepted.', { title });
    case 'closed':
      return t('“{title}” is now closed: the server refuses its submissions.', { title });
  }
}

interface Props {
  formId: string;
  title: string;
  state: FormState;
  /** After the server changed the state (the list is asked again). */
  onChanged: () => void;
  onRefused: (reason: string) => void;
}

/** Changes one form's state; closing it asks first, since devices' submissions are then refused. */
export function FormStateControl({ formId, title, state, onChanged, onRefused }: Props) {
  const [chosen, setChosen] = useState<FormState>(state);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ alert: boolean; text: string } | undefined>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setChosen(state), [state]);
  // The question takes the focus, so a keyboard user answers it at once.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const apply = async () => {
    setConfirming(false);
    setBusy(true);
    setMessage({ alert: false, text: t('Asking the server…') });
    try {
      const now = await changeFormState(await currentEndpoint(), formId, chosen);
      setMessage({ alert: false, text: changedText(now, title) });
      onChanged();
    } catch (e) {
      if (isRefusal(e)) onRefused(e.message);
      else setMessage({ alert: true, text: t('The state of “{title}” was not changed: {reason}', { title, reason: messageOf(e) }) });
    } finally {
      setBusy(false);
    }
  };
  const selectId = `form-state-${formId}`;
  return (
    <div class="form-state-control" aria-busy={busy}>
      <form
        class="select-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen === 'closed') setConfirming(true);
          else void apply();
        }}
      >
        <label for={selectId}>{t('State of “{title}”', { title })}</label>
        <select id={selectId} value={chosen} disabled={busy} onChange={(e) => setChosen(e.currentTarget.value as FormState)}>
          {FORM_STATES.map((s) => (
            <option key={s} value={s}>
              {stateName(s)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || chosen === state}>
          {t('Change state')}
        </button>
      </form>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('Confirm closing')}>
          <p>{t('Close “{title}”? Devices can no longer send responses to it: the ones they still hold will be refused, and stay on those devices.', { title })}</p>
          <div class="actions">
            <button type="button" class="danger" ref={confirmButton} onClick={() => void apply()}>
              {t('Close the form')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('Cancel')}
            </button>
          </div>
        </div>
      )}
      {message?.alert ? (
        <p role="alert">{message.text}</p>
      ) : (
        <p role="status" class={busy ? 'busy' : undefined}>
          {message?.text ?? ''}
        </p>
      )}
    </div>
  );
}
