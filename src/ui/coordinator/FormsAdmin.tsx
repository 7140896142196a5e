import type { FormLanguage } from '../../forms/localize';
import type { Locale } from '../../forms/schema';
import { formatDate, t } from '../../i18n';
import { formatCount } from '../../results/labels';
import type { FormSummary } from '../../sync/forms-api';
import { TableScroll } from '../results/TableScroll';
import { AttachmentsDownload } from './AttachmentsDownload';
import { FormStateControl, stateName } from './FormStateControl';
import { PublishForm } from './PublishForm';
import { summaryTitle, type ServerCatalog } from './use-server-catalog';
import { XlsFormDownload } from './XlsFormDownload';

interface Props {
  catalog: ServerCatalog;
  locale: Locale;
  language: FormLanguage | undefined;
  onRefused: (reason: string) => void;
}

/** The coordinator's Forms section: every form on the server with its versions and state, and publishing. */
export function FormsAdmin({ catalog, locale, language, onRefused }: Props) {
  const { forms, failure, busy, refresh } = catalog;
  return (
    <section aria-labelledby="forms-admin-heading" aria-busy={busy}>
      <h2 id="forms-admin-heading">{t('Forms')}</h2>
      <p class="hint">{t('Open: devices start new responses. Closing: devices start none, and what they hold is still accepted. Closed: the server refuses its submissions; devices keep them.')}</p>
      {failure && <p role="alert">{t('The list of forms could not be loaded: {reason}', { reason: failure })}</p>}
      <p role="status" class={busy ? 'busy' : undefined}>
        {busy ? t('Asking the server…') : ''}
      </p>
      {forms?.map((summary) => (
        <FormEntry key={summary.id} summary={summary} title={summaryTitle(summary, locale, language)} locale={locale} onChanged={refresh} onRefused={onRefused} />
      ))}
      {forms && <PublishForm forms={forms} locale={locale} onPublished={refresh} onRefused={onRefused} />}
    </section>
  );
}

const PUBLISHED_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** One form: its id and state, a table of its versions with their responses, and its state control. */
function FormEntry({ summary, title, locale, onChanged, onRefused }: { summary: FormSummary; title: string; locale: Locale; onChanged: () => void; onRefused: (reason: string) => void }) {
  const headingId = `form-entry-${summary.id}`;
  const caption = t('Versions of {title}', { title });
  // Newest first: the version devices get now is the one a coordinator looks for.
  const versions = [...summary.versions].sort((a, b) => b.version - a.version);
  return (
    <article class="panel form-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p>
        {t('Id: {id}', { id: summary.id })} · {t('State: {state}', { state: stateName(summary.state) })}
      </p>
      <TableScroll label={caption}>
        <table class="versions">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Version')}</th>
              <th scope="col">{t('Published')}</th>
              <th scope="col">{t('Responses')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>
                  <time dateTime={v.publishedAt}>{formatDate(v.publishedAt, PUBLISHED_DATE)}</time>
                </td>
                <td>{formatCount(v.responses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {versions[0] && <XlsFormDownload formId={summary.id} version={versions[0].version} title={title} onRefused={onRefused} />}
      <AttachmentsDownload formId={summary.id} title={title} locale={locale} onRefused={onRefused} />
      <FormStateControl formId={summary.id} title={title} state={summary.state} onChanged={onChanged} onRefused={onRefused} />
    </article>
  );
}
