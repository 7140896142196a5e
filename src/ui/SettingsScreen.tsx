import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { forgetToken, getAccessWithdrawn, getToken, setEndpoint } from '../storage/settings';
import { currentEndpoint, enroll } from '../sync/device-sync';
import { parseEnrollment, testConnection, type ConnectionCheck } from '../sync/enrollment';
import { accessWithdrawnText, describeEnrollProblem } from './enroll-text';

/** What a connection test found, in words. */
function checkWords(check: ConnectionCheck): string {
  switch (check) {
    case 'ok':
      return t('Connected: the server answered and accepts this device.');
    case 'unreachable':
      return t('The server cannot be reached from here. Check the address and the network.');
    case 'unauthorized':
      return t('The server answered but does not accept this device. Enroll again with a new link.');
    case 'revoked':
      return accessWithdrawnText();
    case 'server-error':
      return t('The server answered with an error. Try again later or tell your coordinator.');
  }
}

/** Enrollment and the server address. The token itself is never shown. */
export function SettingsScreen() {
  const [enrolled, setEnrolled] = useState<boolean | undefined>();
  const [withdrawn, setWithdrawn] = useState(false);
  const [endpoint, setEndpointText] = useState('');
  const [link, setLink] = useState('');
  const [message, setMessage] = useState('');
  const [confirmForget, setConfirmForget] = useState(false);
  const [checking, setChecking] = useState(false);

  const refresh = async () => {
    setEnrolled(Boolean(await getToken()));
    setWithdrawn(await getAccessWithdrawn());
    setEndpointText(await currentEndpoint());
  };
  useEffect(() => void refresh(), []);

  const onEnroll = async (e: Event) => {
    e.preventDefault();
    const parsed = parseEnrollment(link);
    if (!parsed) return setMessage(t('That is not an enrollment link or token. Paste the whole link your coordinator sent.'));
    setMessage(t('Enrolling…'));
    const outcome = await enroll(parsed.token, parsed.endpoint);
    if (outcome.kind === 'refused') return setMessage(describeEnrollProblem(outcome.problem));
    setLink('');
    setMessage(t('This device is enrolled. Waiting responses will be sent.'));
    await refresh();
  };

  const onTest = async () => {
    setChecking(true);
    setMessage(t('Testing the connection…'));
    const token = await getToken();
    setMessage(token ? checkWords(await testConnection(endpoint, token)) : t('Enroll this device first.'));
    setChecking(false);
  };

  return (
    <div class="settings">
      <h1>{t('Settings')}</h1>
      <p role="status">{message}</p>
      <section class="panel" aria-labelledby="enroll-heading">
        <h2 id="enroll-heading">{t('Enrollment')}</h2>
        <p>
          {enrolled === undefined
            ? t('Checking…')
            : withdrawn
              ? accessWithdrawnText()
              : enrolled
              ? t('This device is enrolled and can send responses.')
              : t('This device is not enrolled: responses stay on it until it is.')}
        </p>
        <form onSubmit={(e) => void onEnroll(e)}>
          <div class="field">
            <label for="enroll-link">{t('Enrollment link or token')}</label>
            <input id="enroll-link" type="text" autoComplete="off" spellcheck={false} value={link} onInput={(e) => setLink(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t('Enroll')}
            </button>
            <button type="button" onClick={() => void onTest()} disabled={checking || !enrolled}>
              {t('Test connection')}
            </button>
            {enrolled &&
              (confirmForget ? (
                <span role="group" aria-label={t('Confirm forgetting the token')}>
                  {t('Stop sending from this device?')}{' '}
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      void forgetToken().then(() => {
                        setConfirmForget(false);
                        setMessage(t('Token forgotten. Responses stay on this device.'));
                        return refresh();
                      })
                    }
                  >
                    {t('Yes, forget the token')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirmForget(false)}>
                    {t('Cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" class="danger" onClick={() => setConfirmForget(true)}>
                  {t('Forget token')}
                </button>
              ))}
          </div>
        </form>
      </section>
      <section class="panel" aria-labelledby="server-heading">
        <h2 id="server-heading">{t('Server')}</h2>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const value = endpoint.trim();
            const valid = /^https?:\/\/[^/\s]+/.test(value);
            if (!valid) return setMessage(t('The server address must start with http:// or https://.'));
            void setEndpoint(value === location.origin ? undefined : value).then(() => setMessage(t('Server address saved.')));
          }}
        >
          <label for="endpoint">{t('Server address')}</label>
          <input id="endpoint" type="url" value={endpoint} onInput={(e) => setEndpointText(e.currentTarget.value)} />
          <button type="submit">{t('Save address')}</button>
        </form>
      </section>
    </div>
  );
}
