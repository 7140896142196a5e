// A hand-written twin of `SubmissionSchema` for the server's hot path: zod's generic machinery
// took ~19 µs a submission there, a third of everything else ingest does, this ~1.5 µs. It may
// only say "yes" where the schema says "yes" (and would output an equal value); on "no" the
// caller asks zod, which decides and words the errors. A test drives both over a table of inputs.
import { LOCALES } from './locale';
import {
  MAX_ANSWER_KEY_CHARS,
  MAX_FORM_ID_CHARS,
  MAX_META_CHARS,
  SubmissionMetaSchema,
  SubmissionSchema,
  type Submission,
  type SubmissionMeta,
} from './submission';

/** The very patterns zod tests, taken from the schemas so the two cannot drift apart. */
function patternOf(schema: { _zod: { def: { pattern?: RegExp | undefined } } }): RegExp {
  const pattern = schema._zod.def.pattern;
  if (!pattern) throw new Error('a submission field lost its format pattern; update fast-submission.ts');
  return pattern;
}
const UUID = patternOf(SubmissionSchema.shape.id);
const STARTED_AT = patternOf(SubmissionMetaSchema.shape.startedAt);
const COMPLETED_AT = patternOf(SubmissionMetaSchema.shape.completedAt);
const LOCALE_SET: ReadonlySet<unknown> = new Set(LOCALES);

/**
 * Only objects made by JSON.parse or a literal are judged here; anything with another
 * prototype (zod's rules for those differ by schema) is left to zod.
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether the enumerable keys are exactly `keys` (checked without building an array). */
function hasExactly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  let n = 0;
  for (const key in record) {
    if (!keys.includes(key)) return false;
    n++;
  }
  return n === keys.length;
}

// A submission with files takes the schema path, which checks its manifest against its answers.
const SUBMISSION_KEYS = Object.keys(SubmissionSchema.shape).filter((k) => k !== 'attachments');
const META_KEYS = Object.keys(SubmissionMetaSchema.shape);

function isMetaText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_META_CHARS;
}

function isMeta(value: unknown): value is SubmissionMeta {
  if (!isPlainRecord(value) || !hasExactly(value, META_KEYS)) return false;
  const { deviceId, startedAt, completedAt } = value;
  return (
    typeof deviceId === 'string' &&
    deviceId.length >= 1 &&
    deviceId.length <= MAX_META_CHARS &&
    isMetaText(value.enumerator) &&
    LOCALE_SET.has(value.locale) &&
    isMetaText(value.appVersion) &&
    typeof startedAt === 'string' &&
    STARTED_AT.test(startedAt) &&
    typeof completedAt === 'string' &&
    COMPLETED_AT.test(completedAt)
  );
}

function isAnswerValue(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isAnswers(value: unknown): value is Submission['answers'] {
  // zod's record looks at symbol keys (and refuses them) and drops a `__proto__` key: leave both to zod.
  if (!isPlainRecord(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const key in value) {
    if (key.length > MAX_ANSWER_KEY_CHARS || key === '__proto__' || !isAnswerValue(value[key])) return false;
  }
  return true;
}

/**
 * True only when `SubmissionSchema` accepts `input` and would give back an equal value, so
 * the input itself can be used as the parsed submission. False means "ask zod".
 */
export function fastAcceptsShape(input: unknown): input is Submission {
  if (!isPlainRecord(input) || !hasExactly(input, SUBMISSION_KEYS)) return false;
  const { id, formId, formVersion } = input;
  return (
    typeof id === 'string' &&
    UUID.test(id) &&
    typeof formId === 'string' &&
    formId.length >= 1 &&
    formId.length <= MAX_FORM_ID_CHARS &&
    Number.isSafeInteger(formVersion) &&
    (formVersion as number) > 0 &&
    isAnswers(input.answers) &&
    isMeta(input.meta)
  );
}
