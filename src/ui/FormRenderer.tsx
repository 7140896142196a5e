import type { ComponentChildren } from 'preact';
import { relevantQuestionIds, type AnswerValue, type Answers } from '../forms/relevance';
import type { Form, Locale } from '../forms/schema';
import { textIn } from '../forms/texts';
import { QuestionField } from './QuestionField';

export interface FormRendererProps {
  form: Form;
  answers: Answers;
  errors: Record<string, string>;
  locale: Locale;
  readOnly?: boolean;
  onChange?: (id: string, value: AnswerValue | undefined) => void;
  onSubmit?: () => void;
  /** Actions shown under the last section (e.g. Finalize). */
  children?: ComponentChildren;
}

/** The one renderer: any form definition, grouped by section, hiding questions that do not apply. */
export function FormRenderer({ form, answers, errors, locale, readOnly = false, onChange = () => {}, onSubmit, children }: FormRendererProps) {
  const shown = relevantQuestionIds(form, answers);
  return (
    <form
      class="survey"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      {form.sections.map((section) => {
        const visible = section.questions.filter((q) => shown.has(q.id));
        if (visible.length === 0) return null;
        return (
          <section class="form-section" key={section.id} aria-labelledby={`s-${section.id}`}>
            <h2 id={`s-${section.id}`}>{textIn(section.title, locale)}</h2>
            {visible.map((q) => (
              <div class="question" key={q.id}>
                <QuestionField question={q} value={answers[q.id]} error={errors[q.id]} locale={locale} readOnly={readOnly} onChange={onChange} />
              </div>
            ))}
          </section>
        );
      })}
      {children}
    </form>
  );
}
