import { useEffect, useRef, useState } from 'preact/hooks';
import { validateAnswers } from '../forms/answers';
import { findForm } from '../forms';
import { dropIrrelevant, type AnswerValue, type Answers } from '../forms/relevance';
import type { Form, Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { describeFailure, toStorageError } from '../storage/errors';
import type { StoredSubmission } from '../storage/record';
import { finalize, getSubmission, saveDraft } from '../storage/submissions';
import { FormRenderer } from './FormRenderer';
import { fieldIds } from './QuestionField';
import { navigate } from './router';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './use-autosave';

/** Fills one draft: answers autosave as typed; Finalize validates, stores durably, and moves on. */
export function FillScreen({ id, locale }: { id: string; locale: Locale }) {
  const [loaded, setLoaded] = useState<{ record: StoredSubmission; form: Form } | 'missing' | undefined>();
  useEffect(() => {
    void getSubmission(id).then((record) => {
      const form = record && findForm(record.formId, record.formVersion);
      if (!record || !form) return setLoaded('missing');
      if (record.status !== 'draft') return navigate({ screen: 'view', id }, true);
      setLoaded({ record, form });
    });
  }, [id]);
  if (loaded === undefined) return <p role="status">Opening the response…</p>;
  if (loaded === 'missing') return <p role="alert">This response is not on this device.</p>;
  return <DraftEditor key={id} record={loaded.record} form={loaded.form} locale={locale} />;
}

function DraftEditor({ record, form, locale }: { record: StoredSubmission; form: Form; locale: Locale }) {
  const [answers, setAnswers] = useState<Answers>(record.answers);
  const [errors, setErrors] = useState<Record<string, string> | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const autosave = useAutosave((a) => saveDraft(record.id, a));

  // The ref holds the latest answers, so quick successive changes never build on a stale copy.
  const latest = useRef<Answers>(record.answers);
  const onChange = (qid: string, value: AnswerValue | undefined) => {
    const next = { ...latest.current };
    if (value === undefined) delete next[qid];
    else next[qid] = value;
    latest.current = next;
    setAnswers(next);
    autosave.schedule(next);
    // Once the user has tried to finalize, errors follow the answers as they are fixed.
    if (errors) setErrors(validateAnswers(form, dropIrrelevant(form, next)));
  };

  const onFinalize = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await autosave.flush();
      const result = await finalize(form, record.id, latest.current);
      if (result.ok) return navigate({ screen: 'done', id: record.id }, true);
      setErrors(result.errors);
      requestAnimationFrame(() => summary.current?.focus());
    } catch (error) {
      setFailure(describeFailure(toStorageError(error).failure));
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.entries(errors ?? {});
  return (
    <div class="fill">
      <h1>{textIn(form.title, locale)}</h1>
      <SaveStatus state={autosave.state} />
      {errorList.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{errorList.length === 1 ? 'One answer needs attention' : `${errorList.length} answers need attention`}</h2>
          <ul>
            {errorList.map(([qid, message]) => (
              <li key={qid}>
                <a href={`#${fieldIds(qid).input}`} onClick={(e) => focusQuestion(e, qid)}>
                  {questionLabel(form, qid, locale)}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormRenderer form={form} answers={answers} errors={errors ?? {}} locale={locale} onChange={onChange} onSubmit={() => void onFinalize()}>
        {failure && (
          <p class="form-failure" role="alert">
            {failure}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Finalize'}
          </button>
          <button type="button" onClick={() => void autosave.flush().then(() => navigate({ screen: 'list', formId: form.id, page: 0 }))}>
            Save draft and close
          </button>
        </div>
      </FormRenderer>
    </div>
  );
}

function questionLabel(form: Form, qid: string, locale: Locale): string {
  const q = form.sections.flatMap((s) => s.questions).find((x) => x.id === qid);
  return q ? textIn(q.label, locale) : qid;
}

/** Error links move focus to the question's control (the hash is the router's, so no navigation). */
function focusQuestion(event: Event, qid: string): void {
  event.preventDefault();
  const target = document.getElementById(fieldIds(qid).input) ?? document.querySelector<HTMLInputElement>(`input[name="${qid}"]`);
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}
