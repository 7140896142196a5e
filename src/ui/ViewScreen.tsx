import { findForm } from '../forms';
import type { Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { getSubmission } from '../storage/submissions';
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
            <dd>{record.errors.map((e) => e.message).join(' ')}</dd>
          </>
        )}
      </dl>
      <p>This response is finalized and can no longer be changed.</p>
      <FormRenderer form={form} answers={record.answers} errors={{}} locale={locale} readOnly />
    </div>
  );
}
