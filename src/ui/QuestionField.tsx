import { useState } from 'preact/hooks';
import { LIKERT_POINTS } from '../forms/answers';
import { rangeBounds } from '../forms/range';
import { LIKERT_WORDS, YESNO_WORDS } from '../forms/choice-words';
import type { FieldValue as AnswerValue } from '../forms/relevance';
import type { Locale, Question } from '../forms/schema';
import { textIn } from '../forms/texts';
import { t } from '../i18n';
import { GeoPointsInput, GeopointInput } from './GeoField';
import { MediaField } from './MediaField';

export interface FieldProps {
  question: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  locale: Locale;
  readOnly: boolean;
  onChange: (id: string, value: AnswerValue | undefined) => void;
  /** The draft the answers belong to, where a chosen file is kept; absent in a preview. */
  submissionId?: string;
}

/** Element ids of a question's parts, for label and description wiring. */
export const fieldIds = (qid: string) => ({ input: `q-${qid}`, hint: `q-${qid}-hint`, range: `q-${qid}-range`, error: `q-${qid}-error` });

/** A question's description: required mark, hint and error, tied to its control by aria-describedby. */
export function Description({ question, error, locale }: Pick<FieldProps, 'question' | 'error' | 'locale'>) {
  const ids = fieldIds(question.id);
  return (
    <>
      {(question.hint || question.required) && (
        <p class="hint" id={ids.hint}>
          {question.required && <span class="required-tag">{t('Required')}</span>}
          {/* A real space, so a screen reader does not run "Required" into the hint. */}
          {question.required && question.hint && ' '}
          {question.hint && textIn(question.hint, locale)}
        </p>
      )}
      {question.range && (
        // A number box shows no bounds: say them, so nobody has to guess before an error does.
        <p class="hint" id={ids.range}>
          {t('From {low} to {high}, in steps of {step}.', rangeWords(question.range))}
        </p>
      )}
      {error && (
        <p class="field-error" id={ids.error}>
          {error}
        </p>
      )}
    </>
  );
}

