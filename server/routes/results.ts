// GET /api/v1/forms/{formId}/results: the same aggregate the device draws, over everything
// stored, computed in one streamed pass so memory stays flat however many rows there are.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Form } from '../../src/forms/schema';
import { createAccumulator } from '../../src/results/aggregate';
import type { FormResults } from '../../src/results/schema';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { versionsInUse } from '../forms';
import { HttpError, sendJson } from '../http';

/** Results by sex for one form; the coordinator token only. */
export async function handleResults(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const versions = await versionsInUse(ctx.store.forms, formId);
  if (!versions) throw new HttpError(404, 'not_found', `No form "${formId}" on this server.`);
  const [form, ...older] = versions as [Form, ...Form[]];
  const accumulator = createAccumulator(form, older);
  for await (const stored of ctx.store.iterateForm(form.id)) accumulator.add(stored.submission);
  const answer: FormResults = accumulator.result();
  sendJson(res, 200, answer);
}
