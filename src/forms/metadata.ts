// What the device fills by itself: XLSForm's metadata (start, today, deviceid, username when a
// response starts; end when it is finalized) and each question's default when its response starts
// (like ODK, a default is evaluated once). Pure, so it is tested without a device.
import { localDate, localDateTime } from './expr/dates';
import { isDynamicDefault, ResponseState } from './logic';
import type { AnswerValue, Answers } from './relevance';
import { questionsOf, type Form, type Question } from './schema';

/** Who and where: the device's id and the enumerator's name. */
export interface DeviceIdentity {
  readonly deviceId: string;
  readonly username: string;
}

/** A default's text as the question stores it. */
function typed(q: Question, text: string): AnswerValue | undefined {
  if (text === '') return undefined;
  if (q.type === 'integer' || q.type === 'number' || q.type === 'likert') {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  if (q.type === 'multi') return text.split(/\s+/).filter(Boolean);
  return text;
}

/** The answers a new response starts with: metadata and defaults added where there is no answer yet. */
export function startingAnswers(form: Form, answers: Answers, device: DeviceIdentity, now: Date = new Date()): Answers {
  const out: Answers = { ...answers };
  const fill = (q: Question, value: AnswerValue | undefined) => {
    if (value !== undefined && out[q.id] === undefined) out[q.id] = value;
  };
  const state = new ResponseState(form, out, { now: () => now });
  for (const q of questionsOf(form)) {
    if (q.type === 'start') fill(q, localDateTime(now));
    else if (q.type === 'today') fill(q, localDate(now));
    else if (q.type === 'deviceid') fill(q, device.deviceId || undefined);
    else if (q.type === 'username') fill(q, device.username || undefined);
    else if (q.default !== undefined) {
      fill(q, typed(q, isDynamicDefault(q.default) ? (state.defaultOf(q.id) ?? '') : q.default));
    }
  }
  return out;
}

/** The answers at finalizing: `end` set to now. */
export function endingAnswers(form: Form, answers: Answers, now: Date = new Date()): Answers {
  const ends = questionsOf(form).filter((q) => q.type === 'end');
  if (ends.length === 0) return answers;
  const out = { ...answers };
  for (const q of ends) out[q.id] = localDateTime(now);
  return out;
}

/** Whether a form has anything the device fills when a response starts. */
export function hasStartingAnswers(form: Form): boolean {
  return questionsOf(form).some((q) => q.default !== undefined || ['start', 'today', 'deviceid', 'username'].includes(q.type));
}
