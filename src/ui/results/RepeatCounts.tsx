import { repeatsOf, type Form, type Locale } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t, tn } from '../../i18n';
import { sexSeriesLabel } from '../../results/labels';
import { SEX_KEYS, type RepeatResult, type SexKey } from '../../results/schema';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Each repeat's instances across responses ("Household member: 312 across 80 responses"), then
 * by the respondent's sex when results are split; the questions inside are not charted yet.
 */
export function RepeatCounts({ form, repeats, sexes, locale }: { form: Form; repeats: readonly RepeatResult[]; sexes: readonly SexKey[] | undefined; locale: Locale }) {
  const labels = new Map(repeatsOf(form).map((r) => [r.id, textIn(r.label, locale) || r.id]));
  return (
    <section aria-labelledby="repeats-heading">
      <h2 id="repeats-heading">{t('Repeated entries')}</h2>
      <ul class="repeat-counts">
        {repeats.map((r) => {
          const whole = tn(sum(r.responses), '{label}: {instances} across {n} response', '{label}: {instances} across {n} responses', {
            label: labels.get(r.repeatId) ?? r.repeatId,
            instances: sum(r.instances),
          });
          const split = (sexes ?? []).map((key) => {
            const i = SEX_KEYS.indexOf(key);
            return tn(r.responses[i] ?? 0, '{sex}: {instances} across {n} response', '{sex}: {instances} across {n} responses', {
              sex: sexSeriesLabel(key).toLowerCase(),
              instances: r.instances[i] ?? 0,
            });
          });
          return <li key={r.repeatId}>{split.length > 0 ? `${whole} (${split.join(', ')}).` : `${whole}.`}</li>;
        })}
      </ul>
    </section>
  );
}
