import { useEffect, useState } from 'preact/hooks';
import { findForm } from '../forms';
import type { Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { localResults } from '../results/local';
import type { FormResults } from '../results/schema';
import { describeFailure, toStorageError } from '../storage/errors';
import { ResultsView } from './results/ResultsView';
import { routeHash } from './router';

/** One form's results from this device's finalized responses, by sex. Counted once on open, and again on request. */
export function ResultsScreen({ formId, locale }: { formId: string; locale: Locale }) {
  const form = findForm(formId);
  const [results, setResults] = useState<FormResults | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!form) return;
    let live = true;
    localResults(form).then(
      (r) => live && setResults(r),
      (e: unknown) => live && setFailure(describeFailure(toStorageError(e).failure)),
    );
    return () => {
      live = false;
    };
  }, [formId, round]);
  if (!form) return <p role="alert">There is no form called “{formId}”.</p>;
  const title = textIn(form.title, locale);
  return (
    <div class="results-screen">
      <p>
        <a href={routeHash({ screen: 'home' })}>← All surveys</a>
      </p>
      <h1>{title}: results</h1>
      <p>
        From the finalized responses on this device (sent or not). For every device's responses, use the{' '}
        <a href={routeHash({ screen: 'coordinator', formId })}>coordinator view</a>.
      </p>
      {failure ? (
        <p role="alert">{failure}</p>
      ) : results ? (
        <>
          <p>
            <button type="button" onClick={() => setRound((n) => n + 1)}>
              Count again
            </button>
          </p>
          <ResultsView form={form} results={results} locale={locale} />
        </>
      ) : (
        <p role="status">Counting responses…</p>
      )}
    </div>
  );
}
