import { useEffect, useState } from 'preact/hooks';
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
      <h2 id="session-heading">Workshop session</h2>
      <p>Set these once: every new response starts with them, and participants can still change them.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void setWorkshopSession(session).then(() => setStatus('Workshop session saved.'));
        }}
      >
        {field('name', 'Workshop name')}
        {field('date', 'Workshop date', 'date')}
        {field('place', 'Workshop place')}
        <button type="submit">Save workshop session</button>
        <p role="status">{status}</p>
      </form>
      <p class="today">Responses collected today: {collectedToday ?? '…'}</p>
    </section>
  );
}
