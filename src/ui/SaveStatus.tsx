import type { SaveState } from './use-autosave';

/** The draft's save state, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Draft saved on this device at ${state.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
        : state.kind === 'error'
          ? state.message
          : 'Answers are saved on this device as you type.';
  return (
    <p class={`save-status save-${state.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
