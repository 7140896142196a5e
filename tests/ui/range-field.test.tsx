// XLSForm's range, barcode and hidden in the renderer: a range is a number box labelled with the
// question, bounded by its ends and stepping by its step; a barcode a text box a USB scanner types
// into; a hidden shows nothing. Found by role and label.
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/forms/answers';
import { readDefinition } from '../../src/forms/load';
import type { AnswerValue, Answers } from '../../src/forms/relevance';
import type { Form } from '../../src/forms/schema';
import { FormRenderer } from '../../src/ui/FormRenderer';

const read = readDefinition({
  id: 'market',
  version: 1,
  title: 'Market',
  sections: [
    {
      id: 'main',
      title: 'The stall',
      questions: [
        { id: 'stars', type: 'integer', label: 'Rate the stall', appearance: 'rating', range: { start: 1, end: 5, step: 1 } },
        { id: 'price_kg', type: 'number', label: 'Price per kg', range: { start: 0.5, end: 3, step: 0.25 } },
        { id: 'countdown', type: 'integer', label: 'Queue position', range: { start: 10, end: 0, step: -3 } },
        { id: 'stock_code', type: 'text', label: 'Stock code', xlsformType: 'barcode' },
        { id: 'survey_round', type: 'calculate', label: 'Round', default: '3', xlsformType: 'hidden' },
      ],
    },
  ],
});
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const FORM: Form = read.form;

let last: Answers = {};
function Harness() {
  const [answers, setAnswers] = useState<Answers>({ survey_round: '3' });
  const onChange = (id: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    last = next;
    setAnswers(next);
  };
  return <FormRenderer form={FORM} answers={answers} errors={{}} locale="en" onChange={onChange} />;
}

describe('range, barcode and hidden in the renderer', () => {
  it('a range is a number box with its label, ends and step; a typed value is a number answer', () => {
    render(<Harness />);
    const stars = screen.getByRole('spinbutton', { name: 'Rate the stall' }) as HTMLInputElement;
    expect([stars.type, stars.min, stars.max, stars.step]).toEqual(['number', '1', '5', '1']);
    // The bounds are said in words too, tied to the box.
    const described = (input: HTMLElement) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described(stars)).toEqual(['From 1 to 5, in steps of 1.']);
    const price = screen.getByLabelText('Price per kg') as HTMLInputElement;
    expect([price.min, price.max, price.step, price.inputMode]).toEqual(['0.5', '3', '0.25', 'decimal']);
    fireEvent.input(price, { target: { value: '1.75' } });
    expect(last.price_kg).toBe(1.75);
    fireEvent.input(stars, { target: { value: '4' } });
    expect(last).toMatchObject({ stars: 4, price_kg: 1.75 });
    expect(validateAnswers(FORM, { ...last, price_kg: 1.8 })).toEqual({ price_kg: 'Enter a value in steps of 0.25 from 0.5.' });
  });

  it('a reversed range steps from the lowest point of its grid, so the browser offers only valid values', () => {
    render(<Harness />);
    const countdown = screen.getByRole('spinbutton', { name: 'Queue position' }) as HTMLInputElement;
    // 10, 7, 4, 1: the browser counts from min.
    expect([countdown.min, countdown.max, countdown.step]).toEqual(['1', '10', '3']);
    expect(document.getElementById(countdown.getAttribute('aria-describedby')!)?.textContent).toBe('From 10 to 0, in steps of 3.');
  });

  it('a barcode is a labelled text box; a hidden is not shown', () => {
    render(<Harness />);
    const code = screen.getByRole('textbox', { name: 'Stock code' }) as HTMLInputElement;
    fireEvent.input(code, { target: { value: '4006381333931' } });
    expect(last.stock_code).toBe('4006381333931');
    expect(screen.queryByText('Round')).toBeNull();
    expect(last.survey_round).toBe('3');
  });
});
