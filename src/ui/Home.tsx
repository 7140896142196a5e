import { useEffect } from 'preact/hooks';
import { FORM_CATALOG } from '../forms/catalog';
import type { Locale } from '../forms/schema';
import { t, tn, useLocale } from '../i18n';
import type { FormCounts } from '../storage/first-counts';
import type { DraftContext } from '../storage/submissions';
import { DevicePanel } from './DevicePanel';
import { routeHash } from './router';
import { StoragePanel } from './StoragePanel';
import { markFirstScreenShown } from './first-screen';
import { firstHomeCounts, FORM_IDS } from './home-counts';
import { useDeferredLive } from './use-deferred-live';

/** The four forms with their counts, and a way to start each. */
export function Home({ context, onContextChange }: { context: DraftContext | undefined; onContextChange: (c: DraftContext) => void }) {
  // The first counts come without Dexie; the live ones take over once they are on screen.
  const counts = useDeferredLive(
    () => import('../storage/counts'),
    (m) => m.countForms(FORM_IDS),
    firstHomeCounts,
  );
  const counted = counts !== undefined;
  useEffect(() => void (counted && markFirstScreenShown()), [counted]);
  const locale = useLocale();
  return (
    <div class="home">
      <h1>{t('Surveys')}</h1>
      <ul class="form-cards">
        {FORM_CATALOG.map((form) => (
          <FormCard key={form.id} form={form} counts={counts?.[form.id]} context={context} locale={locale} />
        ))}
      </ul>
      {context && <DevicePanel context={context} onContextChange={onContextChange} />}
      <StoragePanel />
    </div>
  );
}

/** Starting a response needs the form engine, which home does not load until it is asked for. */
const startById = (formId: string, context: DraftContext) => import('./start-response').then((m) => m.startResponseById(formId, context));

function FormCard({ form, counts, context, locale }: { form: (typeof FORM_CATALOG)[number]; counts: FormCounts | undefined; context: DraftContext | undefined; locale: Locale }) {
  const title = form.title[locale];
  return (
    <li class="form-card">
      <h2>{title}</h2>
      {/* data-counted marks the card as interactive, for the benchmark and tests. */}
      <p class="counts" aria-label={t('Counts for {title}', { title })} data-counted={counts ? '' : undefined}>
        {counts ? (
          <>
            <span>{tn(counts.draft, '{n} draft', '{n} drafts')}</span> · <span>{tn(counts.queued, '{n} waiting to send', '{n} waiting to send')}</span> ·{' '}
            <span>{tn(counts.synced, '{n} sent', '{n} sent')}</span>
            {counts.rejected > 0 && <span> · {tn(counts.rejected, '{n} needs attention', '{n} need attention')}</span>}
          </>
        ) : (
          t('Counting…')
        )}
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={!context} onClick={() => context && void startById(form.id, context)} aria-label={t('New response: {title}', { title })}>
          {t('New response')}
        </button>
        <a class="button" href={routeHash({ screen: 'list', formId: form.id, page: 0 })} aria-label={t('All responses: {title}', { title })}>
          {t('Responses ({count})', { count: counts?.total ?? '…' })}
        </a>
        <a class="button" href={routeHash({ screen: 'results', formId: form.id })} aria-label={t('Results: {title}', { title })}>
          {t('Results')}
        </a>
      </div>
    </li>
  );
}
