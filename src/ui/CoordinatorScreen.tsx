import { useState } from 'preact/hooks';
import { t, useLocale } from '../i18n';
import { forgetCoordinatorToken, hasCoordinatorToken, setCoordinatorToken } from '../results/remote';
import { BundleUpload } from './coordinator/BundleUpload';
import { FormsAdmin } from './coordinator/FormsAdmin';
import { Devices } from './coordinator/Devices';
import { ServerResults } from './coordinator/ServerResults';
import { summaryTitle, useServerCatalog, useServerForm } from './coordinator/use-server-catalog';
import { routeHash } from './router';
import { useFormLanguage } from './use-form-language';

/** Headquarters' view of the server: every device's responses as charts and CSV, with the coordinator token. */
export function CoordinatorScreen({ formId }: { formId?: string }) {
  const [signedIn, setSignedIn] = useState(hasCoordinatorToken);
  const [notice, setNotice] = useState<string | undefined>();
  const signOut = (reason?: string) => {
    forgetCoordinatorToken();
    setSignedIn(false);
    setNotice(reason);
  };
  return (
    <div class="coordinator">
      <h1>{t('Coordinator view')}</h1>
      {!signedIn ? (
        <TokenForm
          notice={notice}
          onToken={(token) => {
            setCoordinatorToken(token);
            setNotice(undefined);
            setSignedIn(true);
          }}
        />
      ) : (
        <SignedIn formId={formId} onSignOut={signOut} />
      )}
    </div>
  );
}

/** The signed-in view: the server's forms to pick from, the picked one's results, the Forms section, bundles. */
function SignedIn({ formId, onSignOut }: { formId: string | undefined; onSignOut: (reason?: string) => void }) {
  const locale = useLocale();
  const language = useFormLanguage();
  const catalog = useServerCatalog(onSignOut);
  const form = useServerForm(formId, catalog.forms, language, onSignOut);
  return (
    <>
      <p>
        {t('Results and exports of everything the server holds, from all devices.')}{' '}
        <button type="button" onClick={() => onSignOut(t('The coordinator token was forgotten.'))}>
          {t('Forget the token')}
        </button>
      </p>
      <nav aria-label={t('Forms on the server')}>
        <ul class="form-picker">
          {catalog.forms?.map((f) => (
            <li key={f.id}>
              <a href={routeHash({ screen: 'coordinator', formId: f.id })} aria-current={f.id === formId ? 'page' : undefined}>
                {summaryTitle(f, locale, language)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {formId !== undefined && form === null && <p role="alert">{t('There is no form called “{formId}”.', { formId })}</p>}
      {form && 'failure' in form && <p role="alert">{form.failure}</p>}
      {form && 'sections' in form ? (
        <ServerResults key={`${form.id}@${form.version}`} form={form} locale={locale} onRefused={onSignOut} />
      ) : formId === undefined ? (
        <p>{t('Choose a form to see its results.')}</p>
      ) : form === undefined ? (
        <p role="status">{t('Asking the server…')}</p>
      ) : null}
      <FormsAdmin catalog={catalog} locale={locale} language={language} onRefused={onSignOut} />
      <BundleUpload onRefused={onSignOut} />
      <Devices onRefused={onSignOut} />
    </>
  );
}

/** Asks for the coordinator token; it is kept in this tab's memory only. */
function TokenForm({ notice, onToken }: { notice: string | undefined; onToken: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <form
      class="panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onToken(token);
      }}
    >
      {notice && <p role="alert">{notice}</p>}
      <div class="field">
        <label for="coordinator-token">{t('Coordinator token')}</label>
        <p class="hint" id="coordinator-token-hint">
          {t('Paste the coordinator token from the server. It is kept only while this tab is open: never saved on this device, never put in an address.')}
        </p>
        <input id="coordinator-token" type="password" autoComplete="off" spellcheck={false} aria-describedby="coordinator-token-hint" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          {t('Show results')}
        </button>
      </div>
    </form>
  );
}
