// Results from this device's own finalized submissions: one pass through the index, page by
// page, with no per-record schema parsing (finalize already validated what it stored).
import type { Form } from '../forms/schema';
import { exportVersions } from '../storage/catalog';
import { finalizedPages } from '../storage/pages';
import { createAccumulator } from './aggregate';
import type { FormResults } from './schema';

/** The form's results as this device holds them (queued, sent and refused alike; never drafts). */
export async function localResults(form: Form): Promise<FormResults> {
  // Laid out by the form shown, with the questions only older versions in use here had.
  const older = (await exportVersions(form.id)).filter((f) => f.version !== form.version);
  const accumulator = createAccumulator(form, older);
  for await (const page of finalizedPages(form.id)) for (const record of page) accumulator.add(record);
  return accumulator.result();
}
