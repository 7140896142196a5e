// Repeat instances counted for results by sex: each repeat's instances (at any depth) and the
// responses holding at least one, by the respondent's sex. Pure: no I/O.
import { isRecord } from '../forms/instances';
import { itemsOf, type Form } from '../forms/schema';
import { SEX_KEYS, type RepeatResult } from './schema';

/** One repeat's tally: the repeats leading to it, outermost first and ending with itself. */
interface RepeatPlan {
  repeatId: string;
  chain: readonly string[];
  instances: number[];
  responses: number[];
}

const zeros = () => SEX_KEYS.map(() => 0);

/** Each repeat of `forms` (the newest first; a repeat only older versions had comes after), in form order. */
export function planRepeats(forms: readonly Form[]): RepeatPlan[] {
  const plans: RepeatPlan[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    const enclosing = new Map<string, string | undefined>();
    for (const { item, repeat } of itemsOf(form)) {
      if (item.type !== 'repeat') continue;
      enclosing.set(item.id, repeat?.id);
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      const chain: string[] = [];
      for (let id: string | undefined = item.id; id !== undefined; id = enclosing.get(id)) chain.unshift(id);
      plans.push({ repeatId: item.id, chain, instances: zeros(), responses: zeros() });
    }
  }
  return plans;
}

/** The instances of `chain`'s last repeat inside `record`, through every instance of the ones before it. */
function countIn(record: unknown, chain: readonly string[], depth: number): number {
  if (!isRecord(record)) return 0;
  const list = record[chain[depth]!];
  if (!Array.isArray(list)) return 0;
  const instances = list.filter(isRecord);
  if (depth === chain.length - 1) return instances.length;
  let n = 0;
  for (const instance of instances) n += countIn(instance, chain, depth + 1);
  return n;
}

/** Adds one response's instances, under the respondent's sex (an index in SEX_KEYS). */
export function addRepeats(plans: readonly RepeatPlan[], answers: Readonly<Record<string, unknown>>, sex: number): void {
  for (const plan of plans) {
    const n = countIn(answers, plan.chain, 0);
    if (n === 0) continue;
    plan.instances[sex]! += n;
    plan.responses[sex]!++;
  }
}

/** The tallies as results (copies, so reading them twice is safe). */
export function repeatResults(plans: readonly RepeatPlan[]): RepeatResult[] {
  return plans.map((p) => ({ repeatId: p.repeatId, instances: [...p.instances], responses: [...p.responses] }));
}
