// A submission's manifest of files against its media answers (docs/attachments.md, "Names and
// the manifest"): every media answer names a listed file, every listed file is named by an
// answer, each name carries the start of its file's hash, and each file's type fits its question.
// Called by check.ts, so the server's ingest and the device's bundle import refuse alike.
import type { SubmissionError } from '../sync/api';
import { ATTACHMENT_NAME, IMAGE_MIME_TYPES, MEDIA_TYPES, typeFits, type Attachment, type MediaType } from './attachments';
import { instancesIn } from './instances';
import { itemsOf, questionsIn, type Answers, type Form, type Question } from './schema';

const MEDIA: ReadonlySet<string> = new Set(MEDIA_TYPES);

/** Whether a question's answer is the name of an attached file. */
export function isMediaQuestion(q: Question): q is Question & { type: MediaType } {
  return MEDIA.has(q.type);
}

/** Whether any question of the form, in any repeat, answers with a file. */
export function hasMediaQuestions(form: Form): boolean {
  for (const { item } of itemsOf(form)) if (isMediaQuestion(item)) return true;
  return false;
}

/** One media answer: where it sits (a dotted path, as zod's errors give it), the file it names and its question's type. */
interface MediaAnswer {
  readonly path: string;
  readonly name: string;
  readonly question: Question & { type: MediaType };
}

/** Every well-formed media answer, repeat instances included at any depth; others are the answer schema's to refuse. */
export function mediaAnswers(form: Form, answers: Answers): MediaAnswer[] {
  const found: MediaAnswer[] = [];
  const walk = (record: Answers, scope: string | undefined, path: string): void => {
    for (const q of questionsIn(form, scope)) {
      const value = record[q.id];
      if (q.type === 'repeat') instancesIn(record, q.id).forEach((instance, i) => walk(instance, q.id, `${path}.${q.id}.${i}`));
      else if (isMediaQuestion(q) && typeof value === 'string' && ATTACHMENT_NAME.test(value)) found.push({ path: `${path}.${q.id}`, name: value, question: q });
    }
  };
  walk(answers, undefined, 'answers');
  return found;
}

/** What each media type holds, for the message of a file whose type does not fit. */
const WHAT_FITS: Record<MediaType, string> = {
  image: `an image question takes ${IMAGE_MIME_TYPES.join(', ')}`,
  audio: 'an audio question takes audio/* files',
  video: 'a video question takes video/* files',
  file: 'a file question takes any file but web pages, scripts and SVG images',
};

/** Why a submission's manifest does not agree with its answers; empty when it does (or when it has neither). */
export function attachmentErrors(form: Form, submission: { answers: Answers; attachments?: readonly Attachment[] | undefined }): SubmissionError[] {
  const list = submission.attachments;
  const answers = mediaAnswers(form, submission.answers);
  if (list === undefined) {
    return answers.map((a) => ({ path: a.path, message: `This answer names the file "${a.name}", but the submission lists no attachments.` }));
  }
  if (list.length === 0) return [{ path: 'attachments', message: 'A submission without files has no "attachments" list; leave it out rather than sending it empty.' }];
  if (!hasMediaQuestions(form)) {
    return [{ path: 'attachments', message: `Form "${form.id}" version ${form.version} has no photo, recording or file question, so its submissions carry no attachments.` }];
  }
  const errors: SubmissionError[] = [];
  const byName = new Map(list.map((entry, index) => [entry.name, { entry, index }]));
  const named = new Set<string>();
  // One file may answer several questions (the same photo in two instances): each misfit said once.
  const misfits = new Set<string>();
  for (const a of answers) {
    const listed = byName.get(a.name);
    if (!listed) {
      errors.push({ path: a.path, message: `This answer names the file "${a.name}", which is not in the submission's attachments.` });
      continue;
    }
    named.add(a.name);
    const misfit = `${listed.index} ${a.question.id}`;
    if (!typeFits(a.question.type, listed.entry.type) && !misfits.has(misfit)) {
      misfits.add(misfit);
      errors.push({ path: `attachments.${listed.index}.type`, message: `"${a.name}" is ${listed.entry.type}, which cannot answer "${a.question.id}": ${WHAT_FITS[a.question.type]}.` });
    }
  }
  list.forEach((entry, index) => {
    if (!named.has(entry.name)) errors.push({ path: `attachments.${index}`, message: `The file "${entry.name}" is listed but no answer names it; list only the files the answers name.` });
    const hex = /-([0-9a-f]{12})\.[a-z0-9]+$/.exec(entry.name)?.[1];
    if (hex !== undefined && !entry.sha256.startsWith(hex)) {
      errors.push({ path: `attachments.${index}.name`, message: `The name "${entry.name}" must hold the first 12 hex digits of its sha256 (${entry.sha256.slice(0, 12)}).` });
    }
  });
  return errors;
}
