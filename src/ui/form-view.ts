// What the renderer shows of one item, from the live ResponseState: texts in the form language
// with `${name}` filled in, the options its choice_filter keeps, required and read-only now.
import { parsePathKey, type InstancePath } from '../forms/instances';
import { logicOf, ResponseState } from '../forms/logic';
import type { Answers } from '../forms/relevance';
import { type Form, type Locale, type Option, type Question, type Text } from '../forms/schema';
import { textIn } from '../forms/texts';
import { t } from '../i18n';

/** The language a form is shown in: the interface's when the form has it, else the form's default. */
export function initialFormLanguage(form: Form, locale: Locale): string {
  if (!form.languages) return locale;
  // `fr` matches a form's `fr` first, else its `fr-CA` or `fr-BE`.
  const same = form.languages.find((key) => key === locale) ?? form.languages.find((key) => key.toLowerCase().split('-')[0] === locale);
  return same ?? form.defaultLanguage ?? form.languages[0] ?? locale;
}

/** Keeps one ResponseState per form and feeds it only the answers that changed since last time. */
export class LiveState {
  private seen: Answers;
  readonly state: ResponseState;

  constructor(readonly form: Form, answers: Answers) {
    this.seen = answers;
    this.state = new ResponseState(form, answers);
  }

  /** Brings the state up to date with these answers: re-evaluates only what the changed ones affect. */
  sync(answers: Answers): ResponseState {
    if (answers === this.seen) return this.state;
    for (const key of Object.keys(answers)) if (answers[key] !== this.seen[key]) this.state.set(key, answers[key]);
    for (const key of Object.keys(this.seen)) if (!(key in answers)) this.state.set(key, undefined);
    this.seen = answers;
    return this.state;
  }
}

/** A text in the form language, `${name}` replaced by that answer. */
export function shownText(text: Text | undefined, language: string, form: Form, state: ResponseState, at: InstancePath = []): string {
  const words = textIn(text, language, form.defaultLanguage);
  if (!words.includes('${')) return words;
  return words.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const value = state.relevant(name.trim(), at) ? state.value(name.trim(), at) : undefined;
    return value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  });
}

/** The question as the field shows it now: plain texts, live required and read-only, filtered options. */
export function shownQuestion(q: Question, language: string, form: Form, state: ResponseState, at: InstancePath = []): Question {
  const options: Option[] | undefined = q.options && state.options(q.id, at).map((o) => ({ ...o, label: shownText(o.label, language, form, state, at) }));
  const shown: Question = { ...q, label: shownText(q.label ?? q.id, language, form, state, at), required: state.required(q.id, at) };
  if (q.hint !== undefined) shown.hint = shownText(q.hint, language, form, state, at);
  if (options !== undefined) shown.options = options;
  return shown;
}

/** A question's label in the form language, for the error summary (its id when it has none); inside a repeat, after its instance ("Household member 2: Age"). */
export function shownQuestionLabel(form: Form, key: string, language: string): string {
  const { at, id } = parsePathKey(key);
  const items = logicOf(form).items;
  const label = (name: string) => {
    const q = items.get(name);
    return q?.label === undefined ? name : textIn(q.label, language, form.defaultLanguage);
  };
  return [...at.map((s) => t('{item} {n}', { item: label(s.repeat), n: s.index + 1 })), label(id)].join(': ');
}
