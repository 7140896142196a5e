// Why a definition cannot be published, one sentence per problem, placed where the coordinator
// will look: a spreadsheet's sheet, row and column, or a JSON path (sheet and row null).
import * as z from 'zod/mini';

export const FormProblemSchema = z.object({
  sheet: z.nullable(z.string()),
  row: z.nullable(z.int()),
  column: z.nullable(z.string()),
  message: z.string(),
});
export type FormProblem = z.infer<typeof FormProblemSchema>;

/** A problem in a JSON definition, at a path such as `sections[0].questions[3].type`. */
export function jsonProblem(path: string, message: string): FormProblem {
  return { sheet: null, row: null, column: path === '' ? null : path, message };
}

/** zod's path (`['sections', 0, 'id']`) as `sections[0].id`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
