// Where a value sits in answers that hold repeats: an instance path names, from the outside in,
// each repeat and which of its instances (0-based). Pure data helpers shared by the logic, the
// renderer, validation and the CSV writer.
import type { AnswerValue, Answers } from './schema';

/** One step into a repeat: its name and an instance's 0-based index. */
export interface InstanceStep {
  readonly repeat: string;
  readonly index: number;
}
/** The instances holding a value, outermost first; empty outside any repeat. */
export type InstancePath = readonly InstanceStep[];

/** Whether a value is a plain record (an instance), not a list or a scalar. */
export function isRecord(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A repeat's instances in a record (none when absent or not a list of records). */
export function instancesIn(record: Answers | undefined, repeat: string): readonly Answers[] {
  const value = record?.[repeat];
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord);
}

/** Whether a value is a repeat's list of instances rather than a question's answer. */
export function isInstanceList(value: AnswerValue | undefined): value is Answers[] {
  return Array.isArray(value) && value.length > 0 && isRecord(value[0]);
}

/** The record at a path: the answers themselves for [], else that instance (undefined when missing). */
export function recordAt(answers: Answers, at: InstancePath): Answers | undefined {
  let record: Answers | undefined = answers;
  for (const step of at) {
    const list: AnswerValue | undefined = record?.[step.repeat];
    const next: unknown = Array.isArray(list) ? list[step.index] : undefined;
    record = isRecord(next) ? next : undefined;
    if (!record) return undefined;
  }
  return record;
}

/** New answers with one value set (undefined: removed) in the record at `at`; the records on the way are copied, the rest shared. */
export function withValueAt(answers: Answers, at: InstancePath, id: string, value: AnswerValue | undefined): Answers {
  const copy: Answers = { ...answers };
  if (at.length === 0) {
    if (value === undefined) delete copy[id];
    else copy[id] = value;
    return copy;
  }
  const [step, ...rest] = at as [InstanceStep, ...InstanceStep[]];
  const list = instancesIn(answers, step.repeat).slice();
  const inner = list[step.index];
  if (!inner) return copy;
  list[step.index] = withValueAt(inner, rest, id, value);
  copy[step.repeat] = list;
  return copy;
}

/** The key of a value in error maps: `id` at the top, `household[2]/member_age` inside (1-based, as people count). */
export function pathKey(at: InstancePath, id: string): string {
  let key = '';
  for (const step of at) key += `${step.repeat}[${step.index + 1}]/`;
  return key + id;
}

/** A key of pathKey read back: `household[2]/member_age` gives the path to the second household and `member_age`. */
export function parsePathKey(key: string): { at: InstancePath; id: string } {
  const parts = key.split('/');
  const at: InstanceStep[] = [];
  for (const step of parts.slice(0, -1)) {
    const open = step.lastIndexOf('[');
    at.push({ repeat: step.slice(0, open), index: Number(step.slice(open + 1, -1)) - 1 });
  }
  return { at, id: parts[parts.length - 1]! };
}

/** Every path that extends `prefix` through the repeats `chain[prefix.length..]`, in order (the prefix alone when none are left). */
export function expandPaths(answers: Answers, chain: readonly string[], prefix: InstancePath): InstancePath[] {
  let paths: InstancePath[] = [prefix];
  for (let depth = prefix.length; depth < chain.length; depth++) {
    const repeat = chain[depth]!;
    const next: InstancePath[] = [];
    for (const path of paths) {
      const n = instancesIn(recordAt(answers, path), repeat).length;
      for (let index = 0; index < n; index++) next.push([...path, { repeat, index }]);
    }
    paths = next;
  }
  return paths;
}
