import { useEffect, useMemo, useState } from 'preact/hooks';
import { textIn } from '../../forms/texts';
import { t, useLocale } from '../../i18n';
import { aggregate } from '../../results/aggregate';
import { toStorageError } from '../../storage/errors';
import { getSubmissions } from '../../storage/submissions';
import { getLastWorkshop, type EndedWorkshop } from '../../storage/workshop';
import { countSession } from '../../workshop/session';
import { CsvExport } from '../CsvExport';
import { describeFailure } from '../failure-text';
import { formatTime } from '../labels';
import { ResultsView } from '../results/ResultsView';
import { routeHash } from '../router';
import { useForm } from '../use-form-language';
import { useLive } from '../use-live';

/**
 * The facilitator's summary of the workshop session that ended last: how many responses, how
 * many reached the server (kept current as sync goes on), results by sex of this session only,
 * and this session's CSV.
 */
export function WorkshopSummary() {
  const [ended, setEnded] = useState<EndedWorkshop | null | undefined>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    getLastWorkshop().then(
      (last) => setEnded(last ?? null),
      (error: unknown) => setFailure(error ?? 'unknown'),
    );
  }, []);
  if (failure !== undefined) return <p role="alert">{describeFailure(toStorageError(failure).failure)}</p>;
  if (ended === undefined) return <p role="status">{t('Loading…')}</p>;
  if (ended === null) {
    return (
      <div class="workshop-summary">
        <h1>{t('Workshop session summary')}</h1>
        <p>{t('No workshop session has ended on this device yet.')}</p>
        <p>
          <a class="back-link" href={routeHash({ screen: 'home' })}>{t('← All surveys')}</a>
        </p>
      </div>
    );
  }
  return <SessionSummary ended={ended} />;
}

function SessionSummary({ ended }: { ended: EndedWorkshop }) {
  const locale = useLocale();
  const form = useForm(ended.formId, ended.formVersion);
  const records = useLive(() => getSubmissions(ended.draftIds), [ended]);
  const finalized = useMemo(() => (records ?? []).filter((r) => r.status !== 'draft'), [records]);
  const results = useMemo(() => form && aggregate(form, finalized), [form, finalized]);
  if (form === undefined || records === undefined || (form && !results)) return <p role="status">{t('Loading…')}</p>;
  if (!form || !results) return <p role="alert">{t('There is no form called “{formId}”.', { formId: ended.formId })}</p>;
  const counts = countSession(records);
  const session = ended.session && [ended.session.name, ended.session.place, ended.session.date].filter(Boolean).join(' · ');
  return (
    <div class="workshop-summary">
      <p>
        <a class="back-link" href={routeHash({ screen: 'home' })}>{t('← All surveys')}</a>
      </p>
      <h1>{t('Workshop session: {title}', { title: textIn(form.title, locale) })}</h1>
      {session && <p class="workshop-session-line">{session}</p>}
      <p>{t('Workshop mode from {start} to {end}.', { start: formatTime(ended.startedAt), end: formatTime(ended.endedAt) })}</p>
      <dl class="record-meta workshop-counts" aria-label={t('This session in numbers')}>
        <dt>{t('Responses collected')}</dt>
        <dd>{counts.collected}</dd>
        <dt>{t('Sent to the server')}</dt>
        <dd>{counts.sent}</dd>
        <dt>{t('Waiting to send')}</dt>
        <dd>{counts.waiting}</dd>
        {counts.rejected > 0 && (
          <>
            <dt>{t('Refused by the server')}</dt>
            <dd>{counts.rejected}</dd>
          </>
        )}
        {counts.unfinished > 0 && (
          <>
            <dt>{t('Unfinished, kept as drafts')}</dt>
            <dd>{counts.unfinished}</dd>
          </>
        )}
      </dl>
      <ResultsView form={form} results={results} locale={locale} />
      <CsvExport form={form} ids={finalized.map((r) => r.id)} />
    </div>
  );
}
