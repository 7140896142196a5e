import { useState } from 'preact/hooks';
import { FORMS, findForm } from '../forms';
import type { Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { forgetCoordinatorToken, hasCoordinatorToken, setCoordinatorToken } from '../results/remote';
import { BundleUpload } from './coordinator/BundleUpload';
import { ServerResults } from './coordinator/ServerResults';
import { routeHash } from './router';

/** Headquarters' view of the server: every device's responses as charts and CSV, with the coordinator token. */
export function CoordinatorScreen({ formId, locale }: { formId?: string; locale: Locale }) {
  const [signedIn, setSignedIn] = useState(hasCoordinatorToken);
  const [notice, setNotice] = useState<string | undefined>();
  const signOut = (reason?: string) => {
    forgetCoordinatorToken();
    setSignedIn(false);
    setNotice(reason);
  };
  const form = formId === undefined ? undefined : findForm(formId);
  return (
    <div class="coordinator">
      <h1>Coordinator view</h1>
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
        <>
          <p>
            Results and exports of everything the server holds, from all devices.{' '}
            <button type="button" onClick={() => signOut('The coordinator token was forgotten.')}>
              Forget the token
            </button>
          </p>
          <nav aria-label="Forms on the server">
            <ul class="form-picker">
              {FORMS.map((f) => (
                <li key={f.id}>
                  <a href={routeHash({ screen: 'coordinator', formId: f.id })} aria-current={f.id === formId ? 'page' : undefined}>
                    {textIn(f.title, locale)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {formId !== undefined && !form && <p role="alert">There is no form called “{formId}”.</p>}
          {form ? <ServerResults key={form.id} form={form} locale={locale} onRefused={signOut} /> : <p>Choose a form to see its results.</p>}
          <BundleUpload onRefused={signOut} />
        </>
      )}
    </div>
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
        <label for="coordinator-token">Coordinator token</label>
        <p class="hint" id="coordinator-token-hint">
          Paste the coordinator token from the server. It is kept only while this tab is open: never saved on this device, never put in an address.
        </p>
        <input id="coordinator-token" type="password" autoComplete="off" spellcheck={false} aria-describedby="coordinator-token-hint" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          Show results
        </button>
      </div>
    </form>
  );
}
