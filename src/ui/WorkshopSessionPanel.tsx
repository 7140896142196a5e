import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { getWorkshopSession, setWorkshopSession, type WorkshopSession } from '../storage/settings';

/** The facilitator's current workshop, set once and carried into every new feedback response. */
export function WorkshopSessionPanel({ collectedToday }: { collectedToday: number | undefined }) {
  const [session, setSession] = useState<WorkshopSession>({ name: '', date: '', place: '' });
  const [status, setStatus] = useState('');
  useEffect(() => {
    void getWorkshopSession().then((s) => s && setSession(s));
  }, []);
  const field = (key: keyof WorkshopSession, label: string, type = 'text') => (
    <div class="field">
      <label for={`session-${key}`}>{label}</label>
      <input
        id={`session-${key}`}
        type={type}
        value={session[key]}
        onInput={(e) => {
          setSession({ ...session, [key]: e.currentTarget.value });
          setStatus('');
        }}
      />
    </div>
  );
  return (
    <section class="panel" aria-labelledby="session-heading">
      <h2 id="session-heading">{t('Workshop session')}</h2>
      <p>{t('Set these once: every new response starts with them, and participants can still change them.')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void setWorkshopSession(session).then(() => setStatus('saved'));
        }}
      >
        {field('name', t('Workshop name'))}
        {field('date', t('Workshop date'), 'date')}
        {field('place', t('Workshop place'))}
        <button type="submit">{t('Save workshop session')}</button>
        <p role="status">{status === 'saved' ? t('Workshop session saved.') : ''}</p>
      </form>
      <p class="today">{t('Responses collected today: {count}', { count: collectedToday ?? '…' })}</p>
    </section>
  );
}
