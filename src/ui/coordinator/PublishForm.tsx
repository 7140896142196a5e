import { useEffect, useRef, useState } from 'preact/hooks';
import type { FormProblem } from '../../forms/problems';
import type { AnswerValue, Answers } from '../../forms/relevance';
import type { Locale } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t } from '../../i18n';
import { publishDefinition, publishXlsForm } from '../../sync/forms-admin';
import type { FormSummary } from '../../sync/forms-api';
import { currentEndpoint } from '../../sync/device-sync';
import { FormRenderer } from '../FormRenderer';
import { readDefinitionFile, type DefinitionBody, type DefinitionFile } from './definition-file';
import { ProblemTable } from './ProblemTable';
import { isRefusal, messageOf } from './use-server-catalog';

/** What the last step came to, shown under the file input. */
type Outcome =
  | { kind: 'message'; alert: boolean; text: string; problems?: { caption: string; list: readonly FormProblem[] } }
  | { kind: 'busy'; text: string };

const ACCEPT = '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  forms: readonly FormSummary[];
  locale: Locale;
  /** After a version was published (the list is asked again). */
  onPublished: () => void;
  onRefused: (reason: string) => void;
}

/** Publishes a JSON definition or an XLSForm (.xlsx): checked here first, previewed with the app's own renderer, then sent. */
export function PublishForm({ forms, locale, onPublished, onRefused }: Props) {
  const [file, setFile] = useState<{ name: string; read: DefinitionFile } | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [answers, setAnswers] = useState<Answers>({});
  const input = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const busy = outcome?.kind === 'busy';
  // What happened is where the coordinator looks next, also with a screen reader or the keyboard.
  useEffect(() => {
    if (outcome?.kind === 'message') result.current?.focus();
  }, [outcome]);

  const choose = async (chosen: File | undefined) => {
    setFile(undefined);
    setAnswers({});
    if (!chosen) return setOutcome(undefined);
    setOutcome({ kind: 'busy', text: t('Reading the file…') });
    const read = await readDefinitionFile(chosen, forms);
    setFile({ name: chosen.name, read });
    if (read.kind === 'unreadable') setOutcome({ kind: 'message', alert: true, text: read.message });
    else if (read.kind === 'refused') {
      const caption = t('Problems in {file}', { file: chosen.name });
      setOutcome({ kind: 'message', alert: true, text: t('This definition cannot be published; nothing was sent. Correct the file and choose it again.'), problems: { caption, list: read.problems } });
    } else {
      const warnings = read.warnings.length > 0 ? { caption: t('Warnings about {file}: it can be published, but look at these first', { file: chosen.name }), list: read.warnings } : undefined;
      setOutcome({ kind: 'message', alert: false, text: t('No problems found in {file}. Look at the preview below, then publish.', { file: chosen.name }), problems: warnings });
    }
  };

  const publish = async (body: DefinitionBody, title: string) => {
    setOutcome({ kind: 'busy', text: t('Publishing…') });
    try {
      const endpoint = await currentEndpoint();
      const answer = body.kind === 'json' ? await publishDefinition(endpoint, body.json) : await publishXlsForm(endpoint, body.bytes);
      if (answer.kind === 'refused') {
        const caption = t('Problems the server found in {file}', { file: file?.name ?? '' });
        setOutcome({ kind: 'message', alert: true, text: answer.body.error.message, problems: { caption, list: answer.body.problems } });
        return;
      }
      const { form, warnings, unchanged } = answer.body;
      const vars = { version: form.version, title: textIn(form.title, locale) };
      const text = unchanged ? t('Version {version} of {title} already has this content: nothing new was published.', vars) : t('Published version {version} of {title}.', vars);
      setOutcome({ kind: 'message', alert: false, text, problems: warnings.length > 0 ? { caption: t('Warnings about {title}', { title }), list: warnings } : undefined });
      setFile(undefined);
      if (input.current) input.current.value = '';
      onPublished();
    } catch (e) {
      if (isRefusal(e)) onRefused(e.message);
      else setOutcome({ kind: 'message', alert: true, text: t('Nothing was published: {reason}', { reason: messageOf(e) }) });
    }
  };

  const ready = file?.read.kind === 'ready' ? file.read : undefined;
  const previewTitle = ready ? textIn(ready.form.title, locale) : '';
  return (
    <section class="panel publish-form" aria-labelledby="publish-form-heading" aria-busy={busy}>
      <h3 id="publish-form-heading">{t('Publish a form')}</h3>
      <p class="hint" id="publish-file-hint">
        {t('A form definition in JSON, or an XLSForm spreadsheet (.xlsx), at most 10 MB. A new id adds a form; the id of a form on the server publishes its next version. Nothing is sent before you press Publish.')}
      </p>
      <div class="field">
        <label for="publish-file">{t('Form definition (JSON or XLSForm .xlsx file)')}</label>
        <input id="publish-file" ref={input} type="file" accept={ACCEPT} aria-describedby="publish-file-hint" disabled={busy} onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </div>
      <div ref={result} tabIndex={-1} class="publish-result">
        {outcome?.kind === 'busy' && (
          <p role="status" class="busy">
            {outcome.text}
          </p>
        )}
        {outcome?.kind === 'message' && (
          <>
            {outcome.alert ? <p role="alert">{outcome.text}</p> : <p role="status">{outcome.text}</p>}
            {outcome.problems && <ProblemTable caption={outcome.problems.caption} problems={outcome.problems.list} />}
          </>
        )}
      </div>
      {ready && (
        <>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void publish(ready.body, previewTitle)}>
              {t('Publish')}
            </button>
          </div>
          <div class="preview" role="region" aria-label={t('Preview of {title}', { title: previewTitle })}>
            <p class="hint">{t('Preview of {title}: this is how devices will show it. What you type here is not saved.', { title: previewTitle })}</p>
            <FormRenderer form={ready.form} answers={answers} errors={{}} locale={locale} onChange={(id: string, value: AnswerValue | undefined) => setAnswers((a) => withAnswer(a, id, value))} />
          </div>
        </>
      )}
    </section>
  );
}

/** The answers with one changed (or removed), as the renderer reports them. */
function withAnswer(answers: Answers, id: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}
