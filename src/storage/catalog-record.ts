// What the device keeps of the form catalog: each form's state and latest version, and the
// definitions it may need offline.
import * as z from 'zod/mini';
import { FormSchema, FormStateSchema, TextSchema } from '../forms/schema';

/** One form as home lists it. */
export const CatalogRowSchema = z.object({
  id: z.string(),
  state: FormStateSchema,
  /** The version new responses use. */
  latest: z.int(),
  title: TextSchema,
  /** The server's order, for home. */
  order: z.number(),
});
export type CatalogRow = z.infer<typeof CatalogRowSchema>;

/** A published definition kept on the device. */
export const StoredDefinitionSchema = z.object({ id: z.string(), version: z.int(), definition: FormSchema });
export type StoredDefinition = z.infer<typeof StoredDefinitionSchema>;
