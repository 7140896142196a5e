import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { validateAnswers } from '../forms/answers';
import type { FormLanguage } from '../forms/localize';
import { dropIrrelevant, type AnswerValue, type Answers } from '../forms/relevance';
import { hasStartingAnswers, startingAnswers } from '../forms/metadata';
import { questionsOf, type Form } from '../forms/schema';
import { textIn } from '../forms/texts';
import { t, tn } from '../i18n';
import { latestVersion, loadForm } from '../storage/catalog';
import { toStorageError } from '../storage/errors';
import type { StoredSubmission } from '../storage/record';
import { finalize, getSubmission, saveDraft } from '../storage/submissions';
import { describeFailure } from './failure-text';
import { initialFormLanguage, shownQuestionLabel } from './form-view';
import { FormRenderer } from './FormRenderer';
import { fieldIds } from './QuestionField';
import { navigate } from './router';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './use-autosave';
import { useFormLanguage } from './use-form-language';
import { useLive } from './use-live';

/** Fills one draft: answers autosave as typed; Finalize validates, stores durably, and moves on. */
export function FillScreen({ id }: { id: string }) {
  const language = useFormLanguage();
  const [loaded, setLoaded] = useState<{ record: StoredSubmission; form: Form } | 'missing' | undefined>();
  useEffect(() => {
    void getSubmission(id).then(async (record) => {
      // A draft stays on the version it was started in, whatever was published since.
      const form = record && (await loadForm(record.formId, record.formVersion));
      if (!record || !form) return setLoaded('missing');
      if (record.status !== 'draft') return navigate({ screen: 'view', id }, true);
      setLoaded({ record, form });
    });
  }, [id]);
  if (loaded === undefined || !language) return <p role="status">{t('Opening the response…')}</p>;
  if (loaded === 'missing') return <p role="alert">{t('This response is not on this device.')}</p>;
  // Same key whatever the language: switching it mid-form re-renders the draft, never reloads it.
  return (
    <DraftEditor
      key={id}
      record={loaded.record}
      form={language.translate(loaded.form)}
      language={language}
      onFinalized={() => navigate({ screen: 'done', id }, true)}
      onClose={() => navigate({ screen: 'list', formId: loaded.form.id, page: 0 })}
    />
  );
}

/** What the editor's owner does once the draft is finalized, and on "Save draft and close" (no such button without it). */
export interface DraftEditorActions {
  onFinalized: (submission: StoredSubmission) => void;
  onClose?: () => void;
}

/** One draft's questions, autosaved as typed, with Finalize; a workshop's participant form uses it too. */
export function DraftEditor({ record, form, language, onFinalized, onClose }: { record: StoredSubmission; form: Form; language: FormLanguage } & DraftEditorActions) {
  const { locale, messages } = language;
  // Metadata (start, today, device, enumerator) and defaults, once, when the response starts.
  const [initial] = useState<Answers>(() => (hasStartingAnswers(form) ? startingAnswers(form, record.answers, { deviceId: record.meta.deviceId, username: record.meta.enumerator }) : record.answers));
  const [answers, setAnswers] = useState<Answers>(initial);
  const [chosenLanguage, setFormLanguage] = useState(() => initialFormLanguage(form, locale));
  // A form without languages of its own (the built-in ones) follows the interface language.
  const formLanguage = form.languages ? chosenLanguage : locale;
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const autosave = useAutosave((a) => saveDraft(record.id, a));
  // Once the user has tried to finalize, errors follow the answers as they are fixed, in the language in use.
  const errors = useMemo(() => (checked ? validateAnswers(form, dropIrrelevant(form, answers), messages, formLanguage) : {}), [checked, form, answers, messages, formLanguage]);

  // The ref holds the latest answers, so quick successive changes never build on a stale copy.
  const latest = useRef<Answers>(initial);
  useEffect(() => {
    if (initial !== record.answers) autosave.schedule(initial);
    // Once: the starting answers are saved with the draft like any other answer.
  }, []);
  const onChange = (qid: string, value: AnswerValue | undefined) => {
    const next = { ...latest.current };
    if (value === undefined) delete next[qid];
    else next[qid] = value;
    latest.current = next;
    setAnswers(next);
    autosave.schedule(next);
  };

  const onFinalize = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await autosave.flush();
      // The language in use now is the one the response was completed in.
      const result = await finalize(form, record.id, latest.current, { locale, messages });
      if (result.ok) return onFinalized(result.submission);
      setChecked(true);
      requestAnimationFrame(() => summary.current?.focus());
    } catch (error) {
      setFailure(error ?? 'unknown');
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.entries(errors);
  return (
    <div class="fill">
      <h1>{textIn(form.title, formLanguage, form.defaultLanguage)}</h1>
      <SaveStatus state={autosave.state} />
      <NewerVersionNote form={form} />
      {errorList.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-heading">
          <h2 id="error-summary-heading">{tn(errorList.length, 'One answer needs attention', '{n} answers need attention')}</h2>
          <ul>
            {errorList.map(([qid, message]) => (
              <li key={qid}>
                <a href={`#${fieldIds(qid).input}`} onClick={(e) => focusQuestion(e, qid)}>
                  {t('{question}: {problem}', { question: shownQuestionLabel(form, qid, formLanguage), problem: message })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormRenderer form={form} submissionId={record.id} answers={answers} errors={errors} locale={locale} formLanguage={formLanguage} onFormLanguage={setFormLanguage} onChange={onChange} onSubmit={() => void onFinalize()}>
        {failure !== undefined && (
          <p class="form-failure" role="alert">
            {describeFailure(toStorageError(failure).failure)}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('Saving…') : t('Finalize')}
          </button>
          {onClose && (
            <button type="button" onClick={() => void autosave.flush().then(onClose)}>
              {t('Save draft and close')}
            </button>
          )}
        </div>
      </FormRenderer>
    </div>
  );
}

/** Announces a version published since this draft began; the draft itself stays on its own. */
function NewerVersionNote({ form }: { form: Form }) {
  const latest = useLive(() => latestVersion(form.id), [form.id]);
  if (latest === undefined || latest <= form.version) return null;
  return (
    <p class="notice" role="status">
      {t('A newer version of this form (version {latest}) was published. This response stays on version {version}, the one it was started in; new responses use the newer one.', { latest, version: form.version })}
    </p>
  );
}

/** Error links move focus to the question's control (the hash is the router's, so no navigation). */
function focusQuestion(event: Event, qid: string): void {
  event.preventDefault();
  const target = document.getElementById(fieldIds(qid).input) ?? document.querySelector<HTMLInputElement>(`input[name="${qid}"]`);
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}
