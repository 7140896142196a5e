import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLocale } from '../i18n';
import type { DraftContext } from '../storage/submissions';
import { Connectivity } from './Connectivity';
import { loadDeviceContext } from './device';
import { afterFirstScreen, markFirstScreenShown } from './first-screen';
import { focusHeadingWhenShown } from './focus-heading';
import { Home } from './Home';
import { LanguagePicker } from './LanguagePicker';
import { lazyScreen } from './lazy-screen';
import { parseRoute, routeHash, type Route } from './router';
import { SyncStatus } from './SyncStatus';
import { UpdatePrompt } from './UpdatePrompt';
import { enrollFromLocation } from '../sync/enroll-from-location';
import { loadSync } from './load-sync';
import { useWorkshopLock } from './workshop/use-workshop-lock';
import { decideScreen } from './workshop-lock';
import { describeEnrollProblem } from './enroll-text';
import type { EnrollOutcome } from '../sync/enroll-from-location';

// Loaded on first use: only home is needed to open the app.
const SubmissionList = lazyScreen(() => import('./SubmissionList').then((m) => m.SubmissionList));
const FillScreen = lazyScreen(() => import('./FillScreen').then((m) => m.FillScreen));
const ViewScreen = lazyScreen(() => import('./ViewScreen').then((m) => m.ViewScreen));
const DoneScreen = lazyScreen(() => import('./DoneScreen').then((m) => m.DoneScreen));
const SettingsScreen = lazyScreen(() => import('./SettingsScreen').then((m) => m.SettingsScreen));
const ResultsScreen = lazyScreen(() => import('./ResultsScreen').then((m) => m.ResultsScreen));
const TransferScreen = lazyScreen(() => import('./TransferScreen').then((m) => m.TransferScreen));
const CoordinatorScreen = lazyScreen(() => import('./CoordinatorScreen').then((m) => m.CoordinatorScreen));
const WorkshopShell = lazyScreen(() => import('./workshop/WorkshopShell').then((m) => m.WorkshopShell));
const WorkshopStart = lazyScreen(() => import('./workshop/WorkshopStart').then((m) => m.WorkshopStart));
const WorkshopSummary = lazyScreen(() => import('./workshop/WorkshopSummary').then((m) => m.WorkshopSummary));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The app shell: header, and the screen the address names, in the language in use. */
export function App() {
  const asked = useRoute();
  // While workshop mode is on, no address reaches anything but the participant's form or the PIN prompt.
  const workshop = useWorkshopLock();
  const { route } = decideScreen(asked, Boolean(workshop));
  // Every screen is drawn from here, so a language switch re-renders all of it, open form included.
  const locale = useLocale();
  const [device, setContext] = useState<DraftContext | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [enrollment, setEnrollment] = useState<EnrollOutcome>({ kind: 'none' });
  // New responses are recorded in the language in use, whatever it was when the app opened.
  const context = device && { ...device, locale };
  useEffect(() => {
    // Only home waits for its first counts; any other first screen is shown as it loads.
    if (route.screen !== 'home') markFirstScreenShown();
    loadDeviceContext().then(setContext, (e: unknown) => setFailure(e ?? 'unknown'));
    // Enrollment first, so the first send already has the token.
    const engine = enrollFromLocation()
      // Only an outcome worth a word redraws the shell: opening the app as usual changes nothing.
      .then((outcome) => outcome.kind !== 'none' && setEnrollment(outcome), () => undefined)
      .then(() => afterFirstScreen(loadSync));
    void engine.then((m) => m.syncEngine.start());
    // An enrollment link opened in a tab that already shows the app changes only the fragment.
    const onHashChange = () => {
      if (!location.hash.startsWith('#enroll=')) return;
      void enrollFromLocation().then(async (outcome) => {
        setEnrollment(outcome);
        if (outcome.kind === 'enrolled') await (await engine).syncEngine.sendNow();
      });
    };
    addEventListener('hashchange', onHashChange);
    return () => {
      removeEventListener('hashchange', onHashChange);
      void engine.then((m) => m.syncEngine.stop());
    };
  }, []);
  // Each new screen starts at the top, with focus on its heading for screen readers and keyboards.
  // Not on opening the app: a first visit starts at the top of the page, skip link first.
  const opened = useRef(false);
  useEffect(() => {
    if (!opened.current) {
      opened.current = true;
      return;
    }
    scrollTo?.(0, 0);
    const main = document.getElementById('main');
    return main ? focusHeadingWhenShown(main) : undefined;
  }, [route]);
  // Declared after the enrollment effect above, which reads an `#enroll=` address first.
  // Decided again from the address as it is now: a screen change may have come since this render.
  const locked = workshop === undefined ? undefined : Boolean(workshop);
  useEffect(() => {
    if (locked === undefined) return;
    const now = decideScreen(parseRoute(location.hash), locked);
    if (now.rewrite) history.replaceState(null, '', `${location.pathname}${location.search}${routeHash(now.route)}`);
  }, [locked, asked]);

  const skipLink = (
    <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
      {t('Skip to content')}
    </a>
  );
  if (workshop === undefined) {
    return (
      <main id="main" tabIndex={-1}>
        <p role="status">{t('Opening…')}</p>
      </main>
    );
  }
  if (workshop) {
    return (
      <>
        {skipLink}
        <WorkshopShell run={workshop} facilitator={route.screen === 'workshop-pin'} context={context} failure={failure} />
      </>
    );
  }
  return (
    <>
      {skipLink}
      <header class="app-header">
        <a class="brand" href="#/">
          Fieldbook
        </a>
        <Connectivity />
        <SyncStatus />
        <nav class="app-nav" aria-label={t('Main menu')}>
          <a href="#/transfer">{t('Move data')}</a>
          <a href="#/coordinator">{t('Coordinator')}</a>
          <a href="#/settings">{t('Settings')}</a>
        </nav>
        <LanguagePicker />
      </header>
      <UpdatePrompt />
      {enrollment.kind === 'refused' && (
        <p role="alert" class="enroll-refused">
          {describeEnrollProblem(enrollment.problem)}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {failure !== undefined ? (
          <p role="alert">{t("This browser's storage cannot be opened: {reason}", { reason: String(failure) })}</p>
        ) : context || route.screen === 'home' ? (
          // Home's counts need no device context: they start loading while it is read.
          <Screen route={route} context={context} onContextChange={setContext} />
        ) : (
          <p role="status">{t('Opening…')}</p>
        )}
      </main>
      <footer class="app-footer">Fieldbook {__APP_VERSION__}</footer>
    </>
  );
}

function Screen({ route, context, onContextChange }: { route: Route; context: DraftContext | undefined; onContextChange: (c: DraftContext) => void }) {
  if (route.screen === 'home') return <Home context={context} onContextChange={onContextChange} />;
  if (!context) return <p role="status">{t('Opening…')}</p>;
  switch (route.screen) {
    case 'list':
      return <SubmissionList formId={route.formId} page={route.page} context={context} />;
    case 'fill':
      return <FillScreen id={route.id} />;
    case 'view':
      return <ViewScreen id={route.id} />;
    case 'done':
      return <DoneScreen id={route.id} context={context} />;
    case 'settings':
      return <SettingsScreen />;
    case 'results':
      return <ResultsScreen formId={route.formId} />;
    case 'transfer':
      return <TransferScreen deviceId={context.deviceId} />;
    case 'coordinator':
      return <CoordinatorScreen formId={route.formId} />;
    case 'workshop-start':
      return <WorkshopStart formId={route.formId} />;
    case 'workshop-summary':
      return <WorkshopSummary />;
    default:
      // The participant's form and the PIN prompt exist only while workshop mode is on (decideScreen).
      return null;
  }
}