/** The ids of a question's hint and error, for aria-describedby. */
export function describedBy(question: Question, error: string | undefined): string | undefined {
  const ids = fieldIds(question.id);
  const parts = [question.hint || question.required ? ids.hint : '', question.range ? ids.range : '', error ? ids.error : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** A range's ends in the order the form gives them, and its step's size. */
function rangeWords(range: NonNullable<Question['range']>): { low: number; high: number; step: number } {
  return { low: range.start, high: range.end, step: Math.abs(range.step) };
}

/** A number box's bounds and step: the question's own, or an XLSForm range's (its step grid starts at the range's start). */
function numberBox(question: Question): { min: number | undefined; max: number | undefined; step: number | 'any' } {
  const whole = question.type === 'integer' ? 1 : 'any';
  if (question.range === undefined) return { min: question.min, max: question.max, step: whole };
  const { lo, hi, step } = rangeBounds(question.range);
  // A reversed range (start > end) counts its steps down from start: the browser counts from min, so only the grid's own lowest point works.
  const low = question.range.start <= question.range.end ? lo : question.range.start - Math.floor((question.range.start - lo) / step + 1e-9) * step;
  // The range's own bounds only, so the browser's step base (min) stays on the grid; validation still applies min/max.
  return { min: low, max: hi, step };
}

/** Numbers keep the typed string locally, so "1." or "-" mid-typing is not erased. An XLSForm range is a number box too: the most accessible. */
function NumberInput({ question, value, error, readOnly, onChange }: FieldProps) {
  const [raw, setRaw] = useState(value === undefined ? '' : String(value));
  const box = numberBox(question);
  return (
    <input
      id={fieldIds(question.id).input}
      type="number"
      inputMode={question.type === 'integer' ? 'numeric' : 'decimal'}
      step={box.step}
      min={box.min}
      max={box.max}
      value={raw}
      readOnly={readOnly}
      required={question.required === true}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(question, error)}
      onInput={(e) => {
        const text = e.currentTarget.value;
        setRaw(text);
        const n = Number(text);
        onChange(question.id, text.trim() === '' || !Number.isFinite(n) ? undefined : n);
      }}
    />
  );
}

/** Radios or checkboxes in a fieldset whose legend is the question's wording. */
function ChoiceGroup(props: FieldProps & { choices: { id: string; label: string }[]; multiple: boolean; numeric: boolean }) {
  const { question, value, error, locale, readOnly, onChange, choices, multiple, numeric } = props;
  const selected = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
  const toggle = (id: string, checked: boolean) => {
    if (!multiple) return onChange(question.id, numeric ? Number(id) : id);
    const order = choices.map((c) => c.id);
    const next = checked ? [...selected, id] : selected.filter((s) => s !== id);
    onChange(question.id, order.filter((o) => next.includes(o)));
  };
  return (
    <fieldset class={`choices choices-${question.type}${question.appearance ? ` appearance-${question.appearance}` : ''}`} disabled={readOnly} aria-describedby={describedBy(question, error)}>
      <legend>{textIn(question.label, locale)}</legend>
      <Description question={question} error={error} locale={locale} />
      <div class="options">
        {choices.map((c) => (
          <label class="option" key={c.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={question.id}
              value={c.id}
              checked={selected.includes(c.id)}
              required={!multiple && question.required === true}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** XLSForm's `minimal` select_one: a drop-down list. */
function SelectInput({ question, value, error, readOnly, onChange, locale }: FieldProps) {
  const ids = fieldIds(question.id);
  return (
    <div class="field field-single appearance-minimal">
      <label for={ids.input}>{textIn(question.label, locale)}</label>
      <Description question={question} error={error} locale={locale} />
      <select
        id={ids.input}
        disabled={readOnly}
        required={question.required === true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(question, error)}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(question.id, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      >
        <option value="">{t('Not answered')}</option>
        {(question.options ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {textIn(o.label, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** XLSForm's acknowledge: one box to tick, stored as `OK`. */
function AcknowledgeInput({ question, value, error, readOnly, onChange, locale }: FieldProps) {
  const ids = fieldIds(question.id);
  return (
    <div class="field field-acknowledge">
      <input
        id={ids.input}
        type="checkbox"
        disabled={readOnly}
        checked={value === 'OK'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(question, error)}
        onChange={(e) => onChange(question.id, e.currentTarget.checked ? 'OK' : undefined)}
      />{' '}
      <label for={ids.input}>{textIn(question.label, locale)}</label>
      <Description question={question} error={error} locale={locale} />
    </div>
  );
}

/** The HTML input type of a text-like question. */
function inputType(type: Question['type']): string {
  return type === 'date' || type === 'today' ? 'date' : type === 'time' ? 'time' : type === 'datetime' ? 'datetime-local' : 'text';
}

/** One question as a real, labelled control; the only place that maps question types to widgets. */
export function QuestionField(props: FieldProps) {
  const { question, value, error, locale, readOnly, onChange } = props;
  const ids = fieldIds(question.id);
  const label = textIn(question.label, locale);
  if (question.type === 'single' && question.appearance?.split(/\s+/).includes('minimal')) return <SelectInput {...props} />;
  switch (question.type) {
    case 'acknowledge':
      return <AcknowledgeInput {...props} />;
    case 'geopoint':
      return <GeopointInput {...props} />;
    case 'geotrace':
    case 'geoshape':
      return <GeoPointsInput {...props} />;
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      return <MediaField {...props} />;
    case 'single':
    case 'multi': {
      const choices = (question.options ?? []).map((o) => ({ id: o.id, label: textIn(o.label, locale) }));
      return <ChoiceGroup {...props} choices={choices} multiple={question.type === 'multi'} numeric={false} />;
    }
    case 'yesno': {
      const words = YESNO_WORDS[locale];
      const choices = [
        { id: 'yes', label: words.yes },
        { id: 'no', label: words.no },
      ];
      return <ChoiceGroup {...props} choices={choices} multiple={false} numeric={false} />;
    }
    case 'likert': {
      const choices = LIKERT_WORDS[locale].slice(0, LIKERT_POINTS).map((l, i) => ({ id: String(i + 1), label: l }));
      return <ChoiceGroup {...props} choices={choices} multiple={false} numeric />;
    }
  }
  const common = {
    id: ids.input,
    readOnly,
    required: question.required === true,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(question, error),
  };
  const text = typeof value === 'string' ? value : '';
  const onText = (e: { currentTarget: { value: string } }) => onChange(question.id, e.currentTarget.value === '' ? undefined : e.currentTarget.value);
  return (
    <div class={`field field-${question.type}`}>
      <label for={ids.input}>{label}</label>
      <Description question={question} error={error} locale={locale} />
      {question.type === 'longtext' ? (
        <textarea {...common} rows={4} maxLength={question.max} value={text} onInput={onText} />
      ) : question.type === 'integer' || question.type === 'number' ? (
        <NumberInput {...props} />
      ) : (
        <input {...common} type={inputType(question.type)} maxLength={question.max} value={text} onInput={onText} />
      )}
    </div>
  );
}
