import { useEffect, useState } from 'preact/hooks';
import { csvFileName } from '../../export/csv';
import type { Form, Locale } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t } from '../../i18n';
import { fetchServerCsv, fetchServerResults, ServerRequestError } from '../../results/remote';
import type { FormResults } from '../../results/schema';
import { currentEndpoint } from '../../sync/device-sync';
import { CsvLabelOptions, type LabelChoice } from '../CsvLabelOptions';
import { downloadBlob } from '../download';
import { ResultsView } from '../results/ResultsView';

const isRefusal = (e: unknown) => e instanceof ServerRequestError && (e.status === 401 || e.status === 403);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One form's results and CSV from the server; a refused token signs the coordinator out. */
export function ServerResults({ form, locale, onRefused }: { form: Form; locale: Locale; onRefused: (reason: string) => void }) {
  const [results, setResults] = useState<FormResults | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [choice, setChoice] = useState<LabelChoice>(() => ({ labels: false, locale }));
  const [downloading, setDownloading] = useState(false);
  const fail = (e: unknown) => (isRefusal(e) ? onRefused(messageOf(e)) : setFailure(messageOf(e)));
  useEffect(() => {
    let live = true;
    currentEndpoint()
      .then((endpoint) => fetchServerResults(endpoint, form.id))
      .then((r) => live && setResults(r), (e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [form.id]);
  const download = async () => {
    setDownloading(true);
    try {
      downloadBlob(await fetchServerCsv(await currentEndpoint(), form.id, choice), csvFileName(form, new Date()));
    } catch (e) {
      fail(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section aria-labelledby="server-results-heading">
      <h2 id="server-results-heading">{t('{title}: all devices', { title: textIn(form.title, locale) })}</h2>
      <div class="actions">
        <CsvLabelOptions value={choice} onChange={setChoice} />
        <button type="button" disabled={downloading} onClick={() => void download()}>
          {t('Download CSV from the server')}
        </button>
      </div>
      {failure ? <p role="alert">{failure}</p> : results ? <ResultsView form={form} results={results} locale={locale} /> : <p role="status">{t('Asking the server…')}</p>}
    </section>
  );
}
