// A definition file checked on the coordinator's screen before anything is sent: its size, its
// JSON (or its XLSForm, imported here with the importer the server uses, loaded only when an .xlsx
// is chosen), the definition's shape and structure, and what the versions this device knows allow.
// The server checks again (it alone knows every version); this only spares a round trip and shows
// the preview.
import { findForm } from '../../forms';
import type { FormProblem } from '../../forms/problems';
import { addToHistory, checkPublication, type PublishedHistory } from '../../forms/publish-checks';
import type { Form, QuestionType } from '../../forms/schema';
import { t } from '../../i18n';
import { MAX_DEFINITION_BYTES, type FormSummary } from '../../sync/forms-api';

/** A chosen file: unreadable (with why), refused (with its problems), or ready to preview and publish. */
export type DefinitionFile =
  | { kind: 'unreadable'; message: string }
  | { kind: 'refused'; problems: FormProblem[] }
  | { kind: 'ready'; form: Form; body: DefinitionBody; warnings: FormProblem[] };

/** What is sent to publish: the JSON text as the file holds it, or the .xlsx bytes (the server imports them again). */
export type DefinitionBody = { kind: 'json'; json: string } | { kind: 'xlsx'; bytes: ArrayBuffer };

/** Whether a chosen file is an XLSForm workbook (by its name or type) rather than JSON. */
export function isXlsxFile(file: Blob): boolean {
  const name = file instanceof File ? file.name : '';
  return /\.xlsx$/i.test(name) || file.type === XLSX_TYPE;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What this device can tell of a form's published versions: the latest number, and the types of the versions it holds. */
function historyOf(summary: FormSummary | undefined): PublishedHistory {
  const versions = summary?.versions.map((v) => v.version) ?? [];
  const questionTypes = new Map<string, { type: QuestionType; version: number }>();
  for (const version of versions) {
    const known = findForm(summary!.id, version);
    if (known) addToHistory(questionTypes, known);
  }
  // No content hash here: "unchanged" is the server's to say.
  return { latestVersion: versions.length > 0 ? Math.max(...versions) : undefined, latestHash: undefined, questionTypes };
}

/** A definition (parsed JSON or an imported XLSForm) checked against what this device knows of the form's versions. */
function checkInput(input: object, summaries: readonly FormSummary[], body: DefinitionBody, warnings: FormProblem[]): DefinitionFile {
  const id = 'id' in input ? input.id : undefined;
  const check = checkPublication(input, historyOf(summaries.find((s) => s.id === id)), (text) => text);
  if (!check.ok) return { kind: 'refused', problems: check.problems };
  // Without a hash nothing is ever "unchanged" here; the branch only narrows the type.
  if (check.unchanged) return { kind: 'refused', problems: [] };
  return { kind: 'ready', form: check.form, body, warnings };
}

/** Checks a definition file's text against the forms on the server. Pure. */
export function checkDefinitionText(json: string, summaries: readonly FormSummary[]): DefinitionFile {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (e) {
    return { kind: 'unreadable', message: t('This file is not JSON, so it cannot be a form definition ({detail}).', { detail: e instanceof Error ? e.message : String(e) }) };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { kind: 'unreadable', message: t('This file holds JSON but not a form definition: a definition is one JSON object.') };
  }
  return checkInput(input, summaries, { kind: 'json', json }, []);
}

/** Imports an XLSForm workbook here, as the server will: its problems row by row, or the form with its warnings. */
export async function checkXlsFormBytes(bytes: ArrayBuffer, summaries: readonly FormSummary[]): Promise<DefinitionFile> {
  // The importer and its .xlsx reader are a chunk of their own, fetched only now.
  const { importXlsForm } = await import('../../forms/xlsform');
  const imported = await importXlsForm(bytes);
  if (!imported.ok) return { kind: 'refused', problems: imported.problems };
  // The server numbers the version, as it does for the same file.
  const { version: _numberedByServer, ...input } = imported.form;
  return checkInput(input, summaries, { kind: 'xlsx', bytes }, imported.warnings);
}

/** Reads a chosen file (at most MAX_DEFINITION_BYTES), JSON or .xlsx, and checks it. */
export async function readDefinitionFile(file: Blob, summaries: readonly FormSummary[]): Promise<DefinitionFile> {
  if (file.size > MAX_DEFINITION_BYTES) {
    return { kind: 'unreadable', message: t('This file is larger than {size} MB, the most a form definition can be.', { size: MAX_DEFINITION_BYTES / 1024 / 1024 }) };
  }
  if (isXlsxFile(file)) return checkXlsFormBytes(await file.arrayBuffer(), summaries);
  return checkDefinitionText(await file.text(), summaries);
}
