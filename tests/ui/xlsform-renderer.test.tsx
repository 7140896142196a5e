// The renderer with XLSForm's logic: live relevance, the constraint's own message, a calculation
// shown in a label, groups, notes, a drop-down, acknowledge, the form's language switch and RTL.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import type { AnswerValue, Answers } from '../../src/forms/relevance';
import type { Form, FormInput } from '../../src/forms/schema';
import { initialFormLanguage } from '../../src/ui/form-view';
import { FormRenderer } from '../../src/ui/FormRenderer';

const DEFINITION: FormInput = {
  id: 'household',
  version: 1,
  title: { en: 'Household', ar: 'الأسرة' },
  languages: ['en', 'ar'],
  defaultLanguage: 'en',
  sections: [
    {
      id: 'main',
      title: { en: 'About you', ar: 'عنك' },
      questions: [
        { id: 'age', type: 'integer', label: { en: 'Age', ar: 'العمر' }, constraint: '. < 120', constraintMessage: { en: 'Under 120, please', ar: 'أقل من 120' } },
        { id: 'decade', type: 'calculate', calculation: 'int(${age} div 10)' },
        { id: 'age_text', type: 'text', label: { en: 'Age in words', ar: 'العمر بالكلمات' }, calculation: "concat('age ', ${age})" },
        { id: 'summary', type: 'note', label: { en: 'Decade ${decade}', ar: 'العقد ${decade}' } },
        {
          id: 'work',
          type: 'group',
          label: { en: 'Work', ar: 'العمل' },
          relevant: '${age} >= 18',
          questions: [{ id: 'employer', type: 'text', label: { en: 'Employer', ar: 'صاحب العمل' } }],
        },
        { id: 'region', type: 'single', appearance: 'minimal', label: { en: 'Region', ar: 'المنطقة' }, options: [{ id: 'north', label: { en: 'North', ar: 'الشمال' } }, { id: 'south', label: { en: 'South', ar: 'الجنوب' } }] },
        { id: 'consent', type: 'acknowledge', label: { en: 'I agree', ar: 'أوافق' } },
        { id: 'started', type: 'start' },
      ],
    },
  ],
};

function load(input: FormInput): Form {
  const read = readDefinition(input);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}
const FORM = load(DEFINITION);

/** The renderer holding its answers, as the fill screen does. */
function Harness({ form, locale = 'en', seen }: { form: Form; locale?: 'en' | 'fr' | 'es'; seen?: (answers: Answers) => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  const onChange = (id: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    seen?.(next);
    setAnswers(next);
  };
  return <FormRenderer form={form} answers={answers} errors={{}} locale={locale} onChange={onChange} />;
}

describe('FormRenderer with XLSForm logic', () => {
  it('shows a group only when its relevance holds, and fills a calculation into a note', () => {
    render(<Harness form={FORM} />);
    expect(screen.queryByRole('heading', { name: 'Work' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Age'), { target: { value: '34' } });
    expect(screen.getByRole('heading', { level: 3, name: 'Work' })).toBeTruthy();
    expect(screen.getByLabelText('Employer')).toBeTruthy();
    expect(screen.getByText('Decade 3')).toBeTruthy();
    expect(screen.getByLabelText('Age in words')).toHaveProperty('value', 'age 34');
    expect(screen.getByLabelText('Age in words')).toHaveProperty('readOnly', true);
    fireEvent.input(screen.getByLabelText('Age'), { target: { value: '12' } });
    expect(screen.queryByLabelText('Employer')).toBeNull();
    expect(screen.getByText('Decade 1')).toBeTruthy();
  });

  it('shows the constraint message as soon as the answer breaks it', () => {
    render(<Harness form={FORM} />);
    const age = screen.getByLabelText('Age');
    fireEvent.input(age, { target: { value: '130' } });
    expect(document.getElementById('q-age-error')?.textContent).toBe('Under 120, please');
    expect(age.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(age, { target: { value: '30' } });
    expect(document.getElementById('q-age-error')).toBeNull();
  });

  it('a minimal select is a labelled drop-down; acknowledge is a box storing OK; metadata is not shown', () => {
    let last: Answers = {};
    render(<Harness form={FORM} seen={(a) => (last = a)} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'south' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'I agree' }));
    expect(last).toEqual({ region: 'south', consent: 'OK' });
    expect(screen.queryByLabelText('started')).toBeNull();
  });

  it('shows the form in its default language when it lacks the interface language, switches languages, and lays Arabic out right to left', () => {
    const { container } = render(<Harness form={FORM} locale="fr" />);
    const form = container.querySelector('form')!;
    expect(form.getAttribute('dir')).toBeNull();
    expect(screen.getByLabelText('Age')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Age'), { target: { value: '130' } });
    fireEvent.change(screen.getByLabelText('Form language'), { target: { value: 'ar' } });
    expect(form.getAttribute('dir')).toBe('rtl');
    expect(form.getAttribute('lang')).toBe('ar');
    expect(screen.getByRole('heading', { level: 2, name: 'عنك' })).toBeTruthy();
    expect(screen.getByLabelText('العمر')).toHaveProperty('value', '130');
    expect(document.getElementById('q-age-error')?.textContent).toBe('أقل من 120');
    expect(within(form).getByRole('combobox', { name: 'Form language' })).toHaveProperty('value', 'ar');
  });

  it('starts in the interface language when the form has it', () => {
    const withFrench = load({ ...DEFINITION, languages: ['en', 'fr'], title: { en: 'H', fr: 'M' }, sections: [{ id: 'main', title: { en: 'Main', fr: 'Principal' }, questions: [{ id: 'age', type: 'integer', label: { en: 'Age', fr: 'Âge' } }] }] });
    render(<Harness form={withFrench} locale="fr" />);
    expect(screen.getByLabelText('Âge')).toBeTruthy();
  });
});

describe('initialFormLanguage', () => {
  it.each<[string[], string | undefined, 'en' | 'fr' | 'es', string]>([
    [['en', 'fr'], 'en', 'fr', 'fr'],
    [['en', 'fr-CA'], 'en', 'fr', 'fr-CA'],
    [['ar', 'en'], 'ar', 'es', 'ar'],
    [['sw', 'pt'], undefined, 'fr', 'sw'],
  ])('%j, default %s, interface %s: %s', (languages, defaultLanguage, locale, expected) => {
    const form = { ...FORM, languages, ...(defaultLanguage ? { defaultLanguage } : { defaultLanguage: undefined }) } as Form;
    expect(initialFormLanguage(form, locale)).toBe(expected);
  });
});
