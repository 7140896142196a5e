// Fills a rendered form the way a person does: finding each control by its role and label.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { Answers } from '../../src/forms/relevance';
import { questionsOf, type Form } from '../../src/forms/schema';
import { textIn } from '../../src/forms/texts';

const LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** The group (fieldset) of a choice question; labels like "If so, how?" repeat, so the id breaks ties. */
function groupFor(label: string, name: string): HTMLElement {
  const groups = screen.getAllByRole('group', { name: label });
  const match = groups.find((g) => g.querySelector(`input[name="${name}"]`));
  if (!match) throw new Error(`No group "${label}" for ${name}`);
  return match;
}

/** Enters answers in form order, so that each follow-up is visible when its turn comes. */
export function fillForm(form: Form, answers: Answers): void {
  for (const q of questionsOf(form)) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const label = textIn(q.label, 'en');
    if (q.type === 'single' || q.type === 'multi' || q.type === 'yesno' || q.type === 'likert') {
      const group = groupFor(label, q.id);
      const chosen = Array.isArray(value) ? value : [String(value)];
      for (const id of chosen) {
        const name =
          q.type === 'yesno' ? (id === 'yes' ? 'Yes' : 'No') : q.type === 'likert' ? LIKERT[Number(id) - 1]! : textIn(q.options!.find((o) => o.id === id)!.label, 'en');
        fireEvent.click(within(group).getByRole(q.type === 'multi' ? 'checkbox' : 'radio', { name }));
      }
    } else {
      const control = screen.getAllByLabelText(label).find((el) => el.id === `q-${q.id}`);
      if (!control) throw new Error(`No control labelled "${label}"`);
      fireEvent.input(control, { target: { value: String(value) } });
    }
  }
}

/** Clicks a button once it is enabled (home's buttons wait for the device's settings), as a person would. */
export async function clickWhenEnabled(name: string): Promise<void> {
  const button = (await screen.findByRole('button', { name })) as HTMLButtonElement;
  await waitFor(() => {
    if (button.disabled) throw new Error(`"${name}" is still disabled`);
  });
  fireEvent.click(button);
}
