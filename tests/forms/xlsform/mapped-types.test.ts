// XLSForm's range, barcode and hidden, held as Fieldbook's integer/number (with `range`), text and
// calculate (with `xlsformType`): imported with pyxform's defaults and rules, bad parameters
// refused at their cell, and written back by the export so that importing again gives the
// identical definition.
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../../src/forms/load';
import { contentText } from '../../../src/forms/publish-checks';
import type { Form, FormInput, Question } from '../../../src/forms/schema';
import { importXlsForm } from '../../../src/forms/xlsform';
import { formToSheets, formToXlsx } from '../../../src/forms/xlsform/write';
import { definitionWith } from '../../fixtures/forms';
import { importForm, importProblems } from './fixtures';

function all(form: Form): Question[] {
  const found: Question[] = [];
  const walk = (items: readonly Question[]) => items.forEach((q) => (found.push(q), q.questions && walk(q.questions)));
  form.sections.forEach((s) => walk(s.questions));
  return found;
}
const find = (form: Form, id: string) => all(form).find((q) => q.id === id)!;

/** A market survey as field teams write it: ratings on ranges, a scanned stock code, hidden values. */
const MARKET = [
  ['type', 'name', 'label', 'appearance', 'parameters', 'default', 'calculation'],
  ['hidden', 'survey_round', '', '', '', '3', ''],
  ['hidden', 'district', '', '', '', '', ''],
  ['hidden', 'round_label', '', '', '', '', "concat('Round ', ${survey_round})"],
  ['range', 'satisfaction', 'How satisfied are you?', '', '', '', ''],
  ['range', 'stars', 'Rate the stall', 'rating', 'start=1 end=5 step=1', '', ''],
  ['range', 'price_kg', 'Price per kg', 'vertical', 'start=0.5;end=3;step=0.25', '', ''],
  ['range', 'countdown', 'Queue position', 'no-ticks', 'start = 10, end = 0, step = 2', '', ''],
  ['range', 'down_by', 'Down by twos', 'picker', 'start=10 end=0 step=-2', '', ''],
  ['range', 'ticks', 'With ticks', '', 'start=0 end=100 step=5 tick_interval=25 placeholder=50', '', ''],
  ['barcode', 'stock_code', 'Scan the stock code', '', '', '', ''],
  ['add barcode prompt', 'box_code', 'Box code', 'multiline', '', '', ''],
];

