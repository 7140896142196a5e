import { useState } from 'preact/hooks';
import { CsvExport } from './CsvExport';
import { findForm } from '../forms';
import { textIn } from '../forms/texts';
import { describeFailure, toStorageError } from '../storage/errors';
import type { StoredSubmission } from '../storage/record';
import { countSubmissions } from '../storage/counts';
import { deleteDraft, listSubmissions, type DraftContext } from '../storage/submissions';
import { formatTime, STATUS_LABELS } from './labels';
import { routeHash } from './router';
import { startResponse, WORKSHOP_FORM_ID } from './start-response';
import { useLive } from './use-live';
import { WorkshopSessionPanel } from './WorkshopSessionPanel';

/** Rows per page: small enough to render instantly with 10,000 stored. */
export const PAGE_SIZE = 50;

/** A form's submissions, newest first, a page at a time. */
export function SubmissionList({ formId, page, context }: { formId: string; page: number; context: DraftContext }) {
  const form = findForm(formId);
  const rows = useLive(() => listSubmissions(formId, { offset: page * PAGE_SIZE, limit: PAGE_SIZE }), [formId, page]);
  const counts = useLive(() => countSubmissions(formId), [formId]);
  if (!form) return <p role="alert">There is no form called “{formId}”.</p>;
  const title = textIn(form.title, context.locale);
  const pages = Math.max(1, Math.ceil((counts?.total ?? 0) / PAGE_SIZE));
  return (
    <div class="list">
      <p>
        <a href={routeHash({ screen: 'home' })}>← All surveys</a>
      </p>
      <h1>{title}: responses</h1>
      <p>
        <button type="button" class="primary" onClick={() => void startResponse(form, context)}>
          New response
        </button>
      </p>
      {formId === WORKSHOP_FORM_ID && <WorkshopSessionPanel collectedToday={counts?.today} />}
      <CsvExport form={form} />
      {rows === undefined ? (
        <p role="status">Loading…</p>
      ) : rows.length === 0 ? (
        <p>No responses yet.</p>
      ) : (
        <table class="submissions">
          <caption>
            {counts?.total ?? rows.length} responses, newest first (page {page + 1} of {pages})
          </caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col">Collected by</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages">
        {page > 0 && <a href={routeHash({ screen: 'list', formId, page: page - 1 })}>Newer</a>}
        {page + 1 < pages && <a href={routeHash({ screen: 'list', formId, page: page + 1 })}>Older</a>}
      </nav>
    </div>
  );
}

function Row({ row }: { row: StoredSubmission }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const started = formatTime(row.meta.startedAt);
  const remove = () => deleteDraft(row.id).catch((e: unknown) => setFailure(describeFailure(toStorageError(e).failure)));
  return (
    <tr>
      <td>{started}</td>
      <td>
        <span class={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        {row.errors?.map((e, i) => (
          <span class="reason" key={i}>
            {e.message}
          </span>
        ))}
      </td>
      <td>{row.meta.enumerator || '—'}</td>
      <td class="row-actions">
        {row.status === 'draft' ? (
          confirming ? (
            <span role="group" aria-label="Confirm deletion">
              Delete this draft for good?{' '}
              <button type="button" class="danger" onClick={() => void remove()}>
                Yes, delete draft
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)} autoFocus>
                Keep it
              </button>
            </span>
          ) : (
            <>
              <a class="button" href={routeHash({ screen: 'fill', id: row.id })} aria-label={`Resume draft started ${started}`}>
                Resume
              </a>{' '}
              <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete draft started ${started}`}>
                Delete
              </button>
            </>
          )
        ) : (
          <a class="button" href={routeHash({ screen: 'view', id: row.id })} aria-label={`View response started ${started}`}>
            View
          </a>
        )}
        {failure && <p role="alert">{failure}</p>}
      </td>
    </tr>
  );
}
