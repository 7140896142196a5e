// Repeats in the renderer: a person adds instances, each labelled with its number; removing one
// asks first and moves focus sensibly; answers land in the instance's record; a repeat_count from
// an expression sets the number of instances, and expressions inside see their own instance.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../src/forms/load';
import type { AnswerValue, Answers } from '../../src/forms/relevance';
import type { Form, FormInput } from '../../src/forms/schema';
import { FormRenderer } from '../../src/ui/FormRenderer';

function load(input: FormInput): Form {
  const read = readDefinition(input);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const ROSTER = load({
  id: 'roster',
  version: 1,
  title: 'Roster',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        {
          id: 'member',
          type: 'repeat',
          label: 'Household member',
          questions: [
            { id: 'member_name', type: 'text', label: 'Name' },
            { id: 'member_age', type: 'integer', label: 'Age' },
            { id: 'school', type: 'yesno', label: 'In school?', relevant: '${member_age} < 18' },
          ],
        },
        { id: 'total', type: 'note', label: 'Members: ${members}' },
        { id: 'members', type: 'calculate', calculation: 'count(${member})' },
      ],
    },
  ],
});

const COUNTED = load({
  id: 'counted',
  version: 1,
  title: 'Counted',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'plots', type: 'integer', label: 'How many plots?' },
        { id: 'plot', type: 'repeat', label: 'Plot', repeatCount: '${plots}', questions: [{ id: 'plot_area', type: 'number', label: 'Area of plot ${plot_no}' }, { id: 'plot_no', type: 'calculate', calculation: 'position(..)' }] },
      ],
    },
  ],
});

/** The renderer holding its answers, as the fill screen does. */
function Harness({ form, seen }: { form: Form; seen: (answers: Answers) => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  const onChange = (id: string, value: AnswerValue | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      seen(next);
      return next;
    });
  };
  return <FormRenderer form={form} answers={answers} errors={{}} locale="en" onChange={onChange} />;
}

describe('repeats in the renderer', () => {
  it('adds numbered instances, keeps each one’s answers and logic apart, and removes one after asking', () => {
    let last: Answers = {};
    render(<Harness form={ROSTER} seen={(a) => (last = a)} />);
    const add = screen.getByRole('button', { name: 'Add Household member' });
    fireEvent.click(add);
    fireEvent.click(screen.getByRole('button', { name: 'Add Household member' }));
    const first = screen.getByRole('region', { name: 'Household member 1' });
    const second = screen.getByRole('region', { name: 'Household member 2' });
    expect(document.activeElement).toBe(within(second).getByRole('heading', { name: 'Household member 2' }));
    fireEvent.input(within(first).getByLabelText('Name'), { target: { value: 'Ana' } });
    fireEvent.input(within(first).getByLabelText('Age'), { target: { value: '34' } });
    fireEvent.input(within(second).getByLabelText('Name'), { target: { value: 'Ben' } });
    fireEvent.input(within(second).getByLabelText('Age'), { target: { value: '8' } });
    expect(within(first).queryByText('In school?')).toBeNull();
    expect(within(second).getByText('In school?')).toBeTruthy();
    expect(last).toEqual({ member: [{ member_name: 'Ana', member_age: 34 }, { member_name: 'Ben', member_age: 8 }] });
    expect(screen.getByText('Members: 2')).toBeTruthy();

    fireEvent.click(within(first).getByRole('button', { name: 'Remove Household member 1' }));
    const yes = screen.getByRole('button', { name: 'Yes, remove Household member 1' });
    expect(document.activeElement).toBe(yes);
    // "Keep it" leaves everything as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(last.member).toHaveLength(2);
    fireEvent.click(within(first).getByRole('button', { name: 'Remove Household member 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove Household member 1' }));
    expect(last).toEqual({ member: [{ member_name: 'Ben', member_age: 8 }] });
    expect(screen.queryByRole('region', { name: 'Household member 2' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Household member 1' })).getByLabelText('Name')).toHaveProperty('value', 'Ben');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add Household member' }));
    expect(screen.getByText('Members: 1')).toBeTruthy();
  });

  it('follows a repeat_count from an answer, without add or remove buttons', () => {
    let last: Answers = {};
    render(<Harness form={COUNTED} seen={(a) => (last = a)} />);
    expect(screen.getByText('No Plot to fill in.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('How many plots?'), { target: { value: '3' } });
    expect(screen.getAllByRole('heading', { name: /^Plot \d$/ })).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Add|Remove/ })).toBeNull();
    fireEvent.input(screen.getByLabelText('Area of plot 3'), { target: { value: '1.5' } });
    expect(last.plot).toEqual([{}, {}, { plot_area: 1.5 }]);
    fireEvent.input(screen.getByLabelText('How many plots?'), { target: { value: '1' } });
    expect(screen.getAllByRole('heading', { name: /^Plot \d$/ })).toHaveLength(1);
    expect(last.plot).toEqual([{}]);
  });
});
