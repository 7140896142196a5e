// Words for results: answer codes and sex series as people read them, in the language in use.
// Shared by the charts of the device view and the coordinator view.
import { likertWord, yesNoWord } from '../forms/choice-words';
import type { Locale, Question } from '../forms/schema';
import { textIn } from '../forms/texts';
import { formatNumber, t, tn } from '../i18n';
import { SEX_KEYS, type SexKey } from './schema';

/** A sex series' name, plural, as column heads and legend entries. */
export function sexSeriesLabel(key: SexKey): string {
  switch (key) {
    case 'female':
      return t('Women');
    case 'male':
      return t('Men');
    case 'other':
      return t('Other');
    case 'prefer_not_to_say':
      return t('Prefer not to say');
    case 'not_stated':
      return t('Sex not recorded');
  }
}

/** The words for one answer code of a choice question (the form given with `locale`'s texts). */
export function categoryLabel(q: Question, code: string, locale: Locale): string {
  if (q.type === 'yesno') return yesNoWord(code, locale);
  if (q.type === 'likert') return likertWord(Number(code), locale) ?? code;
  const option = q.options?.find((o) => o.id === code);
  return option ? textIn(option.label, locale) : code;
}

/** Women and men always, so every chart compares them; the other series only where someone is in them. */
export function shownSexes(bySex: readonly number[]): SexKey[] {
  return SEX_KEYS.filter((key, i) => key === 'female' || key === 'male' || (bySex[i] ?? 0) > 0);
}

/** Counts as people read them: "1,234" (or "1 234" in French). */
export function formatCount(n: number): string {
  return formatNumber(n);
}

/** Sums: up to two decimals, grouped: "12,345.5". */
export function formatSum(n: number): string {
  return formatNumber(n, { maximumFractionDigits: 2 });
}

/** A share as a whole percentage ("42%", "42 %"), or an empty string when there is no base. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? formatNumber(Math.round((part / whole) * 100) / 100, { style: 'percent' }) : '';
}

/** A percent (0 to 100) as a whole percentage: "42%", "42 %". */
export function formatPercent(percent: number): string {
  return formatNumber(Math.round(percent) / 100, { style: 'percent' });
}

/** A gap in whole percentage points, signed: "+12 points", "−3 points", "0 points". */
export function formatGap(points: number): string {
  const whole = Math.round(points) || 0; // never "-0"
  return tn(Math.abs(whole), '{gap} point', '{gap} points', { gap: formatNumber(whole, { signDisplay: 'exceptZero' }) });
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
