import { useEffect, useRef, useState } from 'preact/hooks';
import { textIn } from '../../forms/texts';
import { t, useLocale } from '../../i18n';
import { toStorageError } from '../../storage/errors';
import { getWorkshopSession, type WorkshopSession } from '../../storage/settings';
import { getLastWorkshop } from '../../storage/workshop';
import { isValidPin } from '../../workshop/pin';
import { describeFailure } from '../failure-text';
import { routeHash } from '../router';
import { carriesWorkshopSession } from '../start-response';
import { useForm } from '../use-form-language';
import { FormNotOpenError, startWorkshop } from './actions';

/** What is wrong with a new PIN typed twice, in words; undefined when it will do. */
function pinProblem(pin: string, again: string): string | undefined {
  if (!isValidPin(pin)) return t('The PIN must be 4 to 8 digits.');
  if (pin !== again) return t('The two PINs differ. Type the same PIN twice.');
  return undefined;
}

/** Full screen where the browser allows it (it needs this click); workshop mode works the same without. */
function enterFullscreen(): void {
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Starts workshop mode for one form: a PIN typed twice, and the workshop session when the form asks for it. */
export function WorkshopStart({ formId }: { formId: string }) {
  const locale = useLocale();
  const form = useForm(formId);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [session, setSession] = useState<WorkshopSession>({ name: '', date: '', place: '' });
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [hasLast, setHasLast] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void getWorkshopSession().then((s) => s && setSession(s));
    void getLastWorkshop().then((last) => setHasLast(last !== undefined));
  }, []);
  if (form === undefined) return <p role="status">{t('Loading…')}</p>;
  if (!form) return <p role="alert">{t('There is no form called “{formId}”.', { formId })}</p>;
  const title = textIn(form.title, locale);
  const withSession = carriesWorkshopSession(form);

  const submit = async () => {
    const wrong = pinProblem(pin, again);
    setProblem(wrong);
    if (wrong) return pinInput.current?.focus();
    setBusy(true);
    enterFullscreen();
    try {
      const trimmed = { name: session.name.trim(), date: session.date, place: session.place.trim() };
      // Once stored, the app shell switches to the participant's form by itself.
      await startWorkshop(form, pin, withSession ? trimmed : null);
    } catch (error) {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      setProblem(error instanceof FormNotOpenError ? t('This form takes no new responses, so workshop mode cannot start.') : describeFailure(toStorageError(error).failure));
      setBusy(false);
    }
  };

  const sessionField = (key: keyof WorkshopSession, label: string, type = 'text') => (
    <div class="field">
      <label for={`workshop-session-${key}`}>{label}</label>
      <input id={`workshop-session-${key}`} type={type} value={session[key]} onInput={(e) => setSession({ ...session, [key]: e.currentTarget.value })} />
    </div>
  );

  return (
    <div class="workshop-start">
      <p>
        <a class="back-link" href={routeHash({ screen: 'home' })}>{t('← All surveys')}</a>
      </p>
      <h1>{t('Workshop mode: {title}', { title })}</h1>
      <p>
        {t('For one device passed from participant to participant. The device shows only this form; after each response, a blank form appears for the next person. Lists, results, export and settings stay closed until the PIN is entered.')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="field">
          <label for="workshop-new-pin">{t('Choose a PIN (4 to 8 digits)')}</label>
          <input ref={pinInput} id="workshop-new-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="workshop-new-pin-again">{t('Type the PIN again')}</label>
          <input id="workshop-new-pin-again" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
        </div>
        {withSession && (
          <fieldset class="panel">
            <legend>{t('Workshop session')}</legend>
            <p class="hint">{t("Each participant's form starts with these.")}</p>
            {sessionField('name', t('Workshop name'))}
            {sessionField('date', t('Workshop date'), 'date')}
            {sessionField('place', t('Workshop place'))}
          </fieldset>
        )}
        <p role="alert">{problem ?? ''}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('Start workshop mode')}
          </button>
        </div>
      </form>
      {hasLast && (
        <p>
          <a href={routeHash({ screen: 'workshop-summary' })}>{t('Summary of the last workshop session')}</a>
        </p>
      )}
    </div>
  );
}