describe('XLSForm range, barcode and hidden', () => {
  it('import as integer or number with a range, text and calculate, remembering the XLSForm type', async () => {
    const { form, warnings } = await importForm(MARKET);
    expect(find(form, 'survey_round')).toEqual({ id: 'survey_round', type: 'calculate', default: '3', xlsformType: 'hidden' });
    expect(find(form, 'district')).toEqual({ id: 'district', type: 'calculate', xlsformType: 'hidden' });
    expect(find(form, 'round_label')).toEqual({ id: 'round_label', type: 'calculate', calculation: "concat('Round ', ${survey_round})", xlsformType: 'hidden' });
    // pyxform's defaults: start=1 end=10 step=1, an int.
    expect(find(form, 'satisfaction')).toEqual({ id: 'satisfaction', type: 'integer', label: 'How satisfied are you?', range: { start: 1, end: 10, step: 1 } });
    expect(find(form, 'stars')).toEqual({ id: 'stars', type: 'integer', label: 'Rate the stall', appearance: 'rating', range: { start: 1, end: 5, step: 1 } });
    // A decimal parameter makes it a decimal, as pyxform's bind type.
    expect(find(form, 'price_kg')).toMatchObject({ type: 'number', range: { start: 0.5, end: 3, step: 0.25 } });
    expect(find(form, 'countdown')).toMatchObject({ type: 'integer', range: { start: 10, end: 0, step: 2 } });
    expect(find(form, 'down_by')).toMatchObject({ type: 'integer', range: { start: 10, end: 0, step: -2 } });
    expect(find(form, 'ticks')).toMatchObject({ type: 'integer', range: { start: 0, end: 100, step: 5 } });
    expect(find(form, 'stock_code')).toEqual({ id: 'stock_code', type: 'text', label: 'Scan the stock code', xlsformType: 'barcode' });
    expect(find(form, 'box_code')).toMatchObject({ type: 'text', xlsformType: 'barcode', appearance: 'multiline' });
    expect(warnings).toEqual([
      { sheet: 'survey', row: 6, column: 'appearance', message: 'appearance `rating` does not change how Fieldbook shows the question; the question works without it' },
      { sheet: 'survey', row: 7, column: 'appearance', message: 'appearance `vertical` does not change how Fieldbook shows the question; the question works without it' },
      { sheet: 'survey', row: 8, column: 'appearance', message: 'appearance `no-ticks` does not change how Fieldbook shows the question; the question works without it' },
      { sheet: 'survey', row: 9, column: 'appearance', message: 'appearance `picker` does not change how Fieldbook shows the question; the question works without it' },
      { sheet: 'survey', row: 10, column: 'parameters', message: 'parameter `tick_interval=25` (the ticks under a range slider; Fieldbook shows a number box) is not used by Fieldbook; it is ignored' },
      { sheet: 'survey', row: 10, column: 'parameters', message: 'parameter `placeholder=50` (the value a range slider shows before an answer; Fieldbook shows an empty number box) is not used by Fieldbook; it is ignored' },
      // Said once, at the first barcode.
      { sheet: 'survey', row: 11, column: 'type', message: 'a `barcode` question is a text box in Fieldbook: the code is typed, or read into it by a USB barcode scanner; there is no camera scanning' },
    ]);
  });

  it.each([
    ['a step of 0', 'start=0 end=10 step=0', 'the range `step` must not be 0 (pyxform\'s defaults are start=1 end=10 step=1)'],
    ['a step wider than the range', 'start=0 end=5 step=6', 'the range `step` (6) must not be larger than the distance from `start` (0) to `end` (5) (pyxform\'s defaults are start=1 end=10 step=1)'],
    ['a step wider than the default range', 'step=10', 'the range `step` (10) must not be larger than the distance from `start` (1) to `end` (10) (pyxform\'s defaults are start=1 end=10 step=1)'],
    ['start equal to end', 'start=4 end=4', 'the range `step` (1) must not be larger than the distance from `start` (4) to `end` (4) (pyxform\'s defaults are start=1 end=10 step=1)'],
    ['a word for start', 'start=low end=5', 'the range parameter `start` must be a number, not `low`'],
    ['an infinite end', 'end=inf', 'the range parameter `end` must be a number, not `inf`'],
    ['a hexadecimal step', 'step=0x2', 'the range parameter `step` must be a number, not `0x2`'],
    ['no pair at all', '5', 'parameters `5` should be pairs such as `start=0 end=5 step=1`, separated by spaces'],
  ])('refuse %s on a range at its row and column', async (_name, parameters, message) => {
    const problems = await importProblems([
      ['type', 'name', 'label', 'Parameters'],
      ['text', 'a', 'A', ''],
      ['range', 'score', 'Score', parameters],
    ]);
    expect(problems).toEqual([{ sheet: 'survey', row: 3, column: 'Parameters', message }]);
  });

  it('come back identical from the export, written as range (with its parameters), barcode and hidden', async () => {
    const { form } = await importForm(MARKET);
    const [survey] = formToSheets(form);
    const header = survey!.rows[0]!;
    const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, survey!.rows.find((r) => r[1] === name)![i]]));
    expect(row('satisfaction')).toMatchObject({ type: 'range', parameters: 'start=1 end=10 step=1' });
    expect(row('price_kg')).toMatchObject({ type: 'range', parameters: 'start=0.5 end=3 step=0.25', appearance: 'vertical' });
    expect(row('down_by')).toMatchObject({ type: 'range', parameters: 'start=10 end=0 step=-2' });
    expect(row('stock_code')).toMatchObject({ type: 'barcode', parameters: '' });
    expect(row('survey_round')).toMatchObject({ type: 'hidden', default: '3' });
    expect(row('round_label')).toMatchObject({ type: 'hidden', calculation: "concat('Round ', ${survey_round})" });
    const back = await importXlsForm(formToXlsx(form));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(contentText(back.form)).toBe(contentText(form));
  });
});

describe('range and xlsformType in a JSON definition', () => {
  const problems = (q: FormInput['sections'][number]['questions'][number]) => {
    const read = readDefinition(definitionWith([q]));
    return read.ok ? [] : read.problems.map((p) => `${p.column}: ${p.message}`);
  };
  it.each([
    ['a range on an integer', { id: 'r', type: 'integer', label: 'R', range: { start: 1, end: 5, step: 1 } }, []],
    ['a decimal range on a number', { id: 'r', type: 'number', label: 'R', range: { start: 0, end: 1, step: 0.1 } }, []],
    ['a hidden without a calculation', { id: 'h', type: 'calculate', default: 'x', xlsformType: 'hidden' }, []],
    ['a range on a text', { id: 'r', type: 'text', label: 'R', range: { start: 1, end: 5, step: 1 } }, ['sections[0].questions[0].range: question "r" (text) cannot have a range; only an integer or a number can']],
    ['a decimal range on an integer', { id: 'r', type: 'integer', label: 'R', range: { start: 0, end: 1, step: 0.5 } }, ['sections[0].questions[0].range: question "r" is an integer, so its range needs whole numbers; make it a number for decimals']],
    ['a whole range on a number', { id: 'r', type: 'number', label: 'R', range: { start: 0, end: 10, step: 2 } }, ['sections[0].questions[0].range: question "r" has a range of whole numbers only, so it must be an integer, as XLSForm reads it']],
    ['a step of 0', { id: 'r', type: 'integer', label: 'R', range: { start: 1, end: 5, step: 0 } }, ['sections[0].questions[0].range: the range `step` must not be 0']],
    ['a barcode on an integer', { id: 'b', type: 'integer', label: 'B', xlsformType: 'barcode' }, ['sections[0].questions[0].xlsformType: question "b" (integer) cannot be written as XLSForm\'s barcode; only a text can']],
    ['a calculate with no calculation', { id: 'c', type: 'calculate' }, ['sections[0].questions[0].calculation: calculate "c" needs a calculation']],
  ] as const)('%s', (_name, question, expected) => {
    expect(problems(question as never)).toEqual(expected);
  });
});
