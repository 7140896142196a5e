// What publishing a definition as the next version of a form must pass, beyond the definition
// itself: the rules that need the versions already published. Pure, so the server runs it inside
// the transaction that assigns the version, and the coordinator's preview runs it too.
import { canonicalJson } from '../export/canonical-json';
import { readDefinition } from './load';
import { jsonProblem, type FormProblem } from './problems';
import { holdsAnswer, itemsOf, type Form, type Question, type QuestionType } from './schema';

/** What a form's published versions say about the next one. */
export interface PublishedHistory {
  /** The highest version published, or undefined for a new form. */
  latestVersion: number | undefined;
  /** The content hash (see `contentText`) of that version. */
  latestHash: string | undefined;
  /** Each question id's type in the versions published, and the newest version that has it. */
  questionTypes: ReadonlyMap<string, { type: QuestionType; version: number }>;
}

export const NO_HISTORY: PublishedHistory = { latestVersion: undefined, latestHash: undefined, questionTypes: new Map() };

/** The text a definition's content hash is taken over: canonical JSON without the version, which the server assigns. */
export function contentText(form: Form): string {
  const { version: _assigned, ...content } = form;
  return canonicalJson(content);
}

/** Each question's id and type in a version (in groups and repeats too), for the history of the next one. */
export function addToHistory(types: Map<string, { type: QuestionType; version: number }>, form: Form): void {
  for (const { item: q } of itemsOf(form)) {
    if (!holdsAnswer(q)) continue;
    const known = types.get(q.id);
    if (!known || known.version < form.version) types.set(q.id, { type: q.type, version: form.version });
  }
}

export type PublishCheck =
  | { ok: true; unchanged: true; version: number }
  | { ok: true; unchanged: false; form: Form; text: string }
  | { ok: false; conflict: boolean; problems: FormProblem[] };

/**
 * Checks a JSON definition against the form's history. `hash` turns content text into the
 * stored hash. The version is the one given if it exceeds every published one, else the next.
 * Content equal to the latest version's is `unchanged` (whatever version it names).
 */
export function checkPublication(input: unknown, history: PublishedHistory, hash: (text: string) => string): PublishCheck {
  const given = typeof input === 'object' && input !== null && 'version' in input ? input.version : undefined;
  const next = (history.latestVersion ?? 0) + 1;
  const read = readDefinition({ ...(input as object), version: given ?? next });
  if (!read.ok) return { ok: false, conflict: false, problems: read.problems };
  const text = contentText(read.form);
  if (history.latestVersion !== undefined && hash(text) === history.latestHash) return { ok: true, unchanged: true, version: history.latestVersion };
  const problems: FormProblem[] = [];
  if (given !== undefined && history.latestVersion !== undefined && read.form.version <= history.latestVersion) {
    problems.push(jsonProblem('version', `version ${read.form.version} is not above the latest published version, ${history.latestVersion}; leave "version" out to publish as version ${next}`));
  }
  // Every question keeps its type, in groups and repeats as at the top (a photo cannot become a file: its CSV column and files would mean two things).
  const visit = (items: readonly Question[], base: string): void =>
    items.forEach((q, i) => {
      const path = `${base}.questions[${i}]`;
      const earlier = history.questionTypes.get(q.id);
      if (earlier && earlier.type !== q.type) {
        problems.push(
          jsonProblem(
            `${path}.type`,
            `question "${q.id}" was "${earlier.type}" in version ${earlier.version} and cannot become "${q.type}": a question keeps its type across versions; give the new question another id`,
          ),
        );
      }
      if (q.questions) visit(q.questions, path);
    });
  read.form.sections.forEach((section, s) => visit(section.questions, `sections[${s}]`));
  const conflict = problems.length === 1 && problems[0]?.column === 'version';
  return problems.length > 0 ? { ok: false, conflict, problems } : { ok: true, unchanged: false, form: read.form, text };
}
