import { useEffect } from 'preact/hooks';
import { BUILT_IN_HOME, type HomeForm } from '../forms/catalog';
import type { Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { t, tn, useLocale } from '../i18n';
import type { FormCounts } from '../storage/first-counts';
import type { DraftContext } from '../storage/submissions';
import { DevicePanel } from './DevicePanel';
import { routeHash } from './router';
import { StoragePanel } from './StoragePanel';
import { markFirstScreenShown } from './first-screen';
import { firstHomeCounts } from './home-counts';
import { useDeferredLive } from './use-deferred-live';

type HomeData = { forms: readonly HomeForm[]; counts: Record<string, FormCounts> };

/** The built-in forms with the first counts, read without Dexie. */
function firstHome(): HomeData | Promise<HomeData> {
  const counts = firstHomeCounts();
  return counts instanceof Promise ? counts.then((c) => ({ forms: BUILT_IN_HOME, counts: c })) : { forms: BUILT_IN_HOME, counts };
}

/** Every form of the catalog with its counts, and a way to start each that takes new responses. */
export function Home({ context, onContextChange }: { context: DraftContext | undefined; onContextChange: (c: DraftContext) => void }) {
  // The built-in forms and their first counts come without Dexie; the catalog, live, takes over once they are on screen.
  const home = useDeferredLive(
    () => import('../storage/catalog'),
    (m) => m.homeForms(),
    firstHome,
  );
  const counts = home?.counts;
  const counted = counts !== undefined;
  useEffect(() => void (counted && markFirstScreenShown()), [counted]);
  const locale = useLocale();
  return (
    <div class="home">
      <h1>{t('Surveys')}</h1>
      <ul class="form-cards">
        {(home?.forms ?? BUILT_IN_HOME).map((form) => (
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

function FormCard({ form, counts, context, locale }: { form: HomeForm; counts: FormCounts | undefined; context: DraftContext | undefined; locale: Locale }) {
  const title = textIn(form.title, locale);
  const open = form.state === 'open';
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
      {!open && <p class="form-state">{form.state === 'closing' ? t('Closing: finish the responses started, no new ones.') : t('Closed: this form takes no new responses.')}</p>}
      <div class="actions">
        {open && (
          <button type="button" class="primary" disabled={!context} onClick={() => context && void startById(form.id, context)} aria-label={t('New response: {title}', { title })}>
            {t('New response')}
          </button>
        )}
        <a class="button" href={routeHash({ screen: 'list', formId: form.id, page: 0 })} aria-label={t('All responses: {title}', { title })}>
          {t('Responses ({count})', { count: counts?.total ?? '…' })}
        </a>
        <a class="button" href={routeHash({ screen: 'results', formId: form.id })} aria-label={t('Results: {title}', { title })}>
          {t('Results')}
        </a>
        {open && (
          <a class="button" href={routeHash({ screen: 'workshop-start', formId: form.id })} aria-label={t('Workshop mode: {title}', { title })}>
            {t('Workshop mode')}
          </a>
        )}
      </div>
    </li>
  );
}
