// Live reads for the first screen: an optional quick first answer at once, and the live query
// (Dexie, and the module the query lives in) loaded only once the first screen is shown.
import { useLayoutEffect, useState } from 'preact/hooks';
import { afterFirstScreen, markFirstScreenShown } from './first-screen';

/**
 * `query(module)` kept current as the data changes, once `load()` has given its module after the
 * first screen is up; before that, `first()`'s answer if given (from the first render on if it
 * has one at hand). Undefined until either answers. The module is loaded before the live query
 * starts: Dexie tracks a live query's reads only when it awaits nothing but Dexie.
 */
export function useDeferredLive<M, T>(load: () => Promise<M>, query: (module: M) => Promise<T>, first?: () => T | Promise<T>): T | undefined {
  const [initial] = useState(() => first?.());
  const [value, setValue] = useState<T | undefined>(initial instanceof Promise ? undefined : initial);
  // A layout effect takes the quick answer right after render, not a frame later.
  useLayoutEffect(() => {
    let stop: (() => void) | undefined;
    let active = true;
    // A failed quick read shows nothing: the screen is as shown as it will be until the live
    // read, which waits for that, answers with its own errors.
    if (initial instanceof Promise) initial.then((v) => active && setValue((current) => current ?? v), markFirstScreenShown);
    void afterFirstScreen(() => Promise.all([import('../storage/live'), load()])).then(([{ watch }, module]) => {
      if (active) stop = watch(() => query(module), (v) => active && setValue(v));
    });
    return () => {
      active = false;
      stop?.();
    };
  }, []);
  return value;
}
