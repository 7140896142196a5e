import { findForm } from '../forms';
import { textIn } from '../forms/texts';
import { countSubmissions } from '../storage/counts';
import { getSubmission, type DraftContext } from '../storage/submissions';
import { routeHash } from './router';
import { startResponse } from './start-response';
import { useLive } from './use-live';

/** After finalizing: confirmation, today's count, and a one-click next response for facilitators. */
export function DoneScreen({ id, context }: { id: string; context: DraftContext }) {
  const record = useLive(() => getSubmission(id).then((r) => r ?? null), [id]);
  const form = record ? findForm(record.formId, record.formVersion) : undefined;
  const counts = useLive(() => (form ? countSubmissions(form.id) : Promise.resolve(undefined)), [form?.id]);
  if (record === undefined) return <p role="status">Loading…</p>;
  if (!record || !form) return <p role="alert">This response is not on this device.</p>;
  return (
    <div class="done">
      <h1>Saved</h1>
      <p role="status">The response is saved on this device and will be sent when a connection is available.</p>
      <p class="today">
        {textIn(form.title, context.locale)}: {counts?.today ?? '…'} collected today.
      </p>
      <div class="actions">
        <button type="button" class="primary" autoFocus onClick={() => void startResponse(form, context)}>
          Start another
        </button>
        <a class="button" href={routeHash({ screen: 'view', id })}>
          View this response
        </a>
        <a class="button" href={routeHash({ screen: 'home' })}>
          Home
        </a>
      </div>
    </div>
  );
}
