// The content hash that tells a retry (same content) from a conflict (same id, other content).
import * as crypto from 'node:crypto';
import { canonicalWithAnswers, sortedAnswer } from '../src/export/canonical-json';
import { questionsOf, type Form } from '../src/forms/schema';
import type { Submission } from '../src/forms/submission';

// Shared with the app, whose bundles are checksummed over the same canonical text.
export { canonicalJson } from '../src/export/canonical-json';

/** Hex sha256 of a text (UTF-8), as stored beside each submission. */
export const sha256Hex: (text: string) => string =
  // One-shot hashing (Node 20.12 on) skips a Hash object per submission; earlier Node 20 builds one.
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The text of `canonicalSubmissionJson` for submissions of one form, with the sorting done
 * once: the answers are written in the form's question ids, sorted. Only for a submission
 * whose every answer key is a question of `form` (a test holds the two equal).
 */
export function canonicalWriterFor(form: Form): (s: Submission) => string {
  // The same order as Array#sort on the answer keys: UTF-16 code units.
  const ids = questionsOf(form)
    .map((q) => q.id)
    .sort();
  return (s) => {
    const answers: Submission['answers'] = {};
    for (const id of ids) {
      const value = s.answers[id];
      if (value !== undefined) answers[id] = sortedAnswer(value);
    }
    return canonicalWithAnswers(s, answers);
  };
}
