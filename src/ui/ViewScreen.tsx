import { textIn } from '../forms/texts';
import { t, useLocale } from '../i18n';
import { requeue } from '../storage/outbox';
import { getSubmission } from '../storage/submissions';
import { syncEngine } from '../sync/device-sync';
import { FormRenderer } from './FormRenderer';
import { formatTime, statusLabel } from './labels';
import { routeHash } from './router';
import { useForm } from './use-form-language';
import { useLive } from './use-live';

/** A finalized response, read-only, through the same renderer that filled it. */
export function ViewScreen({ id }: { id: string }) {
  const locale = useLocale();
  const record = useLive(() => getSubmission(id).then((r) => r ?? null), [id]);
  const form = useForm(record?.formId, record?.formVersion);
  if (record === undefined || (record && form === undefined)) return <p role="status">{t('Opening the response…')}</p>;
  if (!record || !form) return <p role="alert">{t('This response is not on this device.')}</p>;
  // The sentence names the button where it stands in the translation.
  const [beforeButton, afterButton] = t('The server refused this response, so it is not sent again by itself. It stays on this device. Once the cause is fixed (for example, the server updated), you can {button}').split('{button}');
  return (
    <div class="view">
      <p>
        <a class="back-link" href={routeHash({ screen: 'list', formId: form.id, page: 0 })}>{t('← All responses')}</a>
      </p>
      <h1>{textIn(form.title, locale)}</h1>
      <dl class="record-meta">
        <dt>{t('Status')}</dt>
        <dd>{statusLabel(record.status)}</dd>
        <dt>{t('Completed')}</dt>
        <dd>{formatTime(record.meta.completedAt)}</dd>
        {record.syncedAt && (
          <>
            <dt>{t('Sent')}</dt>
            <dd>{formatTime(record.syncedAt)}</dd>
          </>
        )}
        {record.errors && (
          <>
            <dt>{t('Reason')}</dt>
            <dd>
              {/* The server's own words. */}
              <ul class="reasons">
                {record.errors.map((e, i) => (
                  <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {record.status === 'rejected' && (
        <p>
          {beforeButton}
          <button type="button" onClick={() => void requeue(record.id).then(() => syncEngine.sendNow())}>
            {t('Send it again')}
          </button>
          {afterButton}
        </p>
      )}
      <p>{t('This response is finalized and can no longer be changed.')}</p>
      <FormRenderer form={form} submissionId={record.id} answers={record.answers} errors={{}} locale={locale} readOnly />
    </div>
  );
}
