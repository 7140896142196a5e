import { useEffect, useState } from 'preact/hooks';
import { textIn } from '../forms/texts';
import { t, useLocale } from '../i18n';
import { localResults } from '../results/local';
import type { FormResults } from '../results/schema';
import { toStorageError } from '../storage/errors';
import { describeFailure } from './failure-text';
import { ResultsView } from './results/ResultsView';
import { routeHash } from './router';
import { useForm } from './use-form-language';

/** One form's results from this device's finalized responses, by sex. Counted once on open, and again on request. */
export function ResultsScreen({ formId }: { formId: string }) {
  const locale = useLocale();
  const form = useForm(formId);
  const [results, setResults] = useState<FormResults | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!form) return;
    let live = true;
    localResults(form).then(
      (r) => live && setResults(r),
      (e: unknown) => live && setFailure(e ?? 'unknown'),
    );
    return () => {
      live = false;
    };
  }, [formId, round, Boolean(form)]);
  if (form === undefined) return <p role="status">{t('Loading…')}</p>;
  if (!form) return <p role="alert">{t('There is no form called “{formId}”.', { formId })}</p>;
  const title = textIn(form.title, locale);
  // The sentence names the link where it stands in the translation.
  const [beforeLink, afterLink] = t("From the finalized responses on this device (sent or not). For every device's responses, use the {link}.").split('{link}');
  return (
    <div class="results-screen">
      <p>
        <a class="back-link" href={routeHash({ screen: 'home' })}>{t('← All surveys')}</a>
      </p>
      <h1>{t('{title}: results', { title })}</h1>
      <p>
        {beforeLink}
        <a href={routeHash({ screen: 'coordinator', formId })}>{t('coordinator view')}</a>
        {afterLink}
      </p>
      {failure !== undefined ? (
        <p role="alert">{describeFailure(toStorageError(failure).failure)}</p>
      ) : results ? (
        <>
          <p>
            <button type="button" onClick={() => setRound((n) => n + 1)}>
              {t('Count again')}
            </button>
          </p>
          <ResultsView form={form} results={results} locale={locale} />
        </>
      ) : (
        <p role="status">{t('Counting responses…')}</p>
      )}
    </div>
  );
}
