// Words for results: answer codes and sex series as people read them. Shared by the charts
// of the device view and the coordinator view.
import { LIKERT_LABELS, YESNO_LABELS } from '../export/csv';
import type { Locale, Question } from '../forms/schema';
import { textIn } from '../forms/texts';
import { SEX_KEYS, type SexKey } from './schema';

/** Series names, plural, as column heads and legend entries. */
export const SEX_SERIES_LABELS: Record<SexKey, string> = {
  female: 'Women',
  male: 'Men',
  other: 'Other',
  prefer_not_to_say: 'Prefer not to say',
  not_stated: 'Sex not recorded',
};

/** The words for one answer code of a choice question. */
export function categoryLabel(q: Question, code: string, locale: Locale): string {
  if (q.type === 'yesno') return YESNO_LABELS[code] ?? code;
  if (q.type === 'likert') return LIKERT_LABELS[Number(code) - 1] ?? code;
  const option = q.options?.find((o) => o.id === code);
  return option ? textIn(option.label, locale) : code;
}

/** Women and men always, so every chart compares them; the other series only where someone is in them. */
export function shownSexes(bySex: readonly number[]): SexKey[] {
  return SEX_KEYS.filter((key, i) => key === 'female' || key === 'male' || (bySex[i] ?? 0) > 0);
}

/** Counts as people read them: "1,234". */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** Sums: up to two decimals, grouped: "12,345.5". */
export function formatSum(n: number): string {
  return n.toLocaleString('en', { maximumFractionDigits: 2 });
}

/** A share as a whole percentage, or an empty string when there is no base. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '';
}

/** Round steps for an axis from 0 to at least `max`: about five ticks at 1, 2 or 5 times a power of ten. */
export function axisTicks(max: number, target = 5): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, step);
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) ticks.push(v);
  return ticks;
}
