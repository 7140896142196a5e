// Screens most visits never open (results, moving data, the coordinator's view) load on first
// use, so the first visit downloads only what the home screen needs. The service worker
// precaches every chunk, so they open offline all the same.
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/** A component that loads `load`'s screen on first render and shows it, with "Opening…" meanwhile. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load();
      pending.then(
        (screen) => {
          loaded = screen;
          // The app shell gives the screen's heading focus once it is drawn (focus-heading.ts).
          setReady(true);
        },
        () => {
          pending = undefined; // a later visit tries again
          setFailed(true);
        },
      );
    }, []);
    if (loaded) return h(loaded, props);
    return failed ? <p role="alert">{t('This screen could not be loaded. Reload the app and try again.')}</p> : <p role="status">{t('Opening…')}</p>;
  };
}
