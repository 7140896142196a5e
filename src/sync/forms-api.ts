// The form catalog's bodies (PRODUCT.md section 7), shared by the device, the coordinator's
// screen and the server. It imports nothing runtime-specific.
import * as z from 'zod/mini';
import { FormProblemSchema } from '../forms/problems';
import { FormSchema, FormStateSchema, TextSchema } from '../forms/schema';

/** A published definition is at most this large (JSON or XLSForm). */
export const MAX_DEFINITION_BYTES = 10 * 1024 * 1024;

/** GET /api/v1/forms: the latest version of every open or closing form, and every form's state (closed ones too). */
export const CatalogSchema = z.object({
  forms: z.array(FormSchema),
  states: z.optional(z.record(z.string(), FormStateSchema)),
});
export type Catalog = z.infer<typeof CatalogSchema>;

/** The catalog with its forms unread: each is read on its own, so one this app cannot read does not hide the others. */
export const CatalogEnvelopeSchema = z.object({
  forms: z.array(z.unknown()),
  states: z.optional(z.record(z.string(), FormStateSchema)),
});

/**
 * The forms of a catalog this app can read, and whether it skipped any (a form using what only a
 * newer app knows). A skipped form that the device already holds keeps its known version: its
 * state is still in `states`, which keeps its row (storage/catalog.ts).
 */
export function readableCatalog(envelope: z.infer<typeof CatalogEnvelopeSchema>): { catalog: Catalog; skipped: number } {
  const forms = envelope.forms.flatMap((f) => {
    const parsed = FormSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
  return { catalog: { forms, ...(envelope.states && { states: envelope.states }) }, skipped: envelope.forms.length - forms.length };
}

/** POST /api/v1/forms, 201 or 200: the version published (or found unchanged), and warnings. */
export const PublishedSchema = z.object({
  form: z.object({ id: z.string(), version: z.int(), title: TextSchema }),
  warnings: z.array(FormProblemSchema),
  unchanged: z.optional(z.literal(true)),
});
export type Published = z.infer<typeof PublishedSchema>;

/** POST /api/v1/forms, 422 or 409: nothing was published, and why. */
export const RefusedSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(FormProblemSchema),
});
export type Refused = z.infer<typeof RefusedSchema>;

/** GET /api/v1/forms/{formId} (coordinator): the form's state and every version with its responses. */
export const FormSummarySchema = z.object({
  id: z.string(),
  state: FormStateSchema,
  title: TextSchema,
  versions: z.array(
    z.object({
      version: z.int(),
      publishedAt: z.string(),
      publishedBy: z.string(),
      responses: z.int(),
    }),
  ),
});
export type FormSummary = z.infer<typeof FormSummarySchema>;

/** PATCH /api/v1/forms/{formId}. */
export const StateChangeSchema = z.strictObject({ state: FormStateSchema });
