import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../forms/relevance';
import { toStorageError, type StorageFailure } from '../storage/errors';

/**
 * The longest a typed change waits before it is written: a closed lid or a killed tab loses
 * nothing typed more than this long ago, even in the middle of fast typing.
 */
export const AUTOSAVE_DEBOUNCE_MS = 400;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; failure: StorageFailure };

/** Each open draft's "save now"; it rejects when answers are still unsaved afterwards. */
const openDraftFlushes = new Set<() => Promise<void>>();

/**
 * Writes every open draft's pending answers now (before an app update reloads the page).
 * Rejects if any could not be written (e.g. a full disk), so the caller does not reload them away.
 */
export async function flushOpenDrafts(): Promise<void> {
  await Promise.all([...openDraftFlushes].map((flush) => flush()));
}

/**
 * Draft saving as the user types: the first change after a quiet spell is written at once, and
 * changes during typing at most every AUTOSAVE_DEBOUNCE_MS (a throttle: a debounce would hold
 * everything back while typing goes on). Writes are chained so an older save never lands after
 * a newer one; pending answers are flushed when the page is hidden or closed, and on unmount.
 */
export function useAutosave(save: (answers: Answers) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<Answers | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    const answers = pending.current;
    if (answers === undefined) return chain.current;
    pending.current = undefined;
    setState({ kind: 'saving' });
    chain.current = chain.current
      .then(() => saveRef.current(answers))
      .then(
        // "Saved" only when nothing typed since is still waiting for its write.
        () => setState(pending.current === undefined ? { kind: 'saved', at: new Date() } : { kind: 'saving' }),
        (error: unknown) => {
          // Keep the unsaved answers so the next change or flush tries again.
          pending.current ??= answers;
          setState({ kind: 'error', failure: toStorageError(error).failure });
        },
      );
    return chain.current;
  };

  // While a window is open, changes wait for its end; a window ends with one write of the latest answers.
  const openWindow = () => {
    timer.current = setTimeout(() => {
      timer.current = undefined;
      if (pending.current === undefined) return;
      void flush();
      openWindow();
    }, AUTOSAVE_DEBOUNCE_MS);
  };

  const schedule = (answers: Answers) => {
    pending.current = answers;
    if (timer.current !== undefined) return setState({ kind: 'saving' });
    void flush();
    openWindow();
  };

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    const flushOrFail = async () => {
      await flush();
      // A second try covers answers typed while the first write ran; a full disk fails both.
      if (pending.current !== undefined) await flush();
      if (pending.current !== undefined) throw new Error('An open draft could not be saved.');
    };
    openDraftFlushes.add(flushOrFail);
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', onPageHide);
    return () => {
      clearTimeout(timer.current);
      openDraftFlushes.delete(flushOrFail);
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, []);

  return { state, schedule, flush };
}
