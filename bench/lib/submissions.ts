// Valid submissions made from the real form definitions, for loading servers and devices.
import { findForm } from '../../src/forms';
import type { Submission } from '../../src/forms/submission';
import { sampleAnswers } from '../../tests/fixtures/answers';

/** `count` valid workshop-feedback submissions with fresh ids, alternating the respondent's sex. */
export function makeSubmissions(count: number, formId = 'workshop-feedback'): Submission[] {
  const form = findForm(formId);
  if (!form) throw new Error(`no form ${formId}`);
  const answers = sampleAnswers(form);
  const time = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    formId: form.id,
    formVersion: form.version,
    answers: { ...answers, sex: i % 2 ? 'male' : 'female' },
    meta: { deviceId: 'bench-device', enumerator: 'Bench', locale: 'en', appVersion: 'bench', startedAt: time, completedAt: time },
  }));
}

/** Splits a list into batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
