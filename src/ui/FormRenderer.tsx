import { Component, type ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { instancesIn, parsePathKey, pathKey, recordAt, withValueAt, type InstancePath } from '../forms/instances';
import type { ResponseState } from '../forms/logic';
import type { AnswerValue, Answers, FieldValue } from '../forms/relevance';
import { METADATA_TYPES, type Form, type Locale, type Question } from '../forms/schema';
import { isRightToLeft, languageName } from '../forms/xlsform/languages';
import { t } from '../i18n';
import { initialFormLanguage, LiveState, shownQuestion, shownText } from './form-view';
import { QuestionField } from './QuestionField';
import { RepeatBlock } from './RepeatBlock';

export interface FormRendererProps {
  form: Form;
  answers: Answers;
  errors: Record<string, string>;
  locale: Locale;
  readOnly?: boolean;
  onChange?: (id: string, value: AnswerValue | undefined) => void;
  onSubmit?: () => void;
  /** The language of the form's texts, when the parent keeps it (else the renderer does). */
  formLanguage?: string;
  onFormLanguage?: (language: string) => void;
  /** The draft or submission shown, whose kept files media questions show and add to; absent in a preview. */
  submissionId?: string;
  /** Actions shown under the last section (e.g. Finalize). */
  children?: ComponentChildren;
}

interface Shared {
  form: Form;
  state: ResponseState;
  language: string;
  answers: Answers;
  errors: Record<string, string>;
  locale: Locale;
  readOnly: boolean;
  onChange: (id: string, value: AnswerValue | undefined) => void;
  submissionId: string | undefined;
}

/** The one renderer: any form definition, by section and group, showing only what applies, with live logic. */
export function FormRenderer(props: FormRendererProps) {
  const { form, answers, errors, locale, readOnly = false, onSubmit, children } = props;
  // One onChange for the page's life, calling the latest given: unchanged rows can skip re-rendering.
  const latestOnChange = useRef(props.onChange);
  latestOnChange.current = props.onChange;
  const latestAnswers = useRef(answers);
  latestAnswers.current = answers;
  // Inside a repeat a field's key is its path (`member[2]/member_age`): the change goes up as the
  // outermost repeat's new list of instances, so the draft and its autosave see one answer change.
  const onChange = useCallback((key: string, value: AnswerValue | undefined) => {
    const { at, id } = parsePathKey(key);
    const outer = at[0];
    if (!outer) return latestOnChange.current?.(id, value);
    const next = withValueAt(latestAnswers.current, at, id, value);
    latestAnswers.current = next;
    latestOnChange.current?.(outer.repeat, next[outer.repeat]);
  }, []);
  const [ownLanguage, setOwnLanguage] = useState(() => initialFormLanguage(form, locale));
  // A form without languages of its own (the built-in ones) speaks the interface language.
  const language = form.languages ? (props.formLanguage ?? ownLanguage) : locale;
  const setLanguage = props.onFormLanguage ?? setOwnLanguage;
  const live = useRef<LiveState>();
  if (!live.current || live.current.form !== form) live.current = new LiveState(form, answers);
  const state = live.current.sync(answers);
  const shared: Shared = { form, state, language, answers, errors, locale, readOnly, onChange, submissionId: props.submissionId };
  const rtl = form.languages !== undefined && isRightToLeft(language);
  return (
    <form
      class="survey"
      noValidate
      dir={rtl ? 'rtl' : undefined}
      lang={form.languages ? language : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      {form.languages && form.languages.length > 1 && (
        <p class="form-language" dir="auto">
          <label for="form-language">{t('Form language')}</label>{' '}
          <select id="form-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {form.languages.map((key) => (
              <option key={key} value={key}>
                {languageName(key)}
              </option>
            ))}
          </select>
        </p>
      )}
      {form.sections.map((section) => {
        if (!state.relevant(section.id) || !section.questions.some((q) => visible(q, state, []))) return null;
        return (
          <section class="form-section" key={section.id} aria-labelledby={`s-${section.id}`}>
            <h2 id={`s-${section.id}`}>{shownText(section.title, language, form, state)}</h2>
            <Items items={section.questions} shared={shared} at={[]} />
          </section>
        );
      })}
      {children}
    </form>
  );
}

