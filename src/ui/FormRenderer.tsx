import { Component, type ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { ResponseState } from '../forms/logic';
import type { AnswerValue, Answers } from '../forms/relevance';
import { METADATA_TYPES, type Form, type Locale, type Question } from '../forms/schema';
import { isRightToLeft, languageName } from '../forms/xlsform/languages';
import { t } from '../i18n';
import { initialFormLanguage, LiveState, shownQuestion, shownText } from './form-view';
import { QuestionField } from './QuestionField';

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
}

/** The one renderer: any form definition, by section and group, showing only what applies, with live logic. */
export function FormRenderer(props: FormRendererProps) {
  const { form, answers, errors, locale, readOnly = false, onSubmit, children } = props;
  // One onChange for the page's life, calling the latest given: unchanged rows can skip re-rendering.
  const latestOnChange = useRef(props.onChange);
  latestOnChange.current = props.onChange;
  const onChange = useCallback((id: string, value: AnswerValue | undefined) => latestOnChange.current?.(id, value), []);
  const [ownLanguage, setOwnLanguage] = useState(() => initialFormLanguage(form, locale));
  // A form without languages of its own (the built-in ones) speaks the interface language.
  const language = form.languages ? (props.formLanguage ?? ownLanguage) : locale;
  const setLanguage = props.onFormLanguage ?? setOwnLanguage;
  const live = useRef<LiveState>();
  if (!live.current || live.current.form !== form) live.current = new LiveState(form, answers);
  const state = live.current.sync(answers);
  const shared: Shared = { form, state, language, answers, errors, locale, readOnly, onChange };
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
        if (!state.relevant(section.id) || !section.questions.some((q) => visible(q, state))) return null;
        return (
          <section class="form-section" key={section.id} aria-labelledby={`s-${section.id}`}>
            <h2 id={`s-${section.id}`}>{shownText(section.title, language, form, state)}</h2>
            <Items items={section.questions} shared={shared} />
          </section>
        );
      })}
      {children}
    </form>
  );
}

/** Whether an item takes space on the page: it applies, and it is not filled by the device or computed. */
function visible(q: Question, state: ResponseState): boolean {
  if (!state.relevant(q.id) || METADATA_TYPES.has(q.type) || q.type === 'calculate') return false;
  return q.type !== 'group' || (q.questions ?? []).some((c) => visible(c, state));
}

function Items({ items, shared }: { items: readonly Question[]; shared: Shared }) {
  const { form, state, language, answers, errors, locale, readOnly, onChange } = shared;
  return (
    <>
      {items.map((q) => {
        if (!visible(q, state)) return null;
        if (q.type === 'group') {
          const label = q.label === undefined ? undefined : shownText(q.label, language, form, state);
          return (
            <section class={`form-group${q.appearance ? ` appearance-${q.appearance}` : ''}`} key={q.id} aria-labelledby={label ? `g-${q.id}` : undefined}>
              {label && <h3 id={`g-${q.id}`}>{label}</h3>}
              <Items items={q.questions ?? []} shared={shared} />
            </section>
          );
        }
        if (q.type === 'note') {
          return (
            <div class="question note" key={q.id}>
              <p id={`q-${q.id}`}>{shownText(q.label, language, form, state)}</p>
              {q.hint && <p class="hint">{shownText(q.hint, language, form, state)}</p>}
            </div>
          );
        }
        // A question with a calculation shows its result, which is also what finalizing stores.
        const value = q.calculation !== undefined ? state.value(q.id) : answers[q.id];
        const answered = value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
        // A constraint speaks as soon as the answer breaks it, in the form's own words.
        const live = answered && !state.constraintHolds(q.id) ? shownText(q.constraintMessage, language, form, state) || t('This answer is not accepted.') : undefined;
        return <QuestionRow key={q.id} shown={shownQuestion(q, language, form, state)} value={value} error={errors[q.id] ?? live} locale={locale} readOnly={readOnly || state.readOnly(q.id)} onChange={onChange} />;
      })}
    </>
  );
}

interface RowProps {
  shown: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  locale: Locale;
  readOnly: boolean;
  onChange: (id: string, value: AnswerValue | undefined) => void;
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
    const changed = shape !== this.shape || next.value !== this.props.value || next.error !== this.props.error || next.readOnly !== this.props.readOnly || next.locale !== this.props.locale;
    this.shape = shape;
    return changed;
  }

  override render() {
    const { shown, value, error, locale, readOnly, onChange } = this.props;
    return (
      <div class="question">
        <QuestionField question={shown} value={value} error={error} locale={locale} readOnly={readOnly} onChange={onChange} />
      </div>
    );
  }
}
