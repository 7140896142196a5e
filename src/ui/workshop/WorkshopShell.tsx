import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import type { DraftContext } from '../../storage/submissions';
import type { WorkshopRun } from '../../storage/workshop';
import { markFirstScreenShown } from '../first-screen';
import { LanguagePicker } from '../LanguagePicker';
import { routeHash } from '../router';
import { ParticipantForm } from './ParticipantForm';
import { PinPrompt } from './PinPrompt';

/**
 * Workshop mode's whole page, calm and alone: the participant's form, or the facilitator's PIN
 * prompt. No menu, lists, results, settings or update prompt; the language switch stays, since
 * each participant picks theirs. Sync goes on underneath (the app shell runs it).
 */
export function WorkshopShell({ run, facilitator, context, failure }: { run: WorkshopRun; facilitator: boolean; context: DraftContext | undefined; failure: unknown }) {
  // This page stands in for home as the first screen: what waits for it may start.
  useEffect(() => markFirstScreenShown(), []);
  return (
    <div class="workshop-mode">
      <header class="app-header workshop-header">
        <span class="brand">Fieldbook</span>
        <LanguagePicker />
        {!facilitator && (
          <a class="button" href={routeHash({ screen: 'workshop-pin' })}>
            {t('Facilitator')}
          </a>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {failure !== undefined ? (
          <p role="alert">{t("This browser's storage cannot be opened: {reason}", { reason: String(failure) })}</p>
        ) : !context ? (
          <p role="status">{t('Opening…')}</p>
        ) : facilitator ? (
          <PinPrompt />
        ) : (
          <ParticipantForm run={run} context={context} />
        )}
      </main>
      <footer class="app-footer">Fieldbook {__APP_VERSION__}</footer>
    </div>
  );
}