/** Whether an item takes space on the page: it applies, and it is not filled by the device or computed (a repeat always shows, to add to it). */
function visible(q: Question, state: ResponseState, at: InstancePath): boolean {
  if (!state.relevant(q.id, at) || METADATA_TYPES.has(q.type) || q.type === 'calculate') return false;
  return q.type !== 'group' || (q.questions ?? []).some((c) => visible(c, state, at));
}

function Items({ items, shared, at }: { items: readonly Question[]; shared: Shared; at: InstancePath }) {
  const { form, state, language, answers, errors, locale, readOnly, onChange, submissionId } = shared;
  const record = at.length === 0 ? answers : (recordAt(answers, at) ?? {});
  return (
    <>
      {items.map((q) => {
        if (!visible(q, state, at)) return null;
        const key = pathKey(at, q.id);
        if (q.type === 'group') {
          const label = q.label === undefined ? undefined : shownText(q.label, language, form, state, at);
          return (
            <section class={`form-group${q.appearance ? ` appearance-${q.appearance}` : ''}`} key={q.id} aria-labelledby={label ? `g-${key}` : undefined}>
              {label && <h3 id={`g-${key}`}>{label}</h3>}
              <Items items={q.questions ?? []} shared={shared} at={at} />
            </section>
          );
        }
        if (q.type === 'repeat') {
          const label = shownText(q.label ?? q.id, language, form, state, at);
          return (
            <div class="question" key={q.id}>
              <RepeatBlock
                id={q.id}
                at={at}
                label={label}
                instances={instancesIn(record, q.id)}
                count={state.repeatCount(q.id, at)}
                readOnly={readOnly}
                onChange={onChange}
                renderInstance={(inner) => <Items items={q.questions ?? []} shared={shared} at={inner} />}
              />
              {errors[key] && <p class="field-error">{errors[key]}</p>}
            </div>
          );
        }
        if (q.type === 'note') {
          return (
            <div class="question note" key={q.id}>
              <p id={`q-${q.id}`}>{shownText(q.label, language, form, state, at)}</p>
              {q.hint && <p class="hint">{shownText(q.hint, language, form, state, at)}</p>}
            </div>
          );
        }
        // A question with a calculation shows its result, which is also what finalizing stores.
        const value = (q.calculation !== undefined ? state.value(q.id, at) : record[q.id]) as FieldValue | undefined;
        const answered = value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
        // A constraint speaks as soon as the answer breaks it, in the form's own words.
        const live = answered && !state.constraintHolds(q.id, at) ? shownText(q.constraintMessage, language, form, state, at) || t('This answer is not accepted.') : undefined;
        // Inside a repeat the field is named by its path, so each instance's inputs have their own ids.
        const shown = { ...shownQuestion(q, language, form, state, at), id: key };
        return <QuestionRow key={q.id} shown={shown} value={value} error={errors[key] ?? live} locale={locale} readOnly={readOnly || state.readOnly(q.id, at)} onChange={onChange} submissionId={submissionId} />;
      })}
    </>
  );
}

interface RowProps {
  shown: Question;
  value: FieldValue | undefined;
  error: string | undefined;
  locale: Locale;
  readOnly: boolean;
  onChange: (id: string, value: AnswerValue | undefined) => void;
  submissionId: string | undefined;
}

/** What a shown question looks like, as text: a row re-renders only when this or its value changes. */
function signature(q: Question): string {
  const text = (t: Question['label']) => (typeof t === 'string' ? t : JSON.stringify(t));
  return [q.id, q.type, text(q.label), text(q.hint), q.required === true, q.appearance, ...(q.options ?? []).map((o) => `${o.id}\u0001${text(o.label)}`)].join('\u0000');
}

/**
 * One question. An answer re-evaluates only the expressions that depend on it (ResponseState);
 * likewise only the rows whose words, options, value or error changed are re-rendered, so a long form stays quick.
 */
class QuestionRow extends Component<RowProps> {
  private shape = signature(this.props.shown);

  override shouldComponentUpdate(next: RowProps): boolean {
    const shape = signature(next.shown);
    const changed = shape !== this.shape || next.value !== this.props.value || next.error !== this.props.error || next.readOnly !== this.props.readOnly || next.locale !== this.props.locale || next.submissionId !== this.props.submissionId;
    this.shape = shape;
    return changed;
  }

  override render() {
    const { shown, value, error, locale, readOnly, onChange, submissionId } = this.props;
    return (
      <div class="question">
        <QuestionField question={shown} value={value} error={error} locale={locale} readOnly={readOnly} onChange={onChange} submissionId={submissionId} />
      </div>
    );
  }
}
