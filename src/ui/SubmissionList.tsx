import { useState } from 'preact/hooks';
import { CsvExport } from './CsvExport';
import { textIn } from '../forms/texts';
import { t, tn } from '../i18n';
import { toStorageError } from '../storage/errors';
import type { StoredSubmission } from '../storage/record';
import { countSubmissions } from '../storage/counts';
import { deleteDraft, listSubmissions, type DraftContext } from '../storage/submissions';
import { describeFailure } from './failure-text';
import { formatTime, statusLabel } from './labels';
import { routeHash } from './router';
import { startResponse, WORKSHOP_FORM_ID } from './start-response';
import { useForm } from './use-form-language';
import { useLive } from './use-live';
import { WorkshopSessionPanel } from './WorkshopSessionPanel';

/** Rows per page: small enough to render instantly with 10,000 stored. */
export const PAGE_SIZE = 50;

/** A form's submissions, newest first, a page at a time. */
export function SubmissionList({ formId, page, context }: { formId: string; page: number; context: DraftContext }) {
  const form = useForm(formId);
  const rows = useLive(() => listSubmissions(formId, { offset: page * PAGE_SIZE, limit: PAGE_SIZE }), [formId, page]);
  const counts = useLive(() => countSubmissions(formId), [formId]);
  if (form === undefined) return <p role="status">{t('Loading…')}</p>;
  if (!form) return <p role="alert">{t('There is no form called “{formId}”.', { formId })}</p>;
  const title = textIn(form.title, context.locale);
  const pages = Math.max(1, Math.ceil((counts?.total ?? 0) / PAGE_SIZE));
  return (
    <div class="list">
      <p>
        <a class="back-link" href={routeHash({ screen: 'home' })}>{t('← All surveys')}</a>
      </p>
      <h1>{t('{title}: responses', { title })}</h1>
      <p>
        <button type="button" class="primary" onClick={() => void startResponse(form, context)}>
          {t('New response')}
        </button>
      </p>
      {formId === WORKSHOP_FORM_ID && <WorkshopSessionPanel collectedToday={counts?.today} />}
      <CsvExport form={form} />
      {rows === undefined ? (
        <p role="status">{t('Loading…')}</p>
      ) : rows.length === 0 ? (
        <p>{t('No responses yet.')}</p>
      ) : (
        <table class="submissions">
          <caption>
            {tn(counts?.total ?? rows.length, '{n} response, newest first (page {page} of {pages})', '{n} responses, newest first (page {page} of {pages})', {
              page: page + 1,
              pages,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('Started')}</th>
              <th scope="col">{t('Status')}</th>
              <th scope="col">{t('Collected by')}</th>
              <th scope="col">{t('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t('Pages')}>
        {page > 0 && <a href={routeHash({ screen: 'list', formId, page: page - 1 })}>{t('Newer')}</a>}
        {page + 1 < pages && <a href={routeHash({ screen: 'list', formId, page: page + 1 })}>{t('Older')}</a>}
      </nav>
    </div>
  );
}

function Row({ row }: { row: StoredSubmission }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const started = formatTime(row.meta.startedAt);
  const remove = () => deleteDraft(row.id).catch((e: unknown) => setFailure(e ?? 'unknown'));
  return (
    <tr>
      <td>{started}</td>
      <td>
        <span class={`status status-${row.status}`}>{statusLabel(row.status)}</span>
        {/* The server's own words. */}
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
            <span role="group" aria-label={t('Confirm deletion')}>
              {t('Delete this draft for good?')}{' '}
              <button type="button" class="danger" onClick={() => void remove()}>
                {t('Yes, delete draft')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)} autoFocus>
                {t('Keep it')}
              </button>
            </span>
          ) : (
            <>
              <a class="button" href={routeHash({ screen: 'fill', id: row.id })} aria-label={t('Resume draft started {time}', { time: started })}>
                {t('Resume')}
              </a>{' '}
              <button type="button" onClick={() => setConfirming(true)} aria-label={t('Delete draft started {time}', { time: started })}>
                {t('Delete')}
              </button>
            </>
          )
        ) : (
          <a class="button" href={routeHash({ screen: 'view', id: row.id })} aria-label={t('View response started {time}', { time: started })}>
            {t('View')}
          </a>
        )}
        {failure !== undefined && <p role="alert">{describeFailure(toStorageError(failure).failure)}</p>}
      </td>
    </tr>
  );
}
