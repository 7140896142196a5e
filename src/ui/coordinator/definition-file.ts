// A definition file checked on the coordinator's screen before anything is sent: its size, its
// JSON, the definition's shape and structure, and what the versions this device knows allow. The
// server checks again (it alone knows every version); this only spares a round trip and shows
// the preview.
import { findForm } from '../../forms';
import type { FormProblem } from '../../forms/problems';
import { addToHistory, checkPublication, type PublishedHistory } from '../../forms/publish-checks';
import type { Form, QuestionType } from '../../forms/schema';
import { t } from '../../i18n';
import { MAX_DEFINITION_BYTES, type FormSummary } from '../../sync/forms-api';

/** A chosen file: unreadable (with why), refused (with its problems), or ready to preview and publish. */
export type DefinitionFile = { kind: 'unreadable'; message: string } | { kind: 'refused'; problems: FormProblem[] } | { kind: 'ready'; form: Form; json: string };

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
  const id = 'id' in input ? input.id : undefined;
  const check = checkPublication(input, historyOf(summaries.find((s) => s.id === id)), (text) => text);
  if (!check.ok) return { kind: 'refused', problems: check.problems };
  // Without a hash nothing is ever "unchanged" here; the branch only narrows the type.
  if (check.unchanged) return { kind: 'refused', problems: [] };
  return { kind: 'ready', form: check.form, json };
}

/** Reads a chosen file (at most MAX_DEFINITION_BYTES) and checks it. */
export async function readDefinitionFile(file: Blob, summaries: readonly FormSummary[]): Promise<DefinitionFile> {
  if (file.size > MAX_DEFINITION_BYTES) {
    return { kind: 'unreadable', message: t('This file is larger than {size} MB, the most a form definition can be.', { size: MAX_DEFINITION_BYTES / 1024 / 1024 }) };
  }
  return checkDefinitionText(await file.text(), summaries);
}
