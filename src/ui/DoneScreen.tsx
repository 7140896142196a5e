import { textIn } from '../forms/texts';
import { t, useLocale } from '../i18n';
import { countSubmissions } from '../storage/counts';
import { getSubmission, type DraftContext } from '../storage/submissions';
import { routeHash } from './router';
import { startResponse } from './start-response';
import { useForm } from './use-form-language';
import { useLive } from './use-live';

/** After finalizing: confirmation, today's count, and a one-click next response for facilitators. */
export function DoneScreen({ id, context }: { id: string; context: DraftContext }) {
  const locale = useLocale();
  const record = useLive(() => getSubmission(id).then((r) => r ?? null), [id]);
  const form = useForm(record?.formId, record?.formVersion);
  const counts = useLive(() => (form ? countSubmissions(form.id) : Promise.resolve(undefined)), [form?.id]);
  if (record === undefined || (record && form === undefined)) return <p role="status">{t('Loading…')}</p>;
  if (!record || !form) return <p role="alert">{t('This response is not on this device.')}</p>;
  return (
    <div class="done">
      <h1>{t('Saved')}</h1>
      <p role="status">{t('The response is saved on this device and will be sent when a connection is available.')}</p>
      <p class="today">{t('{title}: {count} collected today.', { title: textIn(form.title, locale), count: counts?.today ?? '…' })}</p>
      <div class="actions">
        <button type="button" class="primary" autoFocus onClick={() => void startResponse(form, context)}>
          {t('Start another')}
        </button>
        <a class="button" href={routeHash({ screen: 'view', id })}>
          {t('View this response')}
        </a>
        <a class="button" href={routeHash({ screen: 'home' })}>
          {t('Home')}
        </a>
      </div>
    </div>
  );
}
