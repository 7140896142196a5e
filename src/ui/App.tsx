import { useEffect, useState } from 'preact/hooks';
import type { DraftContext } from '../storage/submissions';
import { Connectivity } from './Connectivity';
import { loadDeviceContext } from './device';
import { Home } from './Home';
import { lazyScreen } from './lazy-screen';
import { parseRoute, type Route } from './router';
import { SyncStatus } from './SyncStatus';
import { UpdatePrompt } from './UpdatePrompt';
import { enrollFromLocation } from '../sync/enroll-from-location';
import { loadSync } from './load-sync';

// Loaded on first use: only home is needed to open the app.
const SubmissionList = lazyScreen(() => import('./SubmissionList').then((m) => m.SubmissionList));
const FillScreen = lazyScreen(() => import('./FillScreen').then((m) => m.FillScreen));
const ViewScreen = lazyScreen(() => import('./ViewScreen').then((m) => m.ViewScreen));
const DoneScreen = lazyScreen(() => import('./DoneScreen').then((m) => m.DoneScreen));
const SettingsScreen = lazyScreen(() => import('./SettingsScreen').then((m) => m.SettingsScreen));
const ResultsScreen = lazyScreen(() => import('./ResultsScreen').then((m) => m.ResultsScreen));
const TransferScreen = lazyScreen(() => import('./TransferScreen').then((m) => m.TransferScreen));
const CoordinatorScreen = lazyScreen(() => import('./CoordinatorScreen').then((m) => m.CoordinatorScreen));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The app shell: header, and the screen the address names. */
export function App() {
  const route = useRoute();
  const [context, setContext] = useState<DraftContext | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    loadDeviceContext().then(setContext, (e: unknown) => setFailure(`This browser's storage cannot be opened: ${String(e)}`));
    // Enrollment first, so the first send already has the token.
    const engine = enrollFromLocation().catch(() => false).then(loadSync);
    void engine.then((m) => m.syncEngine.start());
    return () => void engine.then((m) => m.syncEngine.stop());
  }, []);
  // Each new screen starts at the top, with focus on its heading for screen readers.
  useEffect(() => {
    scrollTo?.(0, 0);
    requestAnimationFrame(() => {
      const main = document.getElementById('main');
      const heading = main?.querySelector<HTMLElement>('h1');
      // A screen that focused its own control first (autofocus) keeps it.
      if (!heading || (main?.contains(document.activeElement) && document.activeElement !== main)) return;
      heading.tabIndex = -1;
      heading.focus();
    });
  }, [route]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="app-header">
        <a class="brand" href="#/">
          Fieldbook
        </a>
        <Connectivity />
        <SyncStatus />
        <a href="#/transfer">Move data</a>
        <a href="#/coordinator">Coordinator</a>
        <a href="#/settings">Settings</a>
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        {failure ? <p role="alert">{failure}</p> : context ? <Screen route={route} context={context} onContextChange={setContext} /> : <p role="status">Opening…</p>}
      </main>
      <footer class="app-footer">Fieldbook {__APP_VERSION__}</footer>
    </>
  );
}

function Screen({ route, context, onContextChange }: { route: Route; context: DraftContext; onContextChange: (c: DraftContext) => void }) {
  switch (route.screen) {
    case 'home':
      return <Home context={context} onContextChange={onContextChange} />;
    case 'list':
      return <SubmissionList formId={route.formId} page={route.page} context={context} />;
    case 'fill':
      return <FillScreen id={route.id} locale={context.locale} />;
    case 'view':
      return <ViewScreen id={route.id} locale={context.locale} />;
    case 'done':
      return <DoneScreen id={route.id} context={context} />;
    case 'settings':
      return <SettingsScreen />;
    case 'results':
      return <ResultsScreen formId={route.formId} locale={context.locale} />;
    case 'transfer':
      return <TransferScreen deviceId={context.deviceId} />;
    case 'coordinator':
      return <CoordinatorScreen formId={route.formId} locale={context.locale} />;
  }
}
