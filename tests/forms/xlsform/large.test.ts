// A large XLSForm (1,000 questions, 5,000 choices, 300 relevance expressions) imports whole;
// how fast is for npm run bench, not for a test.
import { expect, it } from 'vitest';
import { questionsOf } from '../../../src/forms/schema';
import { importXlsForm } from '../../../src/forms/xlsform';
import { largeXlsForm } from '../../fixtures/large-xlsform';

it('imports 1,000 rows with 5,000 choices and 300 relevance expressions', async () => {
  const result = await importXlsForm(largeXlsForm());
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const questions = questionsOf(result.form);
  expect(questions).toHaveLength(1000);
  expect(questions.filter((q) => typeof q.relevant === 'string')).toHaveLength(300);
  expect(questions.flatMap((q) => q.options ?? [])).toHaveLength(250 * 50);
});
