import { formatDate, t } from '../i18n';
import { describeFailure } from './failure-text';
import type { SaveState } from './use-autosave';

/** The draft's save state, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? t('Saving…')
      : state.kind === 'saved'
        ? t('Draft saved on this device at {time}', { time: formatDate(state.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
        : state.kind === 'error'
          ? describeFailure(state.failure)
          : t('Answers are saved on this device as you type.');
  return (
    <p class={`save-status save-${state.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
