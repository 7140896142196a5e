import { findForm } from '../forms';
import type { Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { requeue } from '../storage/outbox';
import { getSubmission } from '../storage/submissions';
import { syncEngine } from '../sync/device-sync';
import { FormRenderer } from './FormRenderer';
import { formatTime, STATUS_LABELS } from './labels';
import { routeHash } from './router';
import { useLive } from './use-live';

/** A finalized response, read-only, through the same renderer that filled it. */
export function ViewScreen({ id, locale }: { id: string; locale: Locale }) {
  const record = useLive(() => getSubmission(id).then((r) => r ?? null), [id]);
  if (record === undefined) return <p role="status">Opening the response…</p>;
  const form = record && findForm(record.formId, record.formVersion);
  if (!record || !form) return <p role="alert">This response is not on this device.</p>;
  return (
    <div class="view">
      <p>
        <a href={routeHash({ screen: 'list', formId: form.id, page: 0 })}>← All responses</a>
      </p>
      <h1>{textIn(form.title, locale)}</h1>
      <dl class="record-meta">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[record.status]}</dd>
        <dt>Completed</dt>
        <dd>{formatTime(record.meta.completedAt)}</dd>
        {record.syncedAt && (
          <>
            <dt>Sent</dt>
            <dd>{formatTime(record.syncedAt)}</dd>
          </>
        )}
        {record.errors && (
          <>
            <dt>Reason</dt>
            <dd>
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
          The server refused this response, so it is not sent again by itself. It stays on this device. Once the cause is
          fixed (for example, the server updated), you can{' '}
          <button type="button" onClick={() => void requeue(record.id).then(() => syncEngine.sendNow())}>
            Send it again
          </button>
        </p>
      )}
      <p>This response is finalized and can no longer be changed.</p>
      <FormRenderer form={form} answers={record.answers} errors={{}} locale={locale} readOnly />
    </div>
  );
}
